/**
 * RBAC analysis of the artifact: who can do what, where, and whether that is what the
 * declaration allows.
 *
 * - `analyzeRbac(stacks: readonly ArtifactStack[], model: PlatformModel): RbacReport` reads the
 *   Roles, ClusterRoles (aggregation resolved), RoleBindings and ClusterRoleBindings of the
 *   artifact (`readArtifact(outdir)` from `audit/export`) and, for every group the declaration
 *   names (department owners: admins, developers, viewers; platform admins: system, security,
 *   audit), its effective permissions. Only the groups and what they are for come from the
 *   model; every permission comes from the artifact.
 * - `RbacReport` is plain, serialisable data: `{ status, checks, groups }`.
 *   - `groups[]`: `{ group, declaredAs, permissions, unresolved }`, the evidence pack's permission
 *     table. A permission row is `{ cluster, scope, apiGroup, resource, verbs, resourceNames,
 *     nonResource, binding, role, rule, via }`: `scope` is a namespace or `(cluster-wide)` for a
 *     ClusterRoleBinding; `binding` and `role` are `stack: address`; `via` is the subject that
 *     matched (the group, or `system:authenticated`, which every user is in). Wildcards stay as
 *     written. `unresolved` lists bindings to roles the artifact does not define (except the
 *     built-in cluster-admin, judged as "everything").
 *   - `checks[]`: `AuditCheck { id, title, status: pass | fail | not-applicable, reason?,
 *     evidence: { statement, objects }[], findings: { message, stack?, address?, object?, field? }[] }`:
 *     - `rbac-department-scope`: department groups hold no cluster-wide grant and no binding outside
 *       their department's namespaces (one finding per binding);
 *     - `rbac-department-bindings`: every owner group holds its tenant role in each of its namespaces;
 *     - `rbac-tenant-role-limits`: the govcloud-tenant-* ClusterRoles and every role bound to a
 *       department group change no resourcequotas, limitranges, namespaces, networkpolicies, RBAC
 *       or admission objects, grant no escalate, bind or impersonate, use no wildcard;
 *     - `rbac-auditor-read-only`: on every cluster govcloud-auditor has only get, list, watch and no
 *       Secrets, and every audit admin group is bound to it;
 *     - `rbac-separation-of-duties` (not applicable below level 3): the three admin groups are
 *       disjoint; system admins cannot change RBAC, network or admission policy; security admins
 *       cannot run workloads or read Secrets; audit admins only read; none can impersonate.
 * - `formatFinding(finding)`: `stack: address: object: field: message`; `findingAtRef(ref, message)`
 *   locates a finding by a `stack: address` reference, as permission rows carry them.
 */
export { analyzeRbac } from "./analyze-rbac";
export type { GroupPermissionTable, RbacReport } from "./analyze-rbac";
export { decidedCheck, findingAt, formatFinding, notApplicable, objectName, plural, resourceRef } from "./audit-check";
export type { AuditCheck, CheckEvidence, CheckFinding, CheckStatus } from "./audit-check";
export { AUDITOR_ROLE_CHECK } from "./auditor-role-check";
export { declaredGroups, hostsLevelThreeOrAbove, liveDepartments, TENANT_ROLE_OF_OWNER } from "./declared-groups";
export type { AdminDuty, DeclaredGroup, GroupDeclaration, OwnerRole } from "./declared-groups";
export { DEPARTMENT_BINDINGS_CHECK } from "./department-bindings-check";
export { DEPARTMENT_SCOPE_CHECK } from "./department-scope-check";
export { findingAtRef } from "./finding-at-ref";
export { CLUSTER_WIDE, IMPLICIT_GROUPS } from "./group-permissions";
export type { Permission, UnresolvedGrant } from "./group-permissions";
export { allowedVerbs, CHANGE_VERBS, ESCALATION_VERBS, READ_VERBS, target } from "./permission-match";
export type { Target } from "./permission-match";
export { SEPARATION_OF_DUTIES_CHECK } from "./separation-of-duties-check";
export { GUARDRAIL_TARGETS, TENANT_ROLE_LIMITS_CHECK } from "./tenant-role-limits-check";
