import type { Level } from "../schema/common";
import type { PlatformDeclaration } from "../schema/platform";

type ClusterDeclaration = PlatformDeclaration["clusters"][number];
type NodePoolDeclaration = ClusterDeclaration["nodePools"][number];

/**
 * Where an environment runs: the cluster it names, or else the cluster that hosts its level
 * and comes first by name. Name order, not file order, so that reordering clusters in
 * `platform.yaml` never moves an environment.
 */
export function placeEnvironment(
  platform: PlatformDeclaration,
  environment: { level: Level; cluster?: string },
): ClusterDeclaration | undefined {
  if (environment.cluster !== undefined) return platform.clusters.find((c) => c.name === environment.cluster);
  return [...platform.clusters]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .find((c) => c.levels.includes(environment.level));
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
