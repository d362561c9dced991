import {
  allowedVerbs,
  CHANGE_VERBS,
  CLUSTER_WIDE,
  type CheckFinding,
  decidedCheck,
  DEPARTMENT_SCOPE_CHECK,
  findingAtRef,
  GUARDRAIL_TARGETS,
  type GroupPermissionTable,
  type Permission,
  plural,
  type RbacReport,
  target,
  type Target,
  TENANT_ROLE_LIMITS_CHECK,
} from "../rbac";
import { WILDCARD } from "../rbac/permission-match";
import { asMtbCheck, MTB, type MtbEntry, type TenancyCheck } from "./mtb-catalog";

/** Department groups and their permission rows, from the RBAC analysis (which read the artifact). */
function departmentGroups(rbac: RbacReport): Array<GroupPermissionTable & { readonly department: string }> {
  return rbac.groups.flatMap((g) => g.declaredAs.flatMap((d) => (d.kind === "department" ? [{ ...g, department: d.department }] : [])));
}

function where(row: Pick<Permission, "scope" | "cluster">): string {
  return row.scope === CLUSTER_WIDE ? `cluster-wide on cluster ${row.cluster}` : `in namespace ${row.scope} on cluster ${row.cluster}`;
}

/** MTB-PL1-CC-CPI-1: no department group holds anything cluster-wide, so no cluster-scoped resource. */
function clusterResources(rbac: RbacReport): TenancyCheck {
  const findings: CheckFinding[] = [];
  const groups = departmentGroups(rbac);
  for (const g of groups) {
    const seen = new Set<string>();
    for (const grant of [...g.permissions, ...g.unresolved].filter((p) => p.scope === CLUSTER_WIDE)) {
      if (seen.has(grant.binding)) continue;
      seen.add(grant.binding);
      findings.push(findingAtRef(grant.binding, `gives department ${g.department}'s group ${g.group} a cluster-wide grant on cluster ${grant.cluster} (through ${grant.via}): tenants must reach no cluster-scoped resource`));
    }
  }
  const bindings = new Set(groups.flatMap((g) => g.permissions.map((p) => p.binding)));
  return decided(MTB.clusterResources, [
    { statement: `${plural(groups.length, "department group")} hold permissions only through RoleBindings in namespaces (${plural(bindings.size, "binding")}), none through a ClusterRoleBinding`, objects: [...bindings].sort() },
  ], findings);
}

/** A check on what department groups may change: one finding per binding, role rule and target. */
function changeCheck(entry: MtbEntry, rbac: RbacReport, targets: readonly Target[], what: string): TenancyCheck {
  const findings: CheckFinding[] = [];
  const groups = departmentGroups(rbac);
  // A province has thousands of rows per target, of a few dozen groups and resources: the targets a
  // row's group and resource can cover are found once per pair.
  const coveringByPair = new Map<string, readonly Target[]>();
  const covering = (row: Permission) => {
    const pair = `${row.apiGroup}\u0000${row.resource}`;
    let found = coveringByPair.get(pair);
    if (found === undefined) coveringByPair.set(pair, (found = targets.filter((t) => allowedVerbs({ apiGroups: [row.apiGroup], resources: [row.resource], verbs: [WILDCARD] }, t, CHANGE_VERBS).length > 0)));
    return found;
  };
  for (const g of groups) {
    for (const row of g.permissions) {
      if (row.nonResource) continue;
      for (const t of covering(row)) {
        const verbs = allowedVerbs({ apiGroups: [row.apiGroup], resources: [row.resource], verbs: row.verbs }, t, CHANGE_VERBS);
        if (verbs.length > 0) {
          findings.push(findingAtRef(row.binding, `lets department ${g.department}'s group ${g.group} ${verbs.join(", ")} ${t.label} ${where(row)} (${row.role} rules[${row.rule}])`));
        }
      }
    }
  }
  const roles = new Set(groups.flatMap((g) => g.permissions.map((p) => p.role)));
  return decided(entry, [
    { statement: `no role bound to ${plural(groups.length, "department group")} grants create, update, patch, delete or deletecollection on ${what}`, objects: [...roles].sort() },
  ], findings);
}

/** The RBAC analysis already decided it; the benchmark cites it under its MTB id. */
function fromRbacCheck(entry: MtbEntry, rbac: RbacReport, checkId: string): TenancyCheck {
  const check = rbac.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`the RBAC report has no check ${checkId}`);
  return decided(entry, [{ statement: `decided by the RBAC check ${checkId}: ${check.title}`, objects: [] }, ...check.evidence], check.findings);
}

function decided(entry: MtbEntry, evidence: Parameters<typeof decidedCheck>[2], findings: readonly CheckFinding[]): TenancyCheck {
  return asMtbCheck(entry, decidedCheck(entry.id, entry.title, evidence, findings));
}

export function rbacIsolationChecks(rbac: RbacReport): TenancyCheck[] {
  return [
    clusterResources(rbac),
    changeCheck(MTB.multitenantResources, rbac, GUARDRAIL_TARGETS, "the objects the platform sets up in tenant namespaces (quotas, limit ranges, network policies, RBAC, admission policy, namespaces)"),
    changeCheck(MTB.quotaModification, rbac, [target("", "resourcequotas"), target("", "resourcequotas/status")], "resourcequotas"),
    fromRbacCheck(MTB.otherTenants, rbac, DEPARTMENT_SCOPE_CHECK),
    fromRbacCheck(MTB.roleEscalation, rbac, TENANT_ROLE_LIMITS_CHECK),
  ];
}
