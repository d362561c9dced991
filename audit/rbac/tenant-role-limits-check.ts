import type { PlatformModel } from "../../config/model/platform-model";
import { type AuditCheck, type CheckEvidence, type CheckFinding, decidedCheck, plural } from "./audit-check";
import { findingAtRef } from "./finding-at-ref";
import { wildcardFields } from "./group-permissions";
import { liveDepartments, OWNER_ROLES } from "./declared-groups";
import { ADMISSION_GROUP, allowedVerbs, CHANGE_VERBS, ESCALATION_VERBS, RBAC_GROUP, target, type Target } from "./permission-match";
import type { RbacGraph, RbacRole } from "./rbac-graph";

export const TENANT_ROLE_LIMITS_CHECK = "rbac-tenant-role-limits";

/** The prefix of the platform's tenant ClusterRoles; judged even when nothing binds them yet. */
const TENANT_ROLE_PREFIX = "govcloud-tenant-";

/**
 * What the platform sets in a tenant namespace and tenants must not change: quotas, limits,
 * network policy, the namespace itself, RBAC (any object), and admission policy (which would
 * lift the catalog's rules).
 */
export const GUARDRAIL_TARGETS: readonly Target[] = [
  target("", "resourcequotas"),
  target("", "resourcequotas/status"),
  target("", "limitranges"),
  target("", "namespaces"),
  target("", "namespaces/status"),
  target("", "namespaces/finalize"),
  target("networking.k8s.io", "networkpolicies"),
  target(RBAC_GROUP),
  target(ADMISSION_GROUP),
];

/**
 * Every role a department group is bound to, and every govcloud-tenant-* ClusterRole: no rule
 * may change a guardrail, use escalate, bind or impersonate, or use a wildcard. A binding of a
 * department group to a role the artifact does not define fails too: nobody can verify it.
 */
export function checkTenantRoleLimits(model: PlatformModel, graph: RbacGraph): AuditCheck {
  const departmentGroups = new Set(liveDepartments(model).flatMap((d) => OWNER_ROLES.flatMap((owner) => d.owners[owner])));
  const roles = new Map<string, RbacRole>();
  const findings: CheckFinding[] = [];
  for (const role of graph.roles) if (role.kind === "ClusterRole" && role.name.startsWith(TENANT_ROLE_PREFIX)) roles.set(role.ref, role);
  for (const binding of graph.bindings) {
    const groups = binding.subjects.filter((s) => s.kind === "Group" && departmentGroups.has(s.name)).map((s) => s.name);
    if (groups.length === 0) continue;
    const role = graph.roleOf(binding);
    if (role) roles.set(role.ref, role);
    else {
      findings.push(
        findingAtRef(
          binding.ref,
          `binds department group${groups.length === 1 ? "" : "s"} ${groups.join(", ")} to ${binding.roleRef.kind} ${binding.roleRef.name}, which the artifact does not define: its permissions cannot be verified`,
          binding.resource,
          "roleRef",
        ),
      );
    }
  }
  const judged = [...roles.values()].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  for (const role of judged) findings.push(...ruleFindings(role));
  const evidence: CheckEvidence[] = judged.map((role) => ({
    statement: `${role.kind} ${role.name} on ${role.cluster}: ${plural(role.rules.length, "rule")}, none changes quotas, limit ranges, network policies, namespaces, RBAC or admission policy, none uses escalate, bind, impersonate or a wildcard`,
    objects: [role.ref],
  }));
  return decidedCheck(TENANT_ROLE_LIMITS_CHECK, "Tenant roles cannot change guardrails, escalate, or use wildcards", evidence, findings);
}

function ruleFindings(role: RbacRole): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const where = `${role.kind} ${role.name} on ${role.cluster}`;
  for (const rule of role.rules) {
    const at = (message: string) => findingAtRef(rule.source, `${where}: ${message}`, rule.source === role.ref ? role.resource : undefined, `rules[${rule.index}]`);
    const wildcards = wildcardFields(rule);
    if (wildcards.length > 0) findings.push(at(`uses the wildcard "*" in ${wildcards.join(", ")}; a tenant role must list what it allows`));
    const escalation = ESCALATION_VERBS.filter((verb) => rule.verbs.includes(verb));
    if (escalation.length > 0) findings.push(at(`grants ${escalation.join(", ")}, which let tenants grant or assume permissions they do not hold`));
    for (const guarded of GUARDRAIL_TARGETS) {
      const verbs = allowedVerbs(rule, guarded, CHANGE_VERBS);
      if (verbs.length > 0) findings.push(at(`lets tenants ${verbs.join(", ")} ${guarded.label}, which only the platform may change`));
    }
  }
  return findings;
}
