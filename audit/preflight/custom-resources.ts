import type { ArtifactResource } from "../export";

/** A CustomResourceDefinition the API server must serve before Terraform can plan the objects of its kind. */
export interface CrdNeed {
  /** `<plural>.<group>`, as `kubectl get crd` names it. */
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  /** The versions the artifact applies, sorted. */
  readonly versions: readonly string[];
  readonly objects: number;
}

/** Groups of the Kubernetes API itself: never a CRD. */
const isBuiltInGroup = (group: string) => group === "" || !group.includes(".") || group.endsWith(".k8s.io");

/** The resource name of a kind, as CRDs name their plural: lower case, English plural. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/**
 * Every custom resource kind the artifact applies (its raw `kubernetes_manifest` objects outside the
 * Kubernetes API's own groups): the kubernetes provider reads each kind's schema from the API
 * server while planning, so its CRD must exist before the first plan, not only the first apply.
 */
export function customResourceNeeds(resources: readonly ArtifactResource[]): CrdNeed[] {
  const byName = new Map<string, { group: string; kind: string; versions: Set<string>; objects: number }>();
  for (const resource of resources) {
    if (!resource.address.startsWith("kubernetes_manifest.")) continue;
    const [group, version] = resource.object.apiVersion.includes("/") ? resource.object.apiVersion.split("/") : ["", resource.object.apiVersion];
    if (isBuiltInGroup(group)) continue;
    const name = `${pluralOf(resource.object.kind)}.${group}`;
    const need = byName.get(name) ?? { group, kind: resource.object.kind, versions: new Set<string>(), objects: 0 };
    need.versions.add(version);
    need.objects += 1;
    byName.set(name, need);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, n]) => ({ name, group: n.group, kind: n.kind, versions: [...n.versions].sort(), objects: n.objects }));
}
