import { CLAIM_STORAGE_PATH, REPLACEMENT_RULES } from "./replacement-rules";
import type { StackDocument } from "./plan-preview";

type Path = readonly string[];

/** What the preview reads of every resource besides its replacement attributes: its cluster, and `lifecycle` (prevent_destroy, ignore_changes). */
const ALWAYS_READ: readonly Path[] = [["provider"], ["lifecycle"]];

const pathsByType = new Map<string, readonly Path[]>();

/** The attribute paths the preview reads of a resource of `type`, found once per type. */
function readPaths(type: string): readonly Path[] {
  let paths = pathsByType.get(type);
  if (!paths) {
    paths = [...ALWAYS_READ, ...(REPLACEMENT_RULES[type] ?? []).map((rule) => rule.path), ...(type === "kubernetes_persistent_volume_claim_v1" ? [CLAIM_STORAGE_PATH] : [])];
    pathsByType.set(type, paths);
  }
  return paths;
}

/**
 * A stack document cut down to what its preview reads when no attribute is compared (the stack
 * is previewed against itself, or without a previous output), and to what the record keeps of it:
 * each resource's cluster, `lifecycle`, and the values at its replacement attributes; the
 * `removed` and `import` blocks whole. For any lock, `previewStack(lock, s, p, p)` and
 * `previewStack(lock, s, p, undefined)` with `p` the projection plan exactly what they plan with
 * the whole document, and `withFieldsFrom` records the same fields, because `valueAt` and the
 * block counts read the same values in both: a synthesis keeps the projection of an unchanged
 * stack instead of parsing its whole document again.
 */
export function previewProjection(document: StackDocument): StackDocument {
  const resource: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [type, byName] of Object.entries(document.resource ?? {})) {
    const paths = readPaths(type);
    resource[type] = Object.fromEntries(Object.entries(byName).map(([name, config]) => [name, project(config, paths) as Record<string, unknown>]));
  }
  return {
    ...(document.resource !== undefined ? { resource } : {}),
    ...(document.removed !== undefined ? { removed: document.removed } : {}),
    ...(document.import !== undefined ? { import: document.import } : {}),
  };
}

/**
 * `value` keeping only what lies along `paths`: whole where a path ends, every element of a
 * list (as `valueAt` looks through lists), nothing else of an object. Values that are not
 * objects are kept as they are: `valueAt` finds nothing below them either way.
 */
function project(value: unknown, paths: readonly Path[]): unknown {
  if (paths.some((path) => path.length === 0)) return value;
  if (Array.isArray(value)) return value.map((item) => project(item, paths));
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const below = new Map<string, Path[]>();
  for (const [head, ...rest] of paths) {
    if (!Object.hasOwn(record, head)) continue;
    const tails = below.get(head) ?? [];
    tails.push(rest);
    below.set(head, tails);
  }
  const kept: Record<string, unknown> = {};
  for (const [head, tails] of below) kept[head] = project(record[head], tails);
  return kept;
}
