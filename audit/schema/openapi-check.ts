import type { FieldFinding } from "./schema-finding";
import type { SchemaModel } from "./kind-schemas";

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/** What the schema's validator read of one object node. */
interface NodeVisit {
  readonly path: string;
  readonly value: Record<string, unknown>;
  readonly read: Set<string>;
  enumerated: boolean;
}

/**
 * Runs the kind's OpenAPI schema over `object` and reports type, format, enum and required-field
 * errors, plus unknown fields. Kubernetes' published schemas do not forbid unknown fields, yet the
 * API server refuses them (strict field validation) or drops them, and an unknown field is how a
 * mistranslated name shows (`volumeMount` for `volumeMounts`). The validator reads every property
 * its schema knows, so the object is watched through a proxy: a key the validator never read is
 * unknown. Nodes the validator never looks into (free-form objects) and maps it enumerates are
 * not judged; `unread` names the known fields a validator has no check for.
 */
export function checkOpenApi(model: SchemaModel, object: Record<string, unknown>, unread: ReadonlySet<string> = new Set()): FieldFinding[] {
  const visits: NodeVisit[] = [];
  const findings: FieldFinding[] = [];
  try {
    model.prototype.validate.call(watch(object, "", visits));
  } catch (e) {
    const errors = (e as { errors?: AjvError[] }).errors;
    if (!errors) throw e;
    findings.push(...errors.map((error) => describeError(error, object)));
  }
  for (const visit of visits) {
    if (visit.enumerated || visit.read.size === 0) continue;
    for (const key of Object.keys(visit.value)) {
      const field = joinPath(visit.path, key);
      if (!visit.read.has(key) && !unread.has(field)) findings.push({ field, message: "is not a field of this kind (unknown field)" });
    }
  }
  return dedupe(findings);
}

function watch(value: unknown, path: string, visits: NodeVisit[]): unknown {
  if (typeof value !== "object" || value === null) return value;
  const isArray = Array.isArray(value);
  const visit: NodeVisit = { path, value: value as Record<string, unknown>, read: new Set(), enumerated: false };
  if (!isArray) visits.push(visit);
  const children = new Map<string, unknown>();
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string") return child;
      visit.read.add(key);
      if (typeof child !== "object" || child === null) return child;
      if (!children.has(key)) children.set(key, watch(child, isArray ? `${path}[${key}]` : joinPath(path, key), visits));
      return children.get(key);
    },
    has(target, key) {
      if (typeof key === "string") visit.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      visit.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function describeError(error: AjvError, object: Record<string, unknown>): FieldFinding {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const field = segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment)), "");
  if (error.keyword === "required") return { field: joinPath(field, String(error.params.missingProperty)), message: "is required" };
  const value = segments.reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], object);
  if (error.keyword === "enum") {
    return { field, message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}` };
  }
  return { field, message: `${error.message ?? error.keyword}, got ${JSON.stringify(value)}` };
}

function joinPath(path: string, key: string): string {
  // Keys that are not identifiers (label keys, `app.kubernetes.io/name`) are quoted.
  const part = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return path === "" ? part.replace(/^\[(.*)\]$/, "$1") : part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
}

function dedupe(findings: FieldFinding[]): FieldFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.field}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
