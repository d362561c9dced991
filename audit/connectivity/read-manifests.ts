import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Document, LineCounter, isNode, parseAllDocuments } from "yaml";
import { ConnectivityInputError, ManifestProblem } from "./connectivity-input-error";
import { FieldPath, ManifestObject, SourcePosition, isRecord } from "./manifest-object";

/** The kinds that decide connectivity; everything else (Services, ConfigMaps, RBAC, …) is ignored. */
export const ANALYZED_KINDS: ReadonlySet<string> = new Set([
  "Namespace",
  "Pod",
  "Deployment",
  "ReplicaSet",
  "StatefulSet",
  "DaemonSet",
  "ReplicationController",
  "Job",
  "CronJob",
  "NetworkPolicy",
]);

const MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];

/**
 * Reads every `.yaml`, `.yml` and `.json` file below `dir`, recursively, in a stable (sorted) order.
 * Files are named by `dir` joined with their relative path. Throws ConnectivityInputError listing
 * every syntax error (file, line, column) of every file.
 */
export function readManifestFolder(dir: string): ManifestObject[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConnectivityInputError([{ file: dir, message: "is not a directory" }]);
  }
  const problems: ManifestProblem[] = [];
  const manifests: ManifestObject[] = [];
  for (const file of listManifestFiles(dir)) {
    manifests.push(...parseManifestText(readFileSync(file, "utf8"), file, problems));
  }
  if (problems.length > 0) throw new ConnectivityInputError(problems);
  return manifests;
}

function listManifestFiles(dir: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listManifestFiles(path));
    else if (entry.isFile() && MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) files.push(path);
  }
  return files;
}

/**
 * Parses one file's text: multi-document YAML, or JSON (which YAML 1.2 reads too, and that way JSON
 * problems also get line numbers). Syntax errors go to `problems`.
 */
export function parseManifestText(text: string, file: string, problems: ManifestProblem[]): ManifestObject[] {
  const lineCounter = new LineCounter();
  if (file.endsWith(".json") && !isStrictJson(text, file, problems)) return [];
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const manifests: ManifestObject[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        problems.push({ file, line, column: col, message: `invalid YAML: ${error.message}` });
      }
      continue;
    }
    const locate = (path: FieldPath) => locateInDocument(document, lineCounter, path);
    manifests.push(...analyzedObjects(document.toJS(), file, locate));
  }
  return manifests;
}

/**
 * The analyzed objects of one parsed document or in-memory object: the object itself, or the items
 * of a `List`/`PodList`/… (items of a typed list carry no kind, so they take it from the list's).
 */
export function analyzedObjects(
  value: unknown,
  file: string,
  locate: (path: FieldPath) => SourcePosition | undefined,
): ManifestObject[] {
  if (!isRecord(value) || typeof value.kind !== "string") return [];
  const kind = value.kind;
  if (kind.endsWith("List") && Array.isArray(value.items)) {
    const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
    return value.items.flatMap((item, index) => {
      if (!isRecord(item)) return [];
      const typed = typeof item.kind === "string" || itemKind === undefined ? item : { ...item, kind: itemKind };
      return analyzedObjects(typed, file, (path) => locate(["items", index, ...path]));
    });
  }
  return ANALYZED_KINDS.has(kind) ? [{ kind, object: value, file, locate }] : [];
}

/**
 * YAML reads JSON but also forgives what JSON does not (trailing commas, comments), and a file that
 * claims to be JSON should be JSON for every other tool too.
 */
function isStrictJson(text: string, file: string, problems: ManifestProblem[]): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const offset = /at position (\d+)/.exec(message)?.[1];
    const before = offset === undefined ? undefined : text.slice(0, Number(offset));
    const line = before === undefined ? undefined : before.split("\n").length;
    const column = before === undefined ? undefined : before.length - before.lastIndexOf("\n");
    problems.push({ file, line, column, message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}` });
    return false;
  }
}

/** The position of the deepest existing node on `path`, so a missing field points at its parent. */
function locateInDocument(document: Document, lineCounter: LineCounter, path: FieldPath): SourcePosition | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return undefined;
}
