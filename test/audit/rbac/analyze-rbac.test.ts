import type { ArtifactStack } from "../../../audit/export";
import { readArtifact } from "../../../audit/export";
import { analyzeRbac, type AuditCheck, CLUSTER_WIDE, formatFinding, type RbacReport } from "../../../audit/rbac";
import type { PlatformModel } from "../../../config/model/platform-model";
import { synthesizeExample } from "../../stacks/example-artifact";
import { add, clusterRoleBinding, find, groupSubject, mutate, refOf, remove, roleBinding } from "./artifact-mutation";

// One synthesis of the bundled example for the whole file; every broken artifact is a copy of it.
let stacks: ArtifactStack[];
let model: PlatformModel;
let example: RbacReport;

beforeAll(() => {
  const synthesized = synthesizeExample();
  model = synthesized.model;
  stacks = readArtifact(synthesized.outdir);
  example = analyzeRbac(stacks, model);
}, 120_000);

function check(report: RbacReport, id: string): AuditCheck {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function failures(report: RbacReport, id: string): string[] {
  return check(report, id).findings.map(formatFinding);
}

describe("the bundled example", () => {
  test("passes every RBAC check, with evidence naming the artifact's bindings and roles", () => {
    expect(example.checks.map((c) => [c.id, c.status])).toEqual([
      ["rbac-department-scope", "pass"],
      ["rbac-department-bindings", "pass"],
      ["rbac-tenant-role-limits", "pass"],
      ["rbac-auditor-read-only", "pass"],
      ["rbac-separation-of-duties", "pass"],
    ]);
    expect(example.status).toBe("pass");
    const auditor = check(example, "rbac-auditor-read-only").evidence.find((e) => e.statement.startsWith("cluster shared-hz:"));
    expect(auditor).toEqual({
      statement: "cluster shared-hz: ClusterRole govcloud-auditor has 15 rules with verbs get, list, watch only and no access to secrets; bound cluster-wide to govcloud-audit-admins",
      objects: [refOf(stacks, "ClusterRole", "govcloud-auditor", { cluster: "shared-hz" }), refOf(stacks, "ClusterRoleBinding", "govcloud-auditor", { cluster: "shared-hz" })],
    });
  });

  test("a viewer's table holds read verbs in its department's namespaces only, each row citing binding and role", () => {
    const viewers = example.groups.find((g) => g.group === "health-viewers")!;
    expect(viewers.declaredAs).toEqual([{ kind: "department", department: "health", owner: "viewers" }]);
    expect(new Set(viewers.permissions.map((p) => p.scope))).toEqual(new Set(["health-dev", "health-test", "health-prod"]));
    expect(new Set(viewers.permissions.flatMap((p) => p.verbs))).toEqual(new Set(["get", "list", "watch"]));
    expect(viewers.permissions.some((p) => p.resource === "secrets")).toBe(false);
    expect(viewers.permissions.find((p) => p.scope === "health-prod" && p.resource === "pods")).toEqual({
      cluster: "shared-hz",
      scope: "health-prod",
      apiGroup: "",
      resource: "pods",
      verbs: ["get", "list", "watch"],
      resourceNames: [],
      nonResource: false,
      binding: refOf(stacks, "RoleBinding", "govcloud-tenant-viewer", { namespace: "health-prod" }),
      role: refOf(stacks, "ClusterRole", "govcloud-tenant-viewer", { cluster: "shared-hz" }),
      rule: 0,
      via: "Group health-viewers",
    });
    expect(viewers.unresolved).toEqual([]);
  });

  test("platform admins hold their roles cluster-wide on every cluster", () => {
    const audit = example.groups.find((g) => g.group === "govcloud-audit-admins")!;
    expect(audit.declaredAs).toEqual([{ kind: "platform-admin", duty: "audit" }]);
    expect(new Set(audit.permissions.map((p) => `${p.cluster} ${p.scope}`))).toEqual(new Set([`shared-hz ${CLUSTER_WIDE}`, `secure-l4 ${CLUSTER_WIDE}`]));
  });

  test("the report is plain data", () => {
    expect(JSON.parse(JSON.stringify(example))).toEqual(example);
  });
});

describe("department scope", () => {
  test("a ClusterRoleBinding of a department group fails, naming the binding", () => {
    const broken = add(stacks, "platform-shared-hz", clusterRoleBinding("shared-hz", "kubernetes_cluster_role_binding_v1.leak", "health-everywhere", "govcloud-tenant-viewer", ["health-viewers"]));
    expect(failures(analyzeRbac(broken, model), "rbac-department-scope")).toEqual([
      "platform-shared-hz: kubernetes_cluster_role_binding_v1.leak: ClusterRoleBinding health-everywhere: grants department health's group health-viewers (viewers) ClusterRole govcloud-tenant-viewer on the whole cluster shared-hz; a department's groups may hold roles only in its own namespaces",
    ]);
  });

  test("a department group bound in another department's namespace fails", () => {
    const broken = mutate(stacks, "RoleBinding", "govcloud-tenant-developer", { namespace: "finance-prod" }, (o) => o.subjects.push(groupSubject("health-developers")));
    const binding = find(broken, "RoleBinding", "govcloud-tenant-developer", { namespace: "finance-prod" });
    expect(failures(analyzeRbac(broken, model), "rbac-department-scope")).toEqual([
      `dept-finance: ${binding.address}: RoleBinding finance-prod/govcloud-tenant-developer: grants department health's group health-developers (developers) ClusterRole govcloud-tenant-developer in namespace finance-prod on cluster shared-hz, which is not a namespace of department health (health-dev, health-prod, health-test)`,
    ]);
  });

  test("a grant to system:authenticated reaches every department's groups", () => {
    const broken = add(stacks, "platform-secure-l4", clusterRoleBinding("secure-l4", "kubernetes_cluster_role_binding_v1.everyone", "everyone", "govcloud-tenant-viewer", ["system:authenticated"]));
    const found = failures(analyzeRbac(broken, model), "rbac-department-scope");
    expect(found).toHaveLength(39);
    expect(found).toContain(
      "platform-secure-l4: kubernetes_cluster_role_binding_v1.everyone: ClusterRoleBinding everyone: grants department transport's group transport-admins (admins) ClusterRole govcloud-tenant-viewer on the whole cluster secure-l4 (through Group system:authenticated); a department's groups may hold roles only in its own namespaces",
    );
  });

  test("a declared group missing from its namespace's binding fails", () => {
    const broken = remove(stacks, "RoleBinding", "govcloud-tenant-admin", { namespace: "health-prod" });
    expect(failures(analyzeRbac(broken, model), "rbac-department-bindings")).toEqual([
      "dept-health: department health's group health-admins (admins) is not bound to ClusterRole govcloud-tenant-admin in namespace health-prod on cluster shared-hz",
    ]);
  });
});

describe("tenant role limits", () => {
  test("a wildcard, an escalation verb and a guardrail write in a tenant role each fail", () => {
    const broken = mutate(stacks, "ClusterRole", "govcloud-tenant-developer", { cluster: "shared-hz" }, (o) => {
      o.rules.push({ apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["*"] });
      o.rules.push({ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["escalate", "bind"] });
    });
    const role = refOf(stacks, "ClusterRole", "govcloud-tenant-developer", { cluster: "shared-hz" });
    const at = `${role}: ClusterRole govcloud-tenant-developer: rules`;
    expect(failures(analyzeRbac(broken, model), "rbac-tenant-role-limits")).toEqual([
      `${at}[9]: ClusterRole govcloud-tenant-developer on shared-hz: uses the wildcard "*" in verbs; a tenant role must list what it allows`,
      `${at}[9]: ClusterRole govcloud-tenant-developer on shared-hz: lets tenants create, update, patch, delete, deletecollection networking.k8s.io/networkpolicies, which only the platform may change`,
      `${at}[10]: ClusterRole govcloud-tenant-developer on shared-hz: grants escalate, bind, which let tenants grant or assume permissions they do not hold`,
    ]);
  });

  test("a role bound to a department group is judged too, and a role the artifact does not define cannot be verified", () => {
    let broken = add(stacks, "dept-health", roleBinding("shared-hz", "kubernetes_role_binding_v1.edit", "health-dev", "health-edit", "edit", ["health-developers"]));
    broken = add(broken, "dept-health", {
      address: "kubernetes_role_v1.quota_editor",
      cluster: "shared-hz",
      namespaced: true,
      object: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "quota-editor", namespace: "health-dev" }, rules: [{ apiGroups: [""], resources: ["resourcequotas"], verbs: ["update"] }] },
    });
    broken = add(broken, "dept-health", {
      ...roleBinding("shared-hz", "kubernetes_role_binding_v1.quota", "health-dev", "quota", "quota-editor", ["health-admins"]),
      object: { ...roleBinding("shared-hz", "", "health-dev", "quota", "", []).object, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "quota-editor" }, subjects: [groupSubject("health-admins")] },
    });
    expect(failures(analyzeRbac(broken, model), "rbac-tenant-role-limits")).toEqual([
      "dept-health: kubernetes_role_binding_v1.edit: RoleBinding health-dev/health-edit: roleRef: binds department group health-developers to ClusterRole edit, which the artifact does not define: its permissions cannot be verified",
      "dept-health: kubernetes_role_v1.quota_editor: Role health-dev/quota-editor: rules[0]: Role quota-editor on shared-hz: lets tenants update core/resourcequotas, which only the platform may change",
    ]);
  });

  test("aggregated ClusterRoles bring the rules of the roles they select", () => {
    let broken = add(stacks, "platform-shared-hz", {
      address: "kubernetes_manifest.aggregate",
      cluster: "shared-hz",
      namespaced: false,
      object: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "govcloud-tenant-extra" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { extra: "true" } }] } },
    });
    broken = add(broken, "platform-shared-hz", {
      address: "kubernetes_manifest.secrets_reader",
      cluster: "shared-hz",
      namespaced: false,
      object: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "secrets-reader", labels: { extra: "true" } }, rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }] },
    });
    broken = add(broken, "dept-health", roleBinding("shared-hz", "kubernetes_role_binding_v1.extra", "health-dev", "extra", "govcloud-tenant-extra", ["health-viewers"]));
    const report = analyzeRbac(broken, model);
    expect(report.groups.find((g) => g.group === "health-viewers")!.permissions.filter((p) => p.binding === "dept-health: kubernetes_role_binding_v1.extra")).toEqual([
      expect.objectContaining({ scope: "health-dev", apiGroup: "", resource: "*", verbs: ["get"], role: "platform-shared-hz: kubernetes_manifest.secrets_reader", rule: 0 }),
    ]);
    expect(failures(report, "rbac-tenant-role-limits")).toEqual([
      'platform-shared-hz: kubernetes_manifest.secrets_reader: rules[0]: ClusterRole govcloud-tenant-extra on shared-hz: uses the wildcard "*" in resources; a tenant role must list what it allows',
    ]);
  });
});

describe("auditor role", () => {
  test("reading secrets, a write verb, and an audit group left unbound each fail", () => {
    let broken = mutate(stacks, "ClusterRole", "govcloud-auditor", { cluster: "secure-l4" }, (o) => {
      o.rules[0].resources.push("secrets");
      o.rules[1].verbs.push("create");
    });
    broken = mutate(broken, "ClusterRoleBinding", "govcloud-auditor", { cluster: "shared-hz" }, (o) => (o.subjects = [groupSubject("someone-else")]));
    const role = refOf(stacks, "ClusterRole", "govcloud-auditor", { cluster: "secure-l4" });
    expect(failures(analyzeRbac(broken, model), "rbac-auditor-read-only")).toEqual([
      `${role}: ClusterRole govcloud-auditor: rules[0]: lets auditors get, list, watch core/secrets: the auditor role never reads Secrets`,
      `${role}: ClusterRole govcloud-auditor: rules[1]: grants create: the auditor role may only get, list and watch`,
      "platform-shared-hz: audit admin group govcloud-audit-admins is not bound to ClusterRole govcloud-auditor on cluster shared-hz",
    ]);
  });
});

describe("separation of duties", () => {
  test("a security admin group bound to the system admin role can run workloads, and fails", () => {
    const broken = mutate(stacks, "ClusterRoleBinding", "govcloud-system-admin", { cluster: "secure-l4" }, (o) => o.subjects.push(groupSubject("govcloud-security-admins")));
    const binding = refOf(stacks, "ClusterRoleBinding", "govcloud-system-admin", { cluster: "secure-l4" });
    const role = refOf(stacks, "ClusterRole", "govcloud-system-admin", { cluster: "secure-l4" });
    const found = failures(analyzeRbac(broken, model), "rbac-separation-of-duties");
    expect(found).toEqual([
      `${binding}: security admin group govcloud-security-admins can create, update, patch core/pods cluster-wide on cluster secure-l4 (${role} rules[0]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch apps/daemonsets cluster-wide on cluster secure-l4 (${role} rules[1]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch apps/deployments cluster-wide on cluster secure-l4 (${role} rules[1]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch apps/replicasets cluster-wide on cluster secure-l4 (${role} rules[1]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch apps/statefulsets cluster-wide on cluster secure-l4 (${role} rules[1]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch batch/cronjobs cluster-wide on cluster secure-l4 (${role} rules[2]): security admins must not run workloads or read Secrets`,
      `${binding}: security admin group govcloud-security-admins can create, update, patch batch/jobs cluster-wide on cluster secure-l4 (${role} rules[2]): security admins must not run workloads or read Secrets`,
    ]);
  });

  test("one group declared for two duties fails at level 3 and above", () => {
    const shared = { ...model, admins: { ...model.admins, audit: [...model.admins.audit, "govcloud-system-admins"] } };
    expect(failures(analyzeRbac(stacks, shared), "rbac-separation-of-duties")).toContain(
      "group govcloud-system-admins is declared as both system and audit admins; at level 3 and above the three duties need disjoint groups",
    );
  });

  test("does not apply to a platform below level 3", () => {
    const low = {
      ...model,
      clusters: model.clusters.map((c) => ({ ...c, levels: c.levels.filter((l) => l < 3) })),
      departments: model.departments.map((d) => ({ ...d, environments: d.environments.map((e) => ({ ...e, level: Math.min(e.level, 2) as 1 | 2 })) })),
    };
    expect(check(analyzeRbac(stacks, low), "rbac-separation-of-duties")).toEqual({
      id: "rbac-separation-of-duties",
      title: "Separation of duties (三权分立) between system, security and audit admins",
      status: "not-applicable",
      reason: "the platform hosts no protection level 3 or above, where MLPS requires separate system, security and audit administrators",
      evidence: [],
      findings: [],
    });
  });
});
