import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactResource, ArtifactStack } from "../export";
import { type CheckFinding, findingAt, liveDepartments } from "../rbac";
import { departmentStackName } from "../../config/model/stack-names";

/** The label the platform puts on every tenant namespace; admission policy bindings select on it. */
export const TENANT_LABEL = "govcloud/tenant";
export const PSA_ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

/**
 * A namespace the benchmark treats as a tenant's: labelled as one in the artifact, or declared as
 * a department's environment. A declared one missing from the artifact has no `resource`, and
 * then no labels: every check that relies on labels fails for it, which is the point.
 */
export interface TenantNamespace {
  readonly cluster: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly resource?: ArtifactResource;
  /** The stack a declared environment's objects belong in. */
  readonly stack: string;
}

export function tenantNamespaces(stacks: readonly ArtifactStack[], model: PlatformModel): TenantNamespace[] {
  const found = new Map<string, TenantNamespace>();
  const key = (cluster: string, name: string) => `${cluster}\u0000${name}`;
  const namespaces = stacks.flatMap((s) => s.resources).filter((r) => r.object.kind === "Namespace");
  for (const resource of namespaces) {
    const labels = resource.object.metadata.labels ?? {};
    if (labels[TENANT_LABEL] === "true") {
      found.set(key(resource.cluster, String(resource.object.metadata.name)), { cluster: resource.cluster, name: String(resource.object.metadata.name), labels, resource, stack: resource.stack });
    }
  }
  for (const department of liveDepartments(model)) {
    for (const environment of department.environments) {
      const k = key(environment.cluster, environment.namespace);
      if (found.has(k)) continue;
      const resource = namespaces.find((r) => r.cluster === environment.cluster && r.object.metadata.name === environment.namespace);
      found.set(k, { cluster: environment.cluster, name: environment.namespace, labels: resource?.object.metadata.labels ?? {}, ...(resource ? { resource } : {}), stack: departmentStackName(department.name) });
    }
  }
  return [...found.values()].sort((a, b) => compare(`${a.cluster}/${a.name}`, `${b.cluster}/${b.name}`));
}

/** Namespaces of the platform's own zones: not tenants, and not held to tenant rules here. */
export function platformNamespaces(model: PlatformModel): ReadonlySet<string> {
  return new Set([model.network.gateway.namespace, model.network.management.namespace]);
}

/** A finding about a tenant namespace, whether or not the artifact has its object. */
export function namespaceFinding(namespace: TenantNamespace, message: string, field?: string): CheckFinding {
  if (namespace.resource) return findingAt(namespace.resource, message, field);
  return { stack: namespace.stack, object: `Namespace ${namespace.name}`, message: `on cluster ${namespace.cluster} is declared but has no Namespace object in the artifact; ${message}` };
}

/** Objects of one kind in one namespace of one cluster, in artifact order. */
export function objectsIn(stacks: readonly ArtifactStack[], kind: string, namespace: TenantNamespace): ArtifactResource[] {
  return [...(namespacedIndex(stacks).get(indexKey(kind, namespace.cluster, namespace.name)) ?? [])];
}

const indexKey = (kind: string, cluster: string, namespace: string) => `${kind}\u0000${cluster}\u0000${namespace}`;

/**
 * Every check asks for objects of each tenant namespace: one pass over the artifact instead of
 * one per question (quadratic at province scale). Kept while the stacks are the same arrays of
 * the same lengths, so an artifact changed in place is indexed again.
 */
const indexes = new WeakMap<readonly ArtifactStack[], { sources: ReadonlyArray<readonly ArtifactResource[]>; lengths: readonly number[]; index: Map<string, ArtifactResource[]> }>();
function namespacedIndex(stacks: readonly ArtifactStack[]): Map<string, ArtifactResource[]> {
  const cached = indexes.get(stacks);
  if (cached && cached.sources.length === stacks.length && stacks.every((s, i) => s.resources === cached.sources[i] && s.resources.length === cached.lengths[i])) return cached.index;
  const index = new Map<string, ArtifactResource[]>();
  for (const stack of stacks) {
    for (const r of stack.resources) {
      if (!r.namespaced) continue;
      const key = indexKey(r.object.kind, r.cluster, r.object.metadata.namespace ?? "default");
      const list = index.get(key);
      if (list) list.push(r);
      else index.set(key, [r]);
    }
  }
  indexes.set(stacks, { sources: stacks.map((s) => s.resources), lengths: stacks.map((s) => s.resources.length), index });
  return index;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
