import type { ArtifactResource, ArtifactStack } from "../export";
import { parseLabelSelector } from "../connectivity/label-selector";
import { resourceRef } from "./audit-check";

/** One rule of a Role or ClusterRole, as written (wildcards kept: the audit cannot expand them). */
export interface RbacRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** Empty: every object of the resources. */
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
  /** The role that carries the rule (for aggregated ClusterRoles, the role it was aggregated from), `stack: address`. */
  readonly source: string;
  /** Its position in that role's `rules`. */
  readonly index: number;
}

export interface RbacRole {
  readonly kind: "Role" | "ClusterRole";
  readonly cluster: string;
  /** Only for a Role. */
  readonly namespace?: string;
  readonly name: string;
  /** `stack: address`, or a description of a built-in role the artifact relies on. */
  readonly ref: string;
  readonly resource?: ArtifactResource;
  readonly rules: readonly RbacRule[];
}

export interface RbacSubject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface RbacBinding {
  readonly kind: "RoleBinding" | "ClusterRoleBinding";
  readonly cluster: string;
  /** Only for a RoleBinding: the namespace its grant holds in. */
  readonly namespace?: string;
  readonly name: string;
  readonly ref: string;
  readonly resource: ArtifactResource;
  readonly roleRef: { readonly kind: string; readonly name: string };
  readonly subjects: readonly RbacSubject[];
}

/**
 * cluster-admin is the one built-in role whose rules are fixed and well known (everything);
 * a binding to it must be judged as such. Other built-in roles (admin, edit, view) aggregate
 * whatever the cluster has installed, so the artifact alone cannot say what they allow.
 */
const BUILT_IN_CLUSTER_ADMIN = "cluster-admin";

/**
 * The Roles, ClusterRoles and their bindings of every stack, per cluster, with ClusterRole
 * aggregation resolved as the controller manager would.
 */
export class RbacGraph {
  readonly roles: readonly RbacRole[];
  readonly bindings: readonly RbacBinding[];
  // Indexes over the lists above: at province scale the checks ask for thousands of groups'
  // bindings and roles, and a scan of every binding or role for each was most of the audit of RBAC.
  private readonly roleByKey = new Map<string, RbacRole>();
  private readonly bindingIndexesByGroup = new Map<string, number[]>();
  private readonly bindingByRef = new Map<string, RbacBinding>();

  constructor(stacks: readonly ArtifactStack[]) {
    const resources = stacks.flatMap((stack) => stack.resources);
    this.roles = aggregate(resources.filter((r) => isRbac(r, "Role") || isRbac(r, "ClusterRole")).map(readRole));
    this.bindings = resources.filter((r) => isRbac(r, "RoleBinding") || isRbac(r, "ClusterRoleBinding")).map(readBinding);
    // The first of equal roles or bindings wins, as a search through the lists would find it.
    for (const role of this.roles) {
      const key = roleKey(role.cluster, role.kind, role.name, role.namespace);
      if (!this.roleByKey.has(key)) this.roleByKey.set(key, role);
    }
    this.bindings.forEach((binding, index) => {
      if (!this.bindingByRef.has(binding.ref)) this.bindingByRef.set(binding.ref, binding);
      for (const group of new Set(binding.subjects.filter((s) => s.kind === "Group").map((s) => s.name))) {
        const indexes = this.bindingIndexesByGroup.get(group);
        if (indexes) indexes.push(index);
        else this.bindingIndexesByGroup.set(group, [index]);
      }
    });
  }

  /** The bindings with a Group subject named one of `groups`, in the order of `bindings`. */
  bindingsOfGroups(groups: readonly string[]): RbacBinding[] {
    const indexes = new Set(groups.flatMap((group) => this.bindingIndexesByGroup.get(group) ?? []));
    return [...indexes].sort((a, b) => a - b).map((index) => this.bindings[index]);
  }

  /** The binding cited as `ref` (`stack: address`), if the artifact has it. */
  binding(ref: string): RbacBinding | undefined {
    return this.bindingByRef.get(ref);
  }

  /**
   * The role a binding grants, or undefined when the artifact does not define it (a role the
   * cluster may hold, but whose rules nobody reading the artifact can verify).
   */
  roleOf(binding: RbacBinding): RbacRole | undefined {
    const { kind, name } = binding.roleRef;
    // A Role is looked for in the binding's namespace; a ClusterRoleBinding has none, so it grants no Role.
    const found = kind === "ClusterRole" || binding.namespace !== undefined ? this.roleByKey.get(roleKey(binding.cluster, kind, name, binding.namespace)) : undefined;
    if (found || kind !== "ClusterRole" || name !== BUILT_IN_CLUSTER_ADMIN) return found;
    return {
      kind: "ClusterRole",
      cluster: binding.cluster,
      name,
      ref: `built-in ClusterRole ${BUILT_IN_CLUSTER_ADMIN}`,
      rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"], resourceNames: [], nonResourceURLs: ["*"], source: `built-in ClusterRole ${BUILT_IN_CLUSTER_ADMIN}`, index: 0 }],
    };
  }
}

/** What identifies a role a binding can refer to: a ClusterRole by cluster and name, a Role also by namespace. */
function roleKey(cluster: string, kind: string, name: string, namespace: string | undefined): string {
  return [cluster, kind, name, kind === "ClusterRole" ? "" : (namespace ?? "")].join("\u0000");
}

function isRbac(resource: ArtifactResource, kind: string): boolean {
  return resource.object.kind === kind && resource.object.apiVersion.startsWith("rbac.authorization.k8s.io/");
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)) : [];
}

function readRole(resource: ArtifactResource): RbacRole & { readonly aggregationRule?: unknown } {
  const { object } = resource;
  const ref = resourceRef(resource);
  return {
    kind: object.kind as RbacRole["kind"],
    cluster: resource.cluster,
    ...(object.kind === "Role" ? { namespace: object.metadata.namespace ?? "default" } : {}),
    name: String(object.metadata.name),
    ref,
    resource,
    rules: records(object.rules).map((rule, index) => ({
      apiGroups: strings(rule.apiGroups),
      resources: strings(rule.resources),
      verbs: strings(rule.verbs),
      resourceNames: strings(rule.resourceNames),
      nonResourceURLs: strings(rule.nonResourceURLs),
      source: ref,
      index,
    })),
    aggregationRule: object.aggregationRule,
  };
}

/** An aggregated ClusterRole holds the rules of every ClusterRole of its cluster its selectors match. */
function aggregate(roles: ReadonlyArray<RbacRole & { readonly aggregationRule?: unknown }>): RbacRole[] {
  return roles.map(({ aggregationRule, ...role }) => {
    const selectors = records((aggregationRule as { clusterRoleSelectors?: unknown } | undefined)?.clusterRoleSelectors);
    if (role.kind !== "ClusterRole" || selectors.length === 0) return role;
    const parsed = selectors.map((selector) => parseLabelSelector(selector, [], () => undefined));
    const aggregated = roles.filter(
      (other) =>
        other !== role &&
        other.kind === "ClusterRole" &&
        other.cluster === role.cluster &&
        parsed.some((selector) => selector.matches(other.resource?.object.metadata.labels ?? {})),
    );
    return { ...role, rules: [...role.rules, ...aggregated.flatMap((other) => other.rules)] };
  });
}

function readBinding(resource: ArtifactResource): RbacBinding {
  const { object } = resource;
  const roleRef = (object.roleRef ?? {}) as { kind?: unknown; name?: unknown };
  return {
    kind: object.kind as RbacBinding["kind"],
    cluster: resource.cluster,
    ...(object.kind === "RoleBinding" ? { namespace: object.metadata.namespace ?? "default" } : {}),
    name: String(object.metadata.name),
    ref: resourceRef(resource),
    resource,
    roleRef: { kind: String(roleRef.kind ?? ""), name: String(roleRef.name ?? "") },
    subjects: records(object.subjects).map((s) => ({
      kind: String(s.kind ?? ""),
      name: String(s.name ?? ""),
      ...(typeof s.namespace === "string" ? { namespace: s.namespace } : {}),
    })),
  };
}
