import { parse, stringify } from "yaml";
import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { runRulePack } from "../../../audit/mlps";
import type { RuleContext } from "../../../audit/mlps/mlps-rule";
import { CONTROL_PLANE_RULES } from "../../../audit/mlps/rules/control-plane-rules";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";
import { mutate, refOf, type Mutable } from "../rbac/artifact-mutation";

/** The control-plane rules on the example (secure-l4 provisioned, shared-hz registered) and on broken copies of its KubeadmControlPlane. */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const controlPlane = refOf(stacks, "KubeadmControlPlane", "secure-l4-control-plane");

// These rules read the artifact and the model only.
const run = (artifact: readonly ArtifactStack[]) => runRulePack({ model: example.model, stacks: artifact } as RuleContext, EXAMPLE_TODAY, CONTROL_PLANE_RULES);

function withApiServer(change: (apiServer: Mutable, config: Mutable) => void): ArtifactStack[] {
  return mutate(stacks, "KubeadmControlPlane", "secure-l4-control-plane", {}, (kcp) => change(kcp.spec.kubeadmConfigSpec.clusterConfiguration.apiServer, kcp.spec.kubeadmConfigSpec));
}

describe("the control-plane rules", () => {
  test("are met for the provisioned cluster and not provable for the registered one", () => {
    const result = run(stacks);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.rule} ${f.target} L${f.level} ${f.status}: ${f.message}`)).toEqual([
      "MLPS-CPL-01 cluster/secure-l4 L4 met: audit policy /etc/kubernetes/govcloud/audit-policy.yaml, log /var/log/kubernetes/audit/audit.log kept 180 days",
      "MLPS-CPL-01 cluster/shared-hz L2 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-01 cluster/shared-hz L3 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-02 cluster/secure-l4 L4 met: EncryptionConfiguration from Secret secure-l4-encryption-config (key encryption-config.yaml); its key never enters the artifact",
      "MLPS-CPL-02 cluster/shared-hz L3 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-03 cluster/secure-l4 L4 met: anonymous requests reach /healthz, /livez, /readyz only",
      "MLPS-CPL-03 cluster/shared-hz L1 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-03 cluster/shared-hz L2 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-03 cluster/shared-hz L3 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-04 cluster/secure-l4 L4 met: enabled: LimitRanger, NodeRestriction, PodSecurity, ResourceQuota, ValidatingAdmissionPolicy",
      "MLPS-CPL-04 cluster/shared-hz L2 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
      "MLPS-CPL-04 cluster/shared-hz L3 not-provable: registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster",
    ]);
    expect(result.findings.find((f) => f.target === "cluster/secure-l4")!.evidence).toEqual([controlPlane]);
    expect(result.controls.map((c) => `${c.rule} L${c.level} ${c.state}`)).toEqual([
      "MLPS-CPL-01 L2 not-provable",
      "MLPS-CPL-01 L3 not-provable",
      "MLPS-CPL-01 L4 met",
      "MLPS-CPL-02 L3 not-provable",
      "MLPS-CPL-02 L4 met",
      // No department runs at level 1 in the example.
      "MLPS-CPL-03 L1 not-applicable",
      "MLPS-CPL-03 L2 not-provable",
      "MLPS-CPL-03 L3 not-provable",
      "MLPS-CPL-03 L4 met",
      "MLPS-CPL-04 L2 not-provable",
      "MLPS-CPL-04 L3 not-provable",
      "MLPS-CPL-04 L4 met",
    ]);
  });

  test("refuse an audit log kept shorter than the platform's retention, or written nowhere", () => {
    const short = withApiServer((apiServer) => {
      apiServer.extraArgs = apiServer.extraArgs.map((a: Mutable) => (a.name === "audit-log-maxage" ? { ...a, value: "30" } : a)).filter((a: Mutable) => a.name !== "audit-log-path");
    });
    expect(run(short).errors).toEqual([
      "MLPS-CPL-01 cluster/secure-l4: no audit log file on a host volume (audit-log-path); audit-log-maxage 30 is below logRetentionDays 180. Remedy: Provision the cluster with govcloud (its control plane gets the audit policy and audit-log-maxage = logRetentionDays).",
    ]);
  });

  test("refuse an audit policy whose last rule records nothing", () => {
    const silent = withApiServer((_, config) => {
      const file = config.files.find((f: Mutable) => f.path.endsWith("audit-policy.yaml"));
      const policy = parse(file.content);
      policy.rules[policy.rules.length - 1].level = "None";
      file.content = stringify(policy);
    });
    expect(run(silent).errors).toEqual([
      "MLPS-CPL-01 cluster/secure-l4: the audit policy has no final rule recording every other request. Remedy: Provision the cluster with govcloud (its control plane gets the audit policy and audit-log-maxage = logRetentionDays).",
    ]);
  });

  test("refuse Secrets stored in plain text, anonymous access beyond health, and a disabled admission plugin", () => {
    const weak = withApiServer((apiServer, config) => {
      apiServer.extraArgs = [...apiServer.extraArgs.filter((a: Mutable) => a.name !== "encryption-provider-config"), { name: "disable-admission-plugins", value: "PodSecurity" }];
      const auth = config.files.find((f: Mutable) => f.path.endsWith("authentication-config.yaml"));
      const document = parse(auth.content);
      document.anonymous.conditions.push({ path: "/version" });
      auth.content = stringify(document);
    });
    expect(run(weak).errors).toEqual([
      "MLPS-CPL-02 cluster/secure-l4: Secrets are stored unencrypted in etcd: no encryption-provider-config written to the machines. Remedy: Give the control plane an EncryptionConfiguration (secretsEncryption in platform.yaml: a key in a Secret, or a KMS plugin).",
      "MLPS-CPL-03 cluster/secure-l4: the API server accepts anonymous requests (set anonymous-auth=false or limit anonymous to the health endpoints). Remedy: Provision the cluster with govcloud (its API server limits anonymous access to /healthz, /livez and /readyz).",
      "MLPS-CPL-04 cluster/secure-l4: admission plugins not enabled explicitly: PodSecurity. Remedy: Enable LimitRanger, NodeRestriction, PodSecurity, ResourceQuota, ValidatingAdmissionPolicy on the API server (govcloud's provisioned control planes do).",
    ]);
  });

  test("refuse a provisioned cluster whose objects are missing from the artifact", () => {
    const without = stacks.map((s) => ({ ...s, resources: s.resources.filter((r) => r.object.kind !== "Cluster") }));
    expect(run(without).errors[0]).toBe(
      "MLPS-CPL-01 cluster/secure-l4: no Cluster and KubeadmControlPlane for secure-l4 in the artifact. Remedy: Provision the cluster with govcloud (its control plane gets the audit policy and audit-log-maxage = logRetentionDays).",
    );
  });
});
