import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { verifySecretReads } from "../../../audit/secrets";
import { REQUIRED_SECRETS_OUTPUT } from "../../../config/model/stack-names";
import { synthesizeExample } from "../../stacks/example-artifact";
import { mutate } from "../rbac/artifact-mutation";

/**
 * The Secrets of the bundled example, which names no secret store: every one its pods and
 * Ingresses read is listed by its stack as a prerequisite, or written by cert-manager; the audit
 * fails on a read that nothing provides.
 */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const report = verifySecretReads(stacks);

/** A copy of the stacks where one department stack's prerequisites are edited. */
function withPrerequisites(stack: string, change: (entries: Array<Record<string, any>>) => Array<Record<string, any>>): ArtifactStack[] {
  return stacks.map((s) =>
    s.name === stack ? { ...s, outputs: { ...s.outputs, [REQUIRED_SECRETS_OUTPUT]: change(structuredClone(s.outputs![REQUIRED_SECRETS_OUTPUT] as Array<Record<string, any>>)) } } : s,
  );
}

describe("the Secrets the bundled example reads", () => {
  it("are all provided: listed as prerequisites by their stacks, or written by cert-manager", () => {
    expect(report.findings).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.secrets.filter((s) => !s.provider)).toEqual([]);
    const kinds = new Set(report.secrets.map((s) => s.provider!.kind));
    expect([...kinds].sort()).toEqual(["cert-manager", "prerequisite"]);
  });

  it("names each Secret with the keys every reader takes and who reads it", () => {
    const health = report.secrets.filter((s) => s.namespace === "health-prod");
    expect(health.map((s) => [s.name, s.keys, s.readers, s.provider?.kind])).toEqual([
      ["cache-credentials", ["password"], ["StatefulSet cache"], "prerequisite"],
      ["db-backup-s3", ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], ["CronJob db-backup"], "prerequisite"],
      ["db-credentials", ["password", "username"], ["CronJob db-backup", "StatefulSet db"], "prerequisite"],
      ["portal-tls", ["tls.crt", "tls.key"], ["Ingress portal"], "prerequisite"],
    ]);
    expect(report.secrets.find((s) => s.name === "population-api-sharing-client-tls")).toEqual({
      cluster: "secure-l4",
      namespace: "public-security-core",
      name: "population-api-sharing-client-tls",
      keys: ["ca.crt", "tls.crt", "tls.key"],
      readers: ["Deployment population-api"],
      provider: { kind: "cert-manager", certificate: "population-api-sharing-client" },
    });
  });

  it("lists each stack's prerequisites in its Terraform output, names and keys only", () => {
    const health = stacks.find((s) => s.name === "dept-health")!.outputs![REQUIRED_SECRETS_OUTPUT] as Array<Record<string, unknown>>;
    expect(health).toContainEqual({
      cluster: "shared-hz",
      namespace: "health-prod",
      name: "portal-tls",
      keys: ["tls.crt", "tls.key"],
      readers: ["Ingress portal"],
      type: "kubernetes.io/tls",
    });
    // The certificates cert-manager writes are not prerequisites.
    const all = stacks.flatMap((s) => (s.outputs?.[REQUIRED_SECRETS_OUTPUT] as Array<Record<string, unknown>> | undefined) ?? []);
    expect(all.filter((e) => String(e.name).endsWith("-sharing-client-tls"))).toEqual([]);
  });

  it("fails on a Secret a pod reads that is neither an ExternalSecret, made in the artifact, nor listed", () => {
    const broken = mutate(stacks, "Deployment", "portal", { namespace: "health-prod" }, (deployment) => {
      deployment.spec.template.spec.containers[0].env = [{ name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "portal-api-token", key: "token" } } }];
    });
    expect(verifySecretReads(broken).findings).toEqual([
      "namespace health-prod on shared-hz: Deployment portal reads Secret portal-api-token, which is neither declared as an ExternalSecret, created in the artifact, nor listed as a prerequisite",
    ]);
    expect(verifySecretReads(broken).passed).toBe(false);
  });

  it("finds reads through envFrom, projected volumes and imagePullSecrets too, but not optional ones", () => {
    const broken = mutate(stacks, "Deployment", "portal", { namespace: "health-prod" }, (deployment) => {
      const pod = deployment.spec.template.spec;
      pod.containers[0].envFrom = [{ secretRef: { name: "from-env" } }, { secretRef: { name: "optional-env", optional: true } }];
      pod.volumes.push({ name: "bundle", projected: { sources: [{ secret: { name: "projected-one", items: [{ key: "a", path: "a" }] } }] } });
      pod.imagePullSecrets = [{ name: "registry-login" }];
    });
    expect(verifySecretReads(broken).findings.map((f) => f.replace(/, which .*/, ""))).toEqual([
      "namespace health-prod on shared-hz: Deployment portal reads Secret from-env",
      "namespace health-prod on shared-hz: Deployment portal reads Secret projected-one",
      "namespace health-prod on shared-hz: Deployment portal reads Secret registry-login",
    ]);
  });

  it("fails on a key of a listed Secret that its entry does not list", () => {
    const broken = withPrerequisites("dept-health", (entries) =>
      entries.map((e) => (e.namespace === "health-prod" && e.name === "db-credentials" ? { ...e, keys: ["username"] } : e)),
    );
    expect(verifySecretReads(broken).findings).toEqual([
      "namespace health-prod on shared-hz: CronJob db-backup reads Secret db-credentials with key password, which its prerequisite entry does not list",
      "namespace health-prod on shared-hz: StatefulSet db reads Secret db-credentials with key password, which its prerequisite entry does not list",
    ]);
  });

  it("fails when a stack stops listing a Secret its pods read", () => {
    const broken = withPrerequisites("dept-health", (entries) => entries.filter((e) => !(e.namespace === "health-prod" && e.name === "cache-credentials")));
    expect(verifySecretReads(broken).findings).toEqual([
      "namespace health-prod on shared-hz: StatefulSet cache reads Secret cache-credentials, which is neither declared as an ExternalSecret, created in the artifact, nor listed as a prerequisite",
    ]);
  });
});
