import { ManifestProblem } from "./connectivity-input-error";

export type FieldPath = readonly (string | number)[];

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A Kubernetes object as read from a manifest, with enough of its origin to point at its fields. */
export interface ManifestObject {
  readonly kind: string;
  readonly object: Readonly<Record<string, unknown>>;
  /** The file it was read from, or a name such as `objects[3]` for objects handed over in memory. */
  readonly file: string;
  /** Where a field of this object is in the file; undefined for objects that never were text. */
  readonly locate: (path: FieldPath) => SourcePosition | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A field of a plain object by path, or undefined when any step is missing. */
export function fieldAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}

/** A missing namespace means `default`, as kubectl applies it. */
export function namespaceOf(manifest: ManifestObject): string {
  const namespace = fieldAt(manifest.object, ["metadata", "namespace"]);
  return typeof namespace === "string" && namespace !== "" ? namespace : "default";
}

export function nameOf(manifest: ManifestObject): string | undefined {
  const name = fieldAt(manifest.object, ["metadata", "name"]);
  return typeof name === "string" && name !== "" ? name : undefined;
}

/** `Kind namespace/name`, the way problems name an object. */
export function describeObject(manifest: ManifestObject): string {
  const name = nameOf(manifest) ?? "(no name)";
  return manifest.kind === "Namespace" ? `Namespace ${name}` : `${manifest.kind} ${namespaceOf(manifest)}/${name}`;
}

/** `spec.ingress[0].from[1]` for ["spec", "ingress", 0, "from", 1]. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");
}

/** Where `other` starts, said from the point of view of a problem in `current`: `line 3 of this file`. */
export function placeOf(other: ManifestObject, current: ManifestObject): string {
  const line = other.locate([])?.line;
  const file = other.file === current.file ? "this file" : other.file;
  return line === undefined ? file : `line ${line} of ${file}`;
}

/** A problem with one field of one object, located in its file when possible. */
export function fieldProblem(manifest: ManifestObject, path: FieldPath, message: string): ManifestProblem {
  const position = manifest.locate(path);
  return {
    file: manifest.file,
    line: position?.line,
    column: position?.column,
    object: describeObject(manifest),
    field: path.length > 0 ? formatFieldPath(path) : undefined,
    message,
  };
}

/** Collects the problems of one object, so a validator can report several fields and go on. */
export class ObjectProblems {
  constructor(
    private readonly manifest: ManifestObject,
    private readonly sink: ManifestProblem[],
  ) {}

  add(path: FieldPath, message: string): void {
    this.sink.push(fieldProblem(this.manifest, path, message));
  }
}
