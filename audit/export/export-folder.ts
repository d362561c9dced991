import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CLUSTER_SCOPED_FILE } from "./export-manifests";

/** One cluster's folder of an export. */
export interface ExportedCluster {
  readonly cluster: string;
  readonly dir: string;
}

/**
 * The cluster folders of a folder that `exportManifests` wrote, sorted by name, or undefined when
 * `dir` is not one. An export holds only cluster folders, each with its `cluster-scoped.yaml`
 * (every cluster has at least its namespaces); a folder with anything else is taken as a plain
 * manifests folder.
 */
export function exportedClusters(dir: string): ExportedCluster[] | undefined {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith("."));
  if (entries.length === 0) return undefined;
  const isClusterFolder = (name: string) => statSync(join(dir, name, CLUSTER_SCOPED_FILE), { throwIfNoEntry: false })?.isFile() === true;
  if (!entries.every((entry) => entry.isDirectory() && isClusterFolder(entry.name))) return undefined;
  return entries
    .map((entry) => entry.name)
    .sort()
    .map((cluster) => ({ cluster, dir: join(dir, cluster) }));
}
