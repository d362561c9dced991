import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EMPTY_LOCK } from "../../config/declaration/stateful-lock";
import { previewStack, type StackDocument } from "../../artifact/plan-preview/plan-preview";
import { synthesizeExample } from "../stacks/example-artifact";

/** The preview of a stack against its previous output: which objects Terraform updates in place, and which attributes. */
const example = synthesizeExample();
const stack = readdirSync(join(example.outdir, "stacks")).sort().find((name) => name.startsWith("dept-"))!;
const document = (): StackDocument => JSON.parse(readFileSync(join(example.outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
type Config = Record<string, any>;
const deployments = (d: StackDocument) => Object.entries(d.resource!.kubernetes_deployment_v1 as Record<string, Config>);
/** The lock recording every object of the stack on its cluster, as after an apply. */
function appliedLock(d: StackDocument) {
  const byCluster: Record<string, Record<string, string[]>> = {};
  for (const [type, byName] of Object.entries(d.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const cluster = /kubernetes\.(.+)$/.exec(String((config as Config).provider))![1];
      ((byCluster[cluster] ??= {}).applied ??= []).push(`${type}.${name}`);
    }
  }
  return { ...EMPTY_LOCK, stacks: { [stack]: byCluster } };
}

describe("the preview's updates in place", () => {
  it("tells the changed attribute of an object, and nothing for objects written in another key order or changed only where ignore_changes says", () => {
    const before = document();
    const after = document();
    const [[changed, config], [reordered, other], [ignored, third]] = deployments(after);
    config.spec.template.spec.container[0].image = "registry.example/changed:9.9.9";
    after.resource!.kubernetes_deployment_v1[reordered] = Object.fromEntries(Object.entries(other).reverse());
    third.lifecycle = { ignore_changes: ["spec[0].replicas"] };
    before.resource!.kubernetes_deployment_v1[ignored].lifecycle = third.lifecycle;
    third.spec.replicas = 7;

    const plan = previewStack(appliedLock(before), stack, after, before);
    expect(plan.changes).toEqual([
      expect.objectContaining({ address: `kubernetes_deployment_v1.${changed}`, action: "update", changes: [expect.objectContaining({ after: "registry.example/changed:9.9.9" })] }),
    ]);
    expect(deployments(after).length).toBeGreaterThan(2);
  });
});
