import type { ArtifactStack } from "../../../audit/export";
import { readArtifact } from "../../../audit/export";
import { analyzeRbac, formatFinding } from "../../../audit/rbac";
import { runTenancyBenchmark, SELF_SERVICE_REASON, type TenancyCheck, type TenancyReport } from "../../../audit/tenancy";
import type { PlatformModel } from "../../../config/model/platform-model";
import { synthesizeExample } from "../../stacks/example-artifact";
import { add, clusterRoleBinding, find, type Mutable, mutate, refOf, remove } from "../rbac/artifact-mutation";

// One synthesis of the bundled example for the whole file; every broken artifact is a copy of it.
let stacks: ArtifactStack[];
let model: PlatformModel;
let example: TenancyReport;
/** The example as synthesized: its admission policies hold tenants' own pods to the checks. */
let hardened: ArtifactStack[];
/** The example without the three policies that PSA baseline and no PSA profile cover. */
let unguarded: ArtifactStack[];

const GUARDING_POLICIES = ["govcloud-always-pull-images", "govcloud-no-privilege-escalation", "govcloud-run-as-non-root"];

function withoutPolicies(base: readonly ArtifactStack[], names: readonly string[]): ArtifactStack[] {
  let result = [...base];
  for (const cluster of ["secure-l4", "shared-hz"]) {
    for (const name of names) {
      result = remove(result, "ValidatingAdmissionPolicy", name, { cluster });
      result = remove(result, "ValidatingAdmissionPolicyBinding", name, { cluster });
    }
  }
  return result;
}

beforeAll(() => {
  const synthesized = synthesizeExample();
  model = synthesized.model;
  stacks = readArtifact(synthesized.outdir);
  example = benchmark(stacks);
  hardened = stacks;
  unguarded = withoutPolicies(stacks, GUARDING_POLICIES);
}, 120_000);

function benchmark(artifact: readonly ArtifactStack[], platform: PlatformModel = model): TenancyReport {
  return runTenancyBenchmark(artifact, platform, analyzeRbac(artifact, platform));
}

function byKey(report: TenancyReport, key: string): TenancyCheck {
  const found = report.checks.find((c) => c.key === key);
  if (!found) throw new Error(`no check ${key}`);
  return found;
}

/** Every failing check of a report, by key, with its findings formatted. */
function failing(report: TenancyReport): Record<string, string[]> {
  return Object.fromEntries(report.checks.filter((c) => c.status === "fail").map((c) => [c.key, c.findings.map(formatFinding)]));
}

/** A container of the hardened example, changed. */
function changeContainer(kind: string, name: string, namespace: string, change: (container: Mutable, pod: Mutable) => void): ArtifactStack[] {
  return mutate(hardened, kind, name, { namespace }, (o) => {
    const pod = kind === "CronJob" ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
    change(pod.containers[0], pod);
  });
}

const PROFILE_1 = [
  "block-access-to-cluster-resources",
  "block-multitenant-resources",
  "block-add-capabilities",
  "require-run-as-non-root-user",
  "block-privileged-containers",
  "block-privilege-escalation",
  "block-use-of-host-path-volumes",
  "block-use-of-nodeport-services",
  "block-use-of-host-networking-and-ports",
  "block-use-of-host-pid",
  "block-use-of-host-ipc",
  "require-always-imagepullpolicy",
  "configure-namespace-resource-quotas",
  "configure-namespace-object-limits",
  "block-modification-of-resource-quotas",
];

describe("the bundled example", () => {
  test("lists every check of the benchmark in order, with its MTB id", () => {
    expect(example.checks.map((c) => [c.id, c.key, c.profile])).toEqual([
      ["MTB-PL1-CC-CPI-1", "block-access-to-cluster-resources", 1],
      ["MTB-PL1-BC-CPI-2", "block-multitenant-resources", 1],
      ["MTB-PL1-BC-CPI-3", "block-add-capabilities", 1],
      ["MTB-PL1-BC-CPI-4", "require-run-as-non-root-user", 1],
      ["MTB-PL1-BC-CPI-5", "block-privileged-containers", 1],
      ["MTB-PL1-BC-CPI-6", "block-privilege-escalation", 1],
      ["MTB-PL1-BC-HI-1", "block-use-of-host-path-volumes", 1],
      ["MTB-PL1-BC-HI-1", "block-use-of-nodeport-services", 1],
      ["MTB-PL1-BC-HI-3", "block-use-of-host-networking-and-ports", 1],
      ["MTB-PL1-BC-HI-4", "block-use-of-host-pid", 1],
      ["MTB-PL1-BC-HI-5", "block-use-of-host-ipc", 1],
      ["MTB-PL1-CC-DI-1", "require-always-imagepullpolicy", 1],
      ["MTB-PL1-CC-FNS-1", "configure-namespace-resource-quotas", 1],
      ["MTB-PL1-CC-FNS-2", "configure-namespace-object-limits", 1],
      ["MTB-PL1-CC-TI-1", "block-modification-of-resource-quotas", 1],
      ["MTB-PL1-CC-TI-2", "block-access-to-other-tenant-resources", 2],
      ["MTB-PL2-CC-TI-1", "block-role-privilege-escalation", 2],
      ["MTB-PL2-BC-OPS-3", "create-role-bindings", 2],
      ["MTB-PL2-BC-OPS-4", "create-network-policies", 2],
      ["MTB-PL1-BC-NI-1", "default-deny-network-connections-across-tenants", "draft"],
      ["MTB-DRAFT-ST-1", "require-persistentvolumeclaims-for-storage", "draft"],
      ["MTB-DRAFT-ST-2", "block-use-of-existing-persistent-volumes", "draft"],
      ["MTB-DRAFT-ST-3", "require-persistentvolume-reclaim-policy-delete", "draft"],
    ]);
    expect(example.namespaces).toHaveLength(40);
  });

  test("without its admission policies, tenants' own pods would not be held to non-root, no escalation and Always pull", () => {
    // PSA baseline (levels 1–2) does not cover runAsNonRoot or allowPrivilegeEscalation, and no PSA
    // profile covers imagePullPolicy: only the platform's admission policies do.
    const gaps = benchmark(unguarded);
    const baseline = model.departments.flatMap((d) => d.environments.filter((e) => e.level <= 2).map((e) => e.namespace)).sort();
    const named = (key: string) => byKey(gaps, key).findings.map((f) => f.object).sort();
    expect(Object.keys(failing(gaps))).toEqual(["require-run-as-non-root-user", "block-privilege-escalation", "require-always-imagepullpolicy"]);
    expect(named("require-run-as-non-root-user")).toEqual(baseline.map((n) => `Namespace ${n}`));
    expect(named("block-privilege-escalation")).toEqual(baseline.map((n) => `Namespace ${n}`));
    expect(named("require-always-imagepullpolicy")).toHaveLength(40);
    expect(failing(gaps)["require-run-as-non-root-user"]).toContain(
      `${refOf(stacks, "Namespace", "health-dev")}: Namespace health-dev: metadata.labels["pod-security.kubernetes.io/enforce"]: enforces Pod Security baseline, which does not require runAsNonRoot, and no ValidatingAdmissionPolicy govcloud-run-as-non-root denies it here: a tenant's own pods are not held to "Require run as non-root user"`,
    );
    expect(failing(gaps)["require-always-imagepullpolicy"]).toContain(
      `${refOf(stacks, "Namespace", "health-prod")}: Namespace health-prod: enforces Pod Security restricted, which does not require imagePullPolicy Always (no Pod Security profile does), and no ValidatingAdmissionPolicy govcloud-always-pull-images denies it here: a tenant's own pods are not held to "Require always imagePullPolicy"`,
    );
  });

  test("the bundled example passes every profile-1 check and every check govcloud holds", () => {
    const report = example;
    expect(failing(report)).toEqual({});
    expect(report.status).toBe("pass");
    for (const key of PROFILE_1) expect([key, byKey(report, key).status]).toEqual([key, "pass"]);
    expect(report.checks.filter((c) => c.status === "not-applicable").map((c) => c.key)).toEqual([
      "create-role-bindings",
      "create-network-policies",
      "require-persistentvolume-reclaim-policy-delete",
    ]);
  });

  test("evidence says which objects and settings prove a check", () => {
    const report = benchmark(hardened);
    expect(byKey(report, "block-privileged-containers").evidence.map((e) => e.statement)).toEqual([
      // 233 containers and the 20 redis-auth init containers.
      "253 of 253 containers in 173 tenant pod templates: containers with securityContext.privileged=false",
      "PSA enforce=baseline on 31 tenant namespaces refuses violations (baseline or stricter required)",
      "PSA enforce=restricted on 9 tenant namespaces refuses violations (baseline or stricter required)",
    ]);
    const nodePorts = byKey(report, "block-use-of-nodeport-services").evidence;
    expect(nodePorts.map((e) => e.statement)).toEqual([
      "208 Services in the artifact, none of type NodePort or LoadBalancer",
      "services.nodeports=0 and services.loadbalancers=0 in the ResourceQuota of 40 tenant namespaces",
      "ValidatingAdmissionPolicy govcloud-no-node-ports denies NodePort and LoadBalancer Services in every tenant namespace",
    ]);
    expect(nodePorts[1].objects).toContain(refOf(stacks, "ResourceQuota", "govcloud-quota", { namespace: "health-prod" }));
    expect(nodePorts[2].objects).toEqual(
      [
        refOf(stacks, "ValidatingAdmissionPolicy", "govcloud-no-node-ports", { cluster: "secure-l4" }),
        refOf(stacks, "ValidatingAdmissionPolicyBinding", "govcloud-no-node-ports", { cluster: "secure-l4" }),
        refOf(stacks, "ValidatingAdmissionPolicy", "govcloud-no-node-ports", { cluster: "shared-hz" }),
        refOf(stacks, "ValidatingAdmissionPolicyBinding", "govcloud-no-node-ports", { cluster: "shared-hz" }),
      ].sort(),
    );
  });

  test("profile-2 self-service is not applicable by design, with the reason", () => {
    for (const key of ["create-role-bindings", "create-network-policies"]) {
      expect(byKey(example, key)).toMatchObject({ status: "not-applicable", reason: SELF_SERVICE_REASON, findings: [] });
    }
    expect(JSON.parse(JSON.stringify(example))).toEqual(example);
  });
});

describe("each check fails on a broken artifact, naming the object and field", () => {
  const portal = (stack: readonly ArtifactStack[]) => refOf(stack, "Deployment", "portal", { namespace: "health-dev" });
  const at = "Deployment health-dev/portal: spec.template.spec";

  test("a privileged container", () => {
    const broken = changeContainer("Deployment", "portal", "health-dev", (c) => (c.securityContext.privileged = true));
    expect(failing(benchmark(broken))).toEqual({ "block-privileged-containers": [`${portal(broken)}: ${at}.containers[0].securityContext.privileged: is true`] });
  });

  test("an added capability", () => {
    const broken = changeContainer("Deployment", "portal", "health-dev", (c) => (c.securityContext.capabilities.add = ["NET_ADMIN"]));
    expect(failing(benchmark(broken))).toEqual({ "block-add-capabilities": [`${portal(broken)}: ${at}.containers[0].securityContext.capabilities.add: adds capabilities NET_ADMIN`] });
  });

  test("root, by user id or by a missing runAsNonRoot", () => {
    const root = changeContainer("Deployment", "portal", "health-dev", (c) => (c.securityContext.runAsUser = 0));
    expect(failing(benchmark(root))).toEqual({ "require-run-as-non-root-user": [`${portal(root)}: ${at}.containers[0].securityContext.runAsUser: runs as user 0 (root)`] });
    const unset = changeContainer("Deployment", "portal", "health-dev", (_, pod) => delete pod.securityContext.runAsNonRoot);
    expect(failing(benchmark(unset))).toEqual({
      "require-run-as-non-root-user": [
        `${portal(unset)}: ${at}.containers[0].securityContext.runAsNonRoot: is not set and the pod's spec.template.spec.securityContext.runAsNonRoot is not set: the container may run as root`,
      ],
    });
  });

  test("privilege escalation left to its default", () => {
    const broken = changeContainer("CronJob", "report-job", "health-prod", (c) => delete c.securityContext.allowPrivilegeEscalation);
    expect(failing(benchmark(broken))).toEqual({
      "block-privilege-escalation": [
        `${refOf(broken, "CronJob", "report-job", { namespace: "health-prod" })}: CronJob health-prod/report-job: spec.jobTemplate.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation: is not set (Kubernetes defaults to true), not false`,
      ],
    });
  });

  test("a host path volume, which is also storage outside a claim", () => {
    const broken = changeContainer("Deployment", "portal", "health-dev", (_, pod) => pod.volumes.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } }));
    expect(failing(benchmark(broken))).toEqual({
      "block-use-of-host-path-volumes": [`${portal(broken)}: ${at}.volumes[1].hostPath: mounts host path /var/run/docker.sock as volume docker`],
      "require-persistentvolumeclaims-for-storage": [
        `${portal(broken)}: ${at}.volumes[1].hostPath: mounts hostPath storage directly as volume docker; tenant storage comes only through PersistentVolumeClaims`,
      ],
    });
  });

  test("host network and host ports, host PID, host IPC", () => {
    const broken = changeContainer("Deployment", "portal", "health-dev", (c, pod) => {
      pod.hostNetwork = true;
      pod.hostPID = true;
      pod.hostIPC = true;
      c.ports[0].hostPort = 80;
    });
    expect(failing(benchmark(broken))).toEqual({
      "block-use-of-host-networking-and-ports": [`${portal(broken)}: ${at}.hostNetwork: is true`, `${portal(broken)}: ${at}.containers[0].ports[0].hostPort: binds host port 80`],
      "block-use-of-host-pid": [`${portal(broken)}: ${at}.hostPID: is true`],
      "block-use-of-host-ipc": [`${portal(broken)}: ${at}.hostIPC: is true`],
    });
  });

  test("an image pulled only when missing", () => {
    const broken = changeContainer("Deployment", "portal", "health-dev", (c) => (c.imagePullPolicy = "IfNotPresent"));
    expect(failing(benchmark(broken))).toEqual({
      "require-always-imagepullpolicy": [`${portal(broken)}: ${at}.containers[0].imagePullPolicy: is IfNotPresent, not Always: a node's cached image could serve another tenant`],
    });
  });

  test("a NodePort Service", () => {
    const broken = mutate(hardened, "Service", "portal", { namespace: "health-dev" }, (o) => (o.spec.type = "NodePort"));
    expect(failing(benchmark(broken))).toEqual({
      "block-use-of-nodeport-services": [`${refOf(broken, "Service", "portal", { namespace: "health-dev" })}: Service health-dev/portal: spec.type: is NodePort: the gateway is the only entry`],
    });
  });

  test("a dropped quota, and a quota that allows node ports", () => {
    const dropped = remove(hardened, "ResourceQuota", "govcloud-quota", { namespace: "health-prod" });
    const namespace = `${refOf(stacks, "Namespace", "health-prod")}: Namespace health-prod`;
    expect(failing(benchmark(dropped))).toEqual({
      "block-use-of-nodeport-services": [`${namespace}: has no ResourceQuota setting services.nodeports to 0`, `${namespace}: has no ResourceQuota setting services.loadbalancers to 0`],
      "configure-namespace-resource-quotas": [`${namespace}: has no ResourceQuota`],
    });
    const opened = mutate(hardened, "ResourceQuota", "govcloud-quota", { namespace: "health-prod" }, (o) => {
      o.spec.hard["services.nodeports"] = "2";
      delete o.spec.hard["requests.storage"];
    });
    const quota = `${refOf(stacks, "ResourceQuota", "govcloud-quota", { namespace: "health-prod" })}: ResourceQuota health-prod/govcloud-quota`;
    expect(failing(benchmark(opened))).toEqual({
      "block-use-of-nodeport-services": [`${quota}: spec.hard["services.nodeports"]: does not set services.nodeports to 0`],
      "configure-namespace-resource-quotas": [`${quota}: spec.hard: caps no storage (requests.storage)`, `${quota}: spec.hard["services.nodeports"]: is 2, not 0`],
    });
  });

  test("a LimitRange without default cpu", () => {
    const broken = mutate(hardened, "LimitRange", "govcloud-limits", { namespace: "health-prod" }, (o) => delete o.spec.limits[0].default.cpu);
    expect(failing(benchmark(broken))).toEqual({
      "configure-namespace-object-limits": [`${refOf(stacks, "LimitRange", "govcloud-limits", { namespace: "health-prod" })}: LimitRange health-prod/govcloud-limits: spec.limits[0].default.cpu: is not set`],
    });
  });

  test("a namespace without its default-deny policy", () => {
    const broken = remove(hardened, "NetworkPolicy", "default-deny", { namespace: "health-prod" });
    expect(failing(benchmark(broken))).toEqual({
      "default-deny-network-connections-across-tenants": [
        `${refOf(stacks, "Namespace", "health-prod")}: Namespace health-prod: has no NetworkPolicy selecting every pod (podSelector {}) with policyTypes [Ingress, Egress] and no rules: other tenants are not denied by default`,
      ],
    });
  });

  test("a level 3 namespace relabelled privileged", () => {
    const broken = mutate(hardened, "Namespace", "health-prod", {}, (o) => (o.metadata.labels["pod-security.kubernetes.io/enforce"] = "privileged"));
    const found = failing(benchmark(broken));
    expect(Object.keys(found)).toEqual([
      "block-add-capabilities",
      "block-privileged-containers",
      "block-use-of-host-path-volumes",
      "block-use-of-host-networking-and-ports",
      "block-use-of-host-pid",
      "block-use-of-host-ipc",
    ]);
    expect(found["block-privileged-containers"]).toEqual([
      `${refOf(stacks, "Namespace", "health-prod")}: Namespace health-prod: metadata.labels["pod-security.kubernetes.io/enforce"]: enforces Pod Security privileged, which lets pods run privileged containers, and no ValidatingAdmissionPolicy govcloud-no-privileged-containers denies it here: a tenant's own pods are not held to "Block privileged containers"`,
    ]);
  });

  test("a tenant namespace that lost its tenant label escapes the admission policies", () => {
    const broken = mutate(hardened, "Namespace", "health-prod", {}, (o) => delete o.metadata.labels["govcloud/tenant"]);
    const namespace = `${refOf(stacks, "Namespace", "health-prod")}: Namespace health-prod`;
    expect(failing(benchmark(broken))).toEqual({
      "block-use-of-nodeport-services": [`${namespace}: is not selected by a Deny binding of ValidatingAdmissionPolicy govcloud-no-node-ports`],
      "require-always-imagepullpolicy": [
        `${namespace}: enforces Pod Security restricted, which does not require imagePullPolicy Always (no Pod Security profile does), and no ValidatingAdmissionPolicy govcloud-always-pull-images denies it here: a tenant's own pods are not held to "Require always imagePullPolicy"`,
      ],
    });
  });

  test("a declared namespace missing from the artifact", () => {
    const broken = remove(hardened, "Namespace", "health-prod");
    const found = failing(benchmark(broken));
    expect(found["block-privileged-containers"]).toEqual([
      `dept-health: Namespace health-prod: on cluster shared-hz is declared but has no Namespace object in the artifact; has no valid pod-security.kubernetes.io/enforce label (the cluster's default applies, which the artifact does not set), and no ValidatingAdmissionPolicy govcloud-no-privileged-containers denies it here: a tenant's own pods are not held to "Block privileged containers"`,
    ]);
  });

  test("a department group granted cluster-wide, and a tenant role that edits quotas", () => {
    let broken = add(hardened, "platform-shared-hz", clusterRoleBinding("shared-hz", "kubernetes_cluster_role_binding_v1.leak", "health-leak", "govcloud-tenant-viewer", ["health-viewers"]));
    broken = mutate(broken, "ClusterRole", "govcloud-tenant-admin", { cluster: "secure-l4" }, (o) => o.rules.push({ apiGroups: [""], resources: ["resourcequotas"], verbs: ["patch"] }));
    const found = failing(benchmark(broken));
    const role = refOf(stacks, "ClusterRole", "govcloud-tenant-admin", { cluster: "secure-l4" });
    const binding = refOf(stacks, "RoleBinding", "govcloud-tenant-admin", { namespace: "public-security-core" });
    expect(Object.keys(found)).toEqual(["block-access-to-cluster-resources", "block-multitenant-resources", "block-modification-of-resource-quotas", "block-access-to-other-tenant-resources", "block-role-privilege-escalation"]);
    expect(found["block-access-to-cluster-resources"]).toEqual([
      "platform-shared-hz: kubernetes_cluster_role_binding_v1.leak: gives department health's group health-viewers a cluster-wide grant on cluster shared-hz (through Group health-viewers): tenants must reach no cluster-scoped resource",
    ]);
    expect(found["block-modification-of-resource-quotas"]).toEqual([`${binding}: lets department public-security's group public-security-admins patch core/resourcequotas in namespace public-security-core on cluster secure-l4 (${role} rules[11])`]);
    expect(found["block-role-privilege-escalation"]).toEqual([
      `${role}: ClusterRole govcloud-tenant-admin: rules[11]: ClusterRole govcloud-tenant-admin on secure-l4: lets tenants patch core/resourcequotas, which only the platform may change`,
    ]);
  });

  test("storage: a PersistentVolume, a claim of an existing volume, a claim of no declared service", () => {
    const claim = find(hardened, "PersistentVolumeClaim", "db-backup", { namespace: "finance-prod" });
    let broken = add(hardened, "platform-shared-hz", {
      address: "kubernetes_persistent_volume_v1.nfs",
      cluster: "shared-hz",
      namespaced: false,
      object: { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "nfs-share" }, spec: { capacity: { storage: "1Ti" }, accessModes: ["ReadWriteMany"], nfs: { server: "10.0.0.9", path: "/" } } },
    });
    broken = mutate(broken, "PersistentVolumeClaim", "db-backup", { namespace: "finance-prod" }, (o) => {
      o.spec.volumeName = "nfs-share";
      o.metadata.labels["govcloud/service"] = "ghost";
    });
    const pvc = `${claim.stack}: ${claim.address}: PersistentVolumeClaim finance-prod/db-backup`;
    const pv = "platform-shared-hz: kubernetes_persistent_volume_v1.nfs: PersistentVolume nfs-share";
    expect(failing(benchmark(broken))).toEqual({
      "require-persistentvolumeclaims-for-storage": [`${pvc}: metadata.labels["govcloud/service"]: belongs to no service declared for namespace finance-prod (label govcloud/service is ghost)`],
      "block-use-of-existing-persistent-volumes": [
        `${pv}: is a PersistentVolume created outside dynamic provisioning; a tenant's claim could bind another tenant's data`,
        `${pvc}: spec.volumeName: binds the existing PersistentVolume nfs-share`,
      ],
      "require-persistentvolume-reclaim-policy-delete": [`${pv}: spec.persistentVolumeReclaimPolicy: is Retain, not Delete: a released volume keeps a tenant's data for the next claim`],
    });
  });
});
