import type { PlatformModel } from "../../config/model/platform-model";
import { type AuditCheck, type CheckEvidence, type CheckFinding, decidedCheck, plural } from "./audit-check";
import { AUDITOR_ROLE } from "./declared-groups";
import { findingAtRef } from "./finding-at-ref";
import { allowedVerbs, READ_VERBS, target } from "./permission-match";
import type { RbacGraph } from "./rbac-graph";
import { platformStackName } from "../../config/model/stack-names";

export const AUDITOR_ROLE_CHECK = "rbac-auditor-read-only";

const SECRETS = target("", "secrets");

/**
 * On every declared cluster: the auditor ClusterRole exists, reads only (get, list, watch),
 * never Secrets, and every declared audit admin group is bound to it cluster-wide.
 */
export function checkAuditorRole(model: PlatformModel, graph: RbacGraph): AuditCheck {
  const findings: CheckFinding[] = [];
  const evidence: CheckEvidence[] = [];
  const auditGroups = [...model.admins.audit].sort();
  for (const cluster of [...model.clusters].map((c) => c.name).sort()) {
    const role = graph.roles.find((r) => r.kind === "ClusterRole" && r.cluster === cluster && r.name === AUDITOR_ROLE);
    if (!role) {
      findings.push({ stack: platformStackName(cluster), message: `cluster ${cluster} has no ClusterRole ${AUDITOR_ROLE}` });
      continue;
    }
    for (const rule of role.rules) {
      const at = (message: string) => findingAtRef(rule.source, message, rule.source === role.ref ? role.resource : undefined, `rules[${rule.index}]`);
      const writes = rule.verbs.filter((verb) => !READ_VERBS.has(verb));
      if (writes.length > 0) findings.push(at(`grants ${writes.join(", ")}: the auditor role may only get, list and watch`));
      const secrets = allowedVerbs(rule, SECRETS, [...READ_VERBS]);
      if (secrets.length > 0) findings.push(at(`lets auditors ${secrets.join(", ")} core/secrets: the auditor role never reads Secrets`));
    }
    const bindings = graph.bindings.filter((b) => b.kind === "ClusterRoleBinding" && b.cluster === cluster && b.roleRef.kind === "ClusterRole" && b.roleRef.name === AUDITOR_ROLE);
    for (const group of auditGroups) {
      if (!bindings.some((b) => b.subjects.some((s) => s.kind === "Group" && s.name === group))) {
        findings.push({ stack: platformStackName(cluster), message: `audit admin group ${group} is not bound to ClusterRole ${AUDITOR_ROLE} on cluster ${cluster}` });
      }
    }
    evidence.push({
      statement: `cluster ${cluster}: ClusterRole ${AUDITOR_ROLE} has ${plural(role.rules.length, "rule")} with verbs get, list, watch only and no access to secrets; bound cluster-wide to ${auditGroups.join(", ")}`,
      objects: [role.ref, ...bindings.map((b) => b.ref)],
    });
  }
  return decidedCheck(AUDITOR_ROLE_CHECK, "The auditor role reads everything but Secrets, and audit admins hold it", evidence, findings);
}
