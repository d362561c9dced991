import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { error, formatFieldPath, type FieldPath, type Problem } from "../../config/declaration/problem";
import { SourceDocument, type SizeLimit } from "../../config/declaration/source-document";
import { isRecord, type KubernetesObject } from "../export/kubernetes-object";
import { compareText } from "../export/read-artifact";
import { snapshotKind, TAKEN_AT_FILE } from "./snapshot-kinds";

/** One object of a live snapshot, with where it was read from. */
export interface LiveObject {
  readonly cluster: string;
  readonly namespaced: boolean;
  readonly object: KubernetesObject;
  /** The snapshot file, as the user named it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ClusterSnapshot {
  readonly cluster: string;
  /** When the snapshot was taken, from its `taken-at` file (RFC 3339, UTC). */
  readonly takenAt: string;
  /** In file order. */
  readonly objects: readonly LiveObject[];
}

export interface LiveSnapshot {
  readonly dir: string;
  /** Sorted by cluster name. */
  readonly clusters: readonly ClusterSnapshot[];
}

/** What is wrong with a snapshot: a file or folder, the line, column and field when inside a file. */
export interface SnapshotProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
  readonly message: string;
}

/** `snapshot/shared-hz/objects.yaml:12:5 items[3].kind: message`, or `snapshot/x: message` for a folder. */
export function formatSnapshotProblem(p: SnapshotProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ""}${p.field ? ` ${p.field}` : ""}: ${p.message}`;
}

/** A snapshot that cannot be read as it is: every problem of every file, positioned. */
export class LiveSnapshotError extends Error {
  constructor(readonly problems: readonly SnapshotProblem[]) {
    super(`the live snapshot cannot be read (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${formatSnapshotProblem(p)}`).join("\n")}`);
    this.name = "LiveSnapshotError";
  }
}

/**
 * A cluster's objects with managedFields and status are far larger than a declaration; the limit
 * still refuses a runaway file before it is read into memory. Larger clusters split their capture
 * into one file per kind.
 */
const SNAPSHOT_FILE_LIMIT: SizeLimit = { bytes: 128 * 1024 * 1024, what: "a snapshot file", human: "128 MiB" };
const SNAPSHOT_EXTENSIONS = [".yaml", ".yml", ".json"];
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Reads `<dir>/<cluster>/` for every declared cluster: its `taken-at` time and every `.yaml`,
 * `.yml` or `.json` file, each a `kubectl get -o yaml|json` list (or single objects). Hardened
 * like the declaration: size, nesting, aliases, non-UTF-8 and duplicate keys are refused; a kind
 * the live audit does not read (a Secret above all), an object without a name or namespace, the
 * same object twice, a folder that is not a declared cluster, and a declared cluster without a
 * folder are reported. Throws LiveSnapshotError with all of them at once.
 */
export function readSnapshot(dir: string, declaredClusters: readonly string[]): LiveSnapshot {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new LiveSnapshotError([{ file: shown(dir), message: "is not a folder; a live snapshot is one folder per cluster (see the README's capture command)" }]);
  }
  const problems: SnapshotProblem[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  for (const entry of folders) {
    if (!entry.isDirectory() || !declaredClusters.includes(entry.name)) {
      problems.push({ file: shown(join(dir, entry.name)), message: `is not the folder of a declared cluster (${[...declaredClusters].sort().join(", ")}); a snapshot holds one folder per cluster, named after it` });
    }
  }
  const clusters: ClusterSnapshot[] = [];
  for (const cluster of [...declaredClusters].sort(compareText)) {
    const folder = join(dir, cluster);
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      problems.push({ file: shown(folder), message: `missing: every declared cluster needs its snapshot; capture cluster ${cluster} with the README's command` });
      continue;
    }
    const read = readClusterFolder(cluster, folder, shown, problems);
    if (read) clusters.push(read);
  }
  if (problems.length > 0) throw new LiveSnapshotError(problems);
  return { dir, clusters };
}

function readClusterFolder(cluster: string, folder: string, shown: (path: string) => string, problems: SnapshotProblem[]): ClusterSnapshot | undefined {
  const takenAtPath = join(folder, TAKEN_AT_FILE);
  let takenAt: string | undefined;
  if (!statSync(takenAtPath, { throwIfNoEntry: false })?.isFile()) {
    problems.push({ file: shown(takenAtPath), message: "missing: the time the snapshot was taken (date -u +%Y-%m-%dT%H:%M:%SZ), so the evidence pack can say when it shows" });
  } else {
    const text = readFileSync(takenAtPath, "utf8").trim();
    if (RFC3339_UTC.test(text) && !Number.isNaN(Date.parse(text))) takenAt = text;
    else problems.push({ file: shown(takenAtPath), line: 1, column: 1, message: `must hold one UTC time written like 2026-11-27T08:30:00Z; got ${JSON.stringify(text.slice(0, 40))}` });
  }
  const objects: LiveObject[] = [];
  const seen = new Map<string, LiveObject>();
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
    if (entry.name === TAKEN_AT_FILE) continue;
    const path = join(folder, entry.name);
    if (!entry.isFile() || !SNAPSHOT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
      problems.push({ file: shown(path), message: "is not a snapshot file (.yaml, .yml or .json written by kubectl get -o yaml|json)" });
      continue;
    }
    const document = SourceDocument.read(path, shown(path), SNAPSHOT_FILE_LIMIT);
    if (Array.isArray(document)) {
      problems.push(...document.map(located));
      continue;
    }
    for (const found of objectsOf(cluster, document, problems)) {
      const key = identity(found);
      const first = seen.get(key);
      if (first) {
        problems.push({ file: found.file, line: found.line, column: found.column, message: `${describe(found)} is also at ${first.file}:${first.line}; a snapshot holds each object once` });
        continue;
      }
      seen.set(key, found);
      objects.push(found);
    }
  }
  return takenAt !== undefined ? { cluster, takenAt, objects } : undefined;
}

/** The objects of one document: the items of a list, or the document itself. */
function objectsOf(cluster: string, document: SourceDocument, problems: SnapshotProblem[]): LiveObject[] {
  const data = document.data;
  const problem = (path: FieldPath, message: string) => problems.push(located(document.position(error(document.file, path, message))));
  if (!isRecord(data) || typeof data.kind !== "string") {
    problem([], "must be the output of kubectl get -o yaml|json: an object with kind (List) and items");
    return [];
  }
  const isList = data.kind.endsWith("List");
  if (isList && !Array.isArray(data.items)) {
    problem(["kind"], `a ${data.kind} must have items, a list of objects`);
    return [];
  }
  const items: Array<{ value: unknown; path: FieldPath }> = isList ? (data.items as unknown[]).map((value, i) => ({ value, path: ["items", i] })) : [{ value: data, path: [] }];
  const listKind = isList && data.kind !== "List" ? data.kind.slice(0, -"List".length) : undefined;
  const found: LiveObject[] = [];
  for (const { value, path } of items) {
    if (!isRecord(value)) {
      problem(path, "must be a Kubernetes object");
      continue;
    }
    // Items of a typed list (PodList) may leave out their kind; kubectl's List items carry it.
    const kind = typeof value.kind === "string" ? value.kind : listKind;
    const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : isList && listKind !== undefined && typeof data.apiVersion === "string" ? data.apiVersion : undefined;
    if (kind === undefined || apiVersion === undefined) {
      problem(path, "must have apiVersion and kind");
      continue;
    }
    if (kind === "Secret" && (apiVersion === "v1" || apiVersion === "")) {
      problem([...path, "kind"], "Secrets are never read: remove them from the snapshot (the README's capture command leaves them out, and their data must not leave the cluster)");
      continue;
    }
    const known = snapshotKind(apiVersion, kind);
    if (!known) {
      problem([...path, "kind"], `${apiVersion} ${kind} is not a kind the live audit reads; capture only the kinds of the README's command`);
      continue;
    }
    const metadata = value.metadata;
    const name = isRecord(metadata) ? metadata.name : undefined;
    const namespace = isRecord(metadata) ? metadata.namespace : undefined;
    if (typeof name !== "string" || name === "") {
      problem([...path, "metadata", "name"], `${kind} without a name: is this really kubectl's output?`);
      continue;
    }
    if (known.namespaced && (typeof namespace !== "string" || namespace === "")) {
      problem([...path, "metadata"], `${kind} ${name} has no namespace; kubectl get --all-namespaces writes it`);
      continue;
    }
    const { line, column } = document.locate(path);
    found.push({ cluster, namespaced: known.namespaced, object: { ...value, apiVersion, kind, metadata } as KubernetesObject, file: document.file, line, column });
  }
  return found;
}

export function identity(live: Pick<LiveObject, "cluster" | "namespaced" | "object">): string {
  const { apiVersion, kind, metadata } = live.object;
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return [live.cluster, group, kind, live.namespaced ? metadata.namespace : "", metadata.name].join("\u0000");
}

/** `Kind namespace/name` or `Kind name`. */
export function describe(live: Pick<LiveObject, "namespaced" | "object">): string {
  const { kind, metadata } = live.object;
  return live.namespaced ? `${kind} ${metadata.namespace}/${metadata.name}` : `${kind} ${metadata.name}`;
}

/** A declaration-style problem (file, path, maybe line and column) as a snapshot problem. */
function located(problem: Problem & { line?: number; column?: number }): SnapshotProblem {
  return { file: problem.file, line: problem.line, column: problem.column, field: problem.path.length > 0 ? formatFieldPath(problem.path) : undefined, message: problem.message };
}
