import type { ArtifactResource, ArtifactStack, KubernetesObject } from "../../../audit/export";

/**
 * Broken artifacts for the audit's tests: a deep copy of the stacks with objects changed, added
 * or removed in memory, so each check can be shown to fail without another synthesis.
 */
export type Mutable = Record<string, any>;

export function find(stacks: readonly ArtifactStack[], kind: string, name: string, where: { namespace?: string; cluster?: string } = {}): ArtifactResource {
  const found = stacks
    .flatMap((s) => s.resources)
    .filter(
      (r) =>
        r.object.kind === kind &&
        r.object.metadata.name === name &&
        (where.namespace === undefined || r.object.metadata.namespace === where.namespace) &&
        (where.cluster === undefined || r.cluster === where.cluster),
    );
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name} ${JSON.stringify(where)}, found ${found.length}`);
  return found[0];
}

/** `stack: address` of one object, as findings and evidence cite it. */
export function refOf(stacks: readonly ArtifactStack[], kind: string, name: string, where: { namespace?: string; cluster?: string } = {}): string {
  const r = find(stacks, kind, name, where);
  return `${r.stack}: ${r.address}`;
}

/** A copy of `stacks` where `change` edits (a copy of) the one matching object. */
export function mutate(
  stacks: readonly ArtifactStack[],
  kind: string,
  name: string,
  where: { namespace?: string; cluster?: string },
  change: (object: Mutable) => void,
): ArtifactStack[] {
  const target = find(stacks, kind, name, where);
  return stacks.map((s) => ({
    ...s,
    resources: s.resources.map((r) => {
      if (r !== target) return r;
      const object = structuredClone(r.object) as Mutable;
      change(object);
      return { ...r, object: object as KubernetesObject };
    }),
  }));
}

/** A copy of `stacks` with one more resource in `stack`. */
export function add(stacks: readonly ArtifactStack[], stack: string, resource: Omit<ArtifactResource, "stack">): ArtifactStack[] {
  return stacks.map((s) => (s.name === stack ? { ...s, resources: [...s.resources, { ...resource, stack }] } : s));
}

/** A copy of `stacks` without the one matching object. */
export function remove(stacks: readonly ArtifactStack[], kind: string, name: string, where: { namespace?: string; cluster?: string } = {}): ArtifactStack[] {
  const target = find(stacks, kind, name, where);
  return stacks.map((s) => ({ ...s, resources: s.resources.filter((r) => r !== target) }));
}

const RBAC = "rbac.authorization.k8s.io";

export function groupSubject(name: string) {
  return { apiGroup: RBAC, kind: "Group", name };
}

export function clusterRoleBinding(cluster: string, address: string, name: string, role: string, groups: string[]): Omit<ArtifactResource, "stack"> {
  return {
    address,
    cluster,
    namespaced: false,
    object: { apiVersion: `${RBAC}/v1`, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: role }, subjects: groups.map(groupSubject) },
  };
}

export function roleBinding(cluster: string, address: string, namespace: string, name: string, role: string, groups: string[]): Omit<ArtifactResource, "stack"> {
  return {
    address,
    cluster,
    namespaced: true,
    object: { apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { name, namespace }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: role }, subjects: groups.map(groupSubject) },
  };
}
