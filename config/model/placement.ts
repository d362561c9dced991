import type { Level } from "../schema/common";
import type { PlatformDeclaration } from "../schema/platform";

type ClusterDeclaration = PlatformDeclaration["clusters"][number];
type NodePoolDeclaration = ClusterDeclaration["nodePools"][number];

/**
 * Where an environment runs, decided once. The cluster it names; else the cluster the record
 * says it is on, as long as that cluster is still declared and hosts its level; else (a new
 * environment, or one whose level its cluster no longer hosts) the cluster that hosts its level
 * and comes first by name. Adding, renaming or reordering clusters therefore moves nothing that
 * is already placed; name order, not file order, decides only new placements.
 */
export function placeEnvironment(
  platform: PlatformDeclaration,
  environment: { level: Level; cluster?: string },
  recordedCluster?: string,
): ClusterDeclaration | undefined {
  if (environment.cluster !== undefined) return platform.clusters.find((c) => c.name === environment.cluster);
  const recorded = platform.clusters.find((c) => c.name === recordedCluster);
  if (recorded && recorded.levels.includes(environment.level)) return recorded;
  return [...platform.clusters]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .find((c) => c.levels.includes(environment.level));
}

/** Recorded placements, `department/environment` → cluster (from the lock). */
export type RecordedPlacements = Readonly<Record<string, { readonly cluster: string }>>;

/** {@link placeEnvironment} of a declared environment, with the cluster the record has for it. */
export function placeDeclaredEnvironment(
  platform: PlatformDeclaration,
  department: string,
  environment: { name: string; level: Level; cluster?: string },
  placements: RecordedPlacements = {},
): ClusterDeclaration | undefined {
  return placeEnvironment(platform, environment, placements[`${department}/${environment.name}`]?.cluster);
}

/** Levels 3 and 4 run on a dedicated, tainted node pool of their level. */
export function requiresDedicatedPool(level: Level): boolean {
  return level >= 3;
}

/** The node pool a level's workloads are pinned to, if the level requires one: first by name. */
export function dedicatedPoolFor(cluster: ClusterDeclaration, level: Level): NodePoolDeclaration | undefined {
  return [...cluster.nodePools]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .find((pool) => pool.dedicated && pool.levels.includes(level));
}

/** `<department>-<environment>`: the namespace of one environment. */
export function namespaceName(department: string, environment: string): string {
  return `${department}-${environment}`;
}
