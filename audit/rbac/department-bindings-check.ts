import type { PlatformModel } from "../../config/model/platform-model";
import { type AuditCheck, type CheckEvidence, type CheckFinding, decidedCheck } from "./audit-check";
import { liveDepartments, OWNER_ROLES, TENANT_ROLE_OF_OWNER } from "./declared-groups";
import type { RbacBinding, RbacGraph } from "./rbac-graph";
import { departmentStackName } from "../../config/model/stack-names";

export const DEPARTMENT_BINDINGS_CHECK = "rbac-department-bindings";

/**
 * The other half of scoping: every declared owner group holds its tenant role in every
 * namespace of its department, so what the declaration promises a department is what it gets.
 */
export function checkDepartmentBindings(model: PlatformModel, graph: RbacGraph): AuditCheck {
  const findings: CheckFinding[] = [];
  const evidence: CheckEvidence[] = [];
  // The RoleBindings of each namespace, in the graph's order: searching every binding of the
  // province for each owner group of each environment was quadratic.
  const roleBindingsIn = new Map<string, RbacBinding[]>();
  for (const b of graph.bindings) {
    if (b.kind !== "RoleBinding") continue;
    const key = JSON.stringify([b.cluster, b.namespace ?? null]);
    const listed = roleBindingsIn.get(key);
    if (listed === undefined) roleBindingsIn.set(key, [b]);
    else listed.push(b);
  }
  for (const department of liveDepartments(model)) {
    const stack = departmentStackName(department.name);
    for (const environment of department.environments) {
      const found: string[] = [];
      for (const owner of OWNER_ROLES) {
        const role = TENANT_ROLE_OF_OWNER[owner];
        for (const group of department.owners[owner]) {
          const binding = (roleBindingsIn.get(JSON.stringify([environment.cluster, environment.namespace])) ?? []).find(
            (b) =>
              b.roleRef.kind === "ClusterRole" &&
              b.roleRef.name === role &&
              b.subjects.some((s) => s.kind === "Group" && s.name === group),
          );
          if (binding) found.push(binding.ref);
          else {
            findings.push({
              stack,
              message: `department ${department.name}'s group ${group} (${owner}) is not bound to ClusterRole ${role} in namespace ${environment.namespace} on cluster ${environment.cluster}`,
            });
          }
        }
      }
      evidence.push({
        statement: `namespace ${environment.namespace} on ${environment.cluster}: department ${department.name}'s owner groups bound to the tenant roles`,
        objects: [...new Set(found)].sort(),
      });
    }
  }
  return decidedCheck(DEPARTMENT_BINDINGS_CHECK, "Every declared owner group holds its tenant role in its department's namespaces", evidence, findings);
}
