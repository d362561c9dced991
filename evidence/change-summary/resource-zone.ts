import type { ArtifactResource, ArtifactStack } from "../../audit/export";
import { LABEL } from "../../constructs/labels";

/**
 * The zone a resource belongs to, from its namespace's `govcloud/zone` label. The new artifact
 * is asked first; a namespace that is going away is found in the old one, so what is removed
 * is reported in the zone it leaves.
 */
export function resourceZones(newStacks: readonly ArtifactStack[], oldStacks: readonly ArtifactStack[]): (resource: ArtifactResource) => string {
  const zones = new Map<string, string>();
  for (const stacks of [oldStacks, newStacks]) {
    for (const resource of stacks.flatMap((s) => s.resources)) {
      const zone = resource.object.metadata.labels?.[LABEL.zone];
      if (resource.object.kind === "Namespace" && zone !== undefined) zones.set(key(resource.cluster, resource.object.metadata.name), zone);
    }
  }
  return (resource) => {
    const { kind, metadata } = resource.object;
    // A Namespace is cluster-scoped, but it is the zone's own object: it belongs with its contents.
    if (kind === "Namespace") return zones.get(key(resource.cluster, metadata.name)) ?? "cluster";
    if (!resource.namespaced) return "cluster";
    const namespace = metadata.namespace ?? "default";
    return zones.get(key(resource.cluster, namespace)) ?? `namespace ${namespace}`;
  };
}

function key(cluster: string, namespace: string | undefined): string {
  return `${cluster}\u0000${namespace ?? ""}`;
}
