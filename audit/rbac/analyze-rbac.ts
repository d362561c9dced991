import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactStack } from "../export";
import type { AuditCheck } from "./audit-check";
import { checkAuditorRole } from "./auditor-role-check";
import { declaredGroups, type GroupDeclaration } from "./declared-groups";
import { checkDepartmentBindings } from "./department-bindings-check";
import { checkDepartmentScope } from "./department-scope-check";
import { groupPermissions, type Permission, type UnresolvedGrant } from "./group-permissions";
import { RbacGraph } from "./rbac-graph";
import { checkSeparationOfDuties } from "./separation-of-duties-check";
import { checkTenantRoleLimits } from "./tenant-role-limits-check";

/** The effective permissions of one declared group: a section of the evidence pack. */
export interface GroupPermissionTable {
  readonly group: string;
  readonly declaredAs: readonly GroupDeclaration[];
  readonly permissions: readonly Permission[];
  readonly unresolved: readonly UnresolvedGrant[];
}

export interface RbacReport {
  /** `fail` when any check fails. */
  readonly status: "pass" | "fail";
  readonly checks: readonly AuditCheck[];
  /** Every declared group, sorted by name. */
  readonly groups: readonly GroupPermissionTable[];
}

/**
 * Judges the artifact's RBAC against the declaration: who the declaration says each group is
 * comes from the model; what each group can do comes only from the artifact's objects.
 */
export function analyzeRbac(stacks: readonly ArtifactStack[], model: PlatformModel): RbacReport {
  const graph = new RbacGraph(stacks);
  const groups = declaredGroups(model).map(({ group, declarations }) => ({ ...groupPermissions(graph, group), declaredAs: declarations }));
  const byName = new Map(groups.map((g) => [g.group, g]));
  // A group the declaration does not name can still be audited (an admin group listed nowhere else).
  const permissionsOf = (group: string) => byName.get(group) ?? groupPermissions(graph, group);
  const checks = [
    checkDepartmentScope(model, graph, permissionsOf),
    checkDepartmentBindings(model, graph),
    checkTenantRoleLimits(model, graph),
    checkAuditorRole(model, graph),
    checkSeparationOfDuties(model, permissionsOf),
  ];
  return { status: checks.some((c) => c.status === "fail") ? "fail" : "pass", checks, groups };
}
