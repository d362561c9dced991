import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { type ArtifactResource, type ArtifactStack, compareText, readArtifact } from "./read-artifact";
import { assertReplaceable, recoverFromKilledRuns, replaceFolder } from "../../artifact/replace-folder";

/** The file of a cluster's folder that holds its objects without a namespace. */
export const CLUSTER_SCOPED_FILE = "cluster-scoped.yaml";

/** What was written: per cluster, the files and how many objects each holds. */
export interface ExportSummary {
  readonly targetDir: string;
  readonly clusters: ReadonlyArray<{ readonly cluster: string; readonly files: ReadonlyArray<{ readonly file: string; readonly objects: number }> }>;
}

const SAFE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Writes the artifact as plain manifests for GitOps tools: `<targetDir>/<cluster>/<namespace>.yaml`
 * and `<targetDir>/<cluster>/cluster-scoped.yaml`, multi-document YAML with the objects sorted by
 * kind then name. The same artifact always gives the same bytes. Everything is written into a
 * staging folder beside `targetDir`, which replaces `targetDir` only once complete; on any error
 * `targetDir` is left as it was.
 */
export function exportManifests(outdir: string, targetDir: string): ExportSummary {
  const files = manifestFiles(readArtifact(outdir));
  const target = resolve(targetDir);
  recoverFromKilledRuns(target);
  assertReplaceable(target, "an earlier export (cluster folders of .yaml files)", isEarlierExport);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, file] of files) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), file.text);
    }
    mkdirSync(staging, { recursive: true });
    replaceFolder(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return summarize(target, files);
}

export interface ManifestFile {
  readonly text: string;
  readonly objects: number;
}

/** The export's files, by path relative to the target folder, with their text. */
export function manifestFiles(stacks: readonly ArtifactStack[]): Map<string, ManifestFile> {
  const groups = new Map<string, ArtifactResource[]>();
  for (const resource of stacks.flatMap((stack) => stack.resources)) {
    const path = `${safeName(resource.cluster, "cluster")}/${fileOf(resource)}`;
    const group = groups.get(path);
    if (group) group.push(resource);
    else groups.set(path, [resource]);
  }
  const files = new Map<string, ManifestFile>();
  for (const path of [...groups.keys()].sort(compareText)) {
    const objects = groups.get(path)!.sort(byKindThenName).map((resource) => resource.object);
    // YAML 1.1 quoting, because Kubernetes reads manifests as YAML 1.1: `on`, `yes` and `0644` stay strings.
    const text = objects.map((object) => `---\n${stringify(object, { version: "1.1", lineWidth: 0 })}`).join("");
    files.set(path, { text, objects: objects.length });
  }
  return files;
}

function fileOf(resource: ArtifactResource): string {
  if (!resource.namespaced) return CLUSTER_SCOPED_FILE;
  const namespace = safeName(resource.object.metadata.namespace ?? "default", "namespace");
  if (`${namespace}.yaml` === CLUSTER_SCOPED_FILE) throw new Error(`namespace '${namespace}' would share the file of the cluster-scoped objects`);
  return `${namespace}.yaml`;
}

/** Cluster and namespace names become paths: anything but a DNS name could escape the target folder. */
function safeName(name: string, what: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`cannot export: ${what} name '${name}' is not a DNS name`);
  return name;
}

function byKindThenName(a: ArtifactResource, b: ArtifactResource): number {
  return (
    compareText(a.object.kind, b.object.kind) ||
    compareText(a.object.metadata.name ?? "", b.object.metadata.name ?? "") ||
    compareText(a.object.apiVersion, b.object.apiVersion)
  );
}

function summarize(targetDir: string, files: Map<string, ManifestFile>): ExportSummary {
  const clusters = new Map<string, Array<{ file: string; objects: number }>>();
  for (const [path, { objects }] of files) {
    const [cluster, file] = path.split("/");
    clusters.set(cluster, [...(clusters.get(cluster) ?? []), { file, objects }]);
  }
  return { targetDir, clusters: [...clusters].map(([cluster, list]) => ({ cluster, files: list })) };
}

/** An export is cluster folders holding only .yaml files. */
function isEarlierExport(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).every(
    (entry) => entry.isDirectory() && readdirSync(join(folder, entry.name)).every((file) => file.endsWith(".yaml")),
  );
}
