import type { PlatformModel } from "../../config/model/platform-model";
import { type AuditCheck, type CheckEvidence, type CheckFinding, decidedCheck, plural } from "./audit-check";
import { findingAtRef } from "./finding-at-ref";
import { CLUSTER_WIDE, type GroupPermissions } from "./group-permissions";
import { liveDepartments, OWNER_ROLES } from "./declared-groups";
import type { RbacGraph } from "./rbac-graph";

export const DEPARTMENT_SCOPE_CHECK = "rbac-department-scope";

/**
 * A department's groups reach only that department's namespaces: no ClusterRoleBinding names
 * them (directly or through an implicit group), and no RoleBinding of another department's or a
 * platform namespace does. One finding per binding and group: the binding is what to fix.
 */
export function checkDepartmentScope(model: PlatformModel, graph: RbacGraph, permissionsOf: (group: string) => GroupPermissions): AuditCheck {
  const findings: CheckFinding[] = [];
  const evidence: CheckEvidence[] = [];
  for (const department of liveDepartments(model)) {
    const own = new Set(department.environments.map((e) => `${e.cluster}\u0000${e.namespace}`));
    const ownNames = department.environments.map((e) => e.namespace).sort();
    const bindings = new Set<string>();
    for (const owner of OWNER_ROLES) {
      for (const group of department.owners[owner]) {
        const who = `department ${department.name}'s group ${group} (${owner})`;
        const { permissions, unresolved } = permissionsOf(group);
        const seen = new Set<string>();
        for (const grant of [...permissions, ...unresolved]) {
          const key = `${grant.binding}\u0000${grant.scope}`;
          if (seen.has(key)) continue;
          seen.add(key);
          bindings.add(grant.binding);
          const binding = graph.binding(grant.binding);
          const roleRef = binding ? `${binding.roleRef.kind} ${binding.roleRef.name}` : "a role";
          const through = grant.via === `Group ${group}` ? "" : ` (through ${grant.via})`;
          if (grant.scope === CLUSTER_WIDE) {
            findings.push(findingAtRef(grant.binding, `grants ${who} ${roleRef} on the whole cluster ${grant.cluster}${through}; a department's groups may hold roles only in its own namespaces`, binding?.resource));
          } else if (!own.has(`${grant.cluster}\u0000${grant.scope}`)) {
            findings.push(
              findingAtRef(grant.binding, `grants ${who} ${roleRef} in namespace ${grant.scope} on cluster ${grant.cluster}${through}, which is not a namespace of department ${department.name} (${ownNames.join(", ")})`, binding?.resource),
            );
          }
        }
      }
    }
    const groups = OWNER_ROLES.flatMap((owner) => department.owners[owner]);
    evidence.push({
      statement: `department ${department.name}: ${plural(groups.length, "group")} (${groups.join(", ")}) bound by ${plural(bindings.size, "binding")} in ${ownNames.join(", ")}`,
      objects: [...bindings].sort(),
    });
  }
  return decidedCheck(DEPARTMENT_SCOPE_CHECK, "Department groups reach only their department's namespaces", evidence, findings);
}
