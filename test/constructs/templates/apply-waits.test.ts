import { readdirSync } from "node:fs";
import { synthesizeExample } from "../../stacks/example-artifact";

/** No apply of the bundled example waits on something outside Terraform's control (see constructs/templates/apply-waits.ts). */
describe("waits of the bundled example's apply", () => {
  const example = synthesizeExample();
  const stacks = readdirSync(`${example.outdir}/stacks`).sort();
  const all = (type: string) => stacks.flatMap((stack) => example.resources(stack, type).map((resource) => ({ stack, resource })));

  it("never waits for a Deployment's or StatefulSet's rollout", () => {
    const workloads = [...all("kubernetes_deployment_v1"), ...all("kubernetes_stateful_set_v1")];
    expect(workloads.length).toBeGreaterThan(100);
    expect(workloads.filter(({ resource }) => resource.wait_for_rollout !== false).map(({ stack, resource }) => `${stack} ${resource.metadata.name}`)).toEqual([]);
  });

  it("never waits for a backup volume to bind (WaitForFirstConsumer binds with the first job)", () => {
    const claims = all("kubernetes_persistent_volume_claim_v1");
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.filter(({ resource }) => resource.wait_until_bound !== false)).toEqual([]);
  });

  it("has no Service a load-balancer wait would apply to", () => {
    expect(all("kubernetes_service_v1").filter(({ resource }) => (resource.spec.type ?? "ClusterIP") === "LoadBalancer")).toEqual([]);
  });
});
