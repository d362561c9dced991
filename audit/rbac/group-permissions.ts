import { WILDCARD } from "./permission-match";
import type { RbacBinding, RbacGraph, RbacRole } from "./rbac-graph";

/** The scope of a grant made by a ClusterRoleBinding: every namespace, and cluster-scoped resources. */
export const CLUSTER_WIDE = "(cluster-wide)";

/**
 * Groups every authenticated user belongs to: what is bound to them, every declared group holds.
 * (`system:unauthenticated` is left out: the groups audited here are authenticated by definition.)
 */
export const IMPLICIT_GROUPS: readonly string[] = ["system:authenticated"];

/**
 * One row of the effective permission table: what a group may do, where, and which binding and
 * role grant it. Wildcards stay as written; `resource` is a URL path when `nonResource`.
 */
export interface Permission {
  readonly cluster: string;
  /** A namespace, or CLUSTER_WIDE. */
  readonly scope: string;
  readonly apiGroup: string;
  readonly resource: string;
  readonly verbs: readonly string[];
  /** Empty: every object of the resource. */
  readonly resourceNames: readonly string[];
  readonly nonResource: boolean;
  /** The binding (`stack: address`). */
  readonly binding: string;
  /** The rule's role (`stack: address`), and the rule's index in it. */
  readonly role: string;
  readonly rule: number;
  /** The subject through which the group holds it: the group itself or an implicit group. */
  readonly via: string;
}

/** A binding whose role the artifact does not define: its permissions cannot be verified. */
export interface UnresolvedGrant {
  readonly cluster: string;
  readonly scope: string;
  readonly binding: string;
  readonly roleRef: string;
  readonly via: string;
}

export interface GroupPermissions {
  readonly group: string;
  readonly permissions: readonly Permission[];
  readonly unresolved: readonly UnresolvedGrant[];
}

/** Everything `group` may do according to the artifact's bindings, sorted by cluster, scope, apiGroup, resource. */
export function groupPermissions(graph: RbacGraph, group: string): GroupPermissions {
  const permissions: Permission[] = [];
  const unresolved: UnresolvedGrant[] = [];
  for (const binding of graph.bindingsOfGroups([group, ...IMPLICIT_GROUPS])) {
    const via = binding.subjects.find((s) => s.kind === "Group" && (s.name === group || IMPLICIT_GROUPS.includes(s.name)));
    if (!via) continue;
    const scope = binding.kind === "ClusterRoleBinding" ? CLUSTER_WIDE : (binding.namespace ?? "default");
    const role = graph.roleOf(binding);
    if (!role) {
      unresolved.push({ cluster: binding.cluster, scope, binding: binding.ref, roleRef: `${binding.roleRef.kind} ${binding.roleRef.name}`, via: `Group ${via.name}` });
      continue;
    }
    permissions.push(...rowsOf(binding, role, scope, `Group ${via.name}`));
  }
  return { group, permissions: inPermissionOrder(permissions), unresolved };
}

function rowsOf(binding: RbacBinding, role: RbacRole, scope: string, via: string): Permission[] {
  const rows: Permission[] = [];
  for (const rule of role.rules) {
    const verbs = [...rule.verbs].sort();
    const resourceNames = [...rule.resourceNames].sort();
    const row = (apiGroup: string, resource: string, nonResource: boolean): Permission => ({
      cluster: binding.cluster,
      scope,
      apiGroup,
      resource,
      verbs,
      resourceNames,
      nonResource,
      binding: binding.ref,
      role: rule.source,
      rule: rule.index,
      via,
    });
    for (const apiGroup of rule.apiGroups) for (const resource of rule.resources) rows.push(row(apiGroup, resource, false));
    // Non-resource URLs (/healthz, /metrics) exist only cluster-wide; a RoleBinding cannot grant them.
    if (binding.kind === "ClusterRoleBinding") for (const url of rule.nonResourceURLs) rows.push(row("", url, true));
  }
  return rows;
}

/**
 * Sorted by cluster, scope (cluster-wide first), apiGroup, resource, binding and rule. Each row's
 * key is made once, not at every comparison: a province's groups hold tens of thousands of rows.
 */
function inPermissionOrder(permissions: readonly Permission[]): Permission[] {
  const keyed = permissions.map((p) => ({ p, key: [p.cluster, p.scope === CLUSTER_WIDE ? "" : p.scope, p.apiGroup, p.resource, p.binding, String(p.rule).padStart(4, "0")] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] < b.key[i] ? -1 : 1;
    return 0;
  });
  return keyed.map(({ p }) => p);
}

/** Whether a rule or row uses `*` in its groups, resources or verbs, and where. */
export function wildcardFields(rule: { readonly apiGroups: readonly string[]; readonly resources: readonly string[]; readonly verbs: readonly string[] }): string[] {
  const fields: string[] = [];
  if (rule.apiGroups.includes(WILDCARD)) fields.push("apiGroups");
  if (rule.resources.some((r) => r === WILDCARD || r.startsWith("*/") || r.endsWith("/*"))) fields.push("resources");
  if (rule.verbs.includes(WILDCARD)) fields.push("verbs");
  return fields;
}
