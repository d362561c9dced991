import { Bytes } from "../../config/model/quantity";
import { CLAIM_STORAGE_PATH, REPLACEMENT_RULES, type ReplacementRule } from "./replacement-rules";

/**
 * One object's values of the attributes whose change makes Terraform replace it, by attribute
 * path (`spec.service_name`; `spec.volume_claim_template.#` for how many of a ForceNew block there
 * are), and, for a claim, its storage request (which may grow in place, never shrink). This is
 * what the record keeps of each object that holds data, so a replacement is told even without
 * the previous output.
 */
export type ReplacementFields = Readonly<Record<string, unknown>>;

export interface AttributeChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const PERSISTENT_VOLUME_CLAIM = "kubernetes_persistent_volume_claim_v1";
const STORAGE = CLAIM_STORAGE_PATH.join(".");
const keyOf = (rule: ReplacementRule) => (rule.count ? `${rule.path.join(".")}.#` : rule.path.join("."));

/** The replacement fields of one resource's configuration (absent attributes and empty blocks left out). */
export function replacementFields(type: string, config: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const rule of REPLACEMENT_RULES[type] ?? []) {
    const value = rule.count ? countAt(config, rule.path) : valueAt(config, rule.path);
    if (value !== undefined && !(rule.count && value === 0)) fields[keyOf(rule)] = value;
  }
  const storage = type === PERSISTENT_VOLUME_CLAIM ? valueAt(config, CLAIM_STORAGE_PATH) : undefined;
  if (storage !== undefined) fields[STORAGE] = storage;
  return fields;
}

/**
 * The first attribute of the replacement table whose value differs (outside the paths
 * `lifecycle.ignore_changes` names), or a claim's storage request that shrinks.
 */
export function forcingChange(type: string, before: ReplacementFields, after: ReplacementFields, ignored: readonly (readonly string[])[]): AttributeChange | undefined {
  for (const rule of REPLACEMENT_RULES[type] ?? []) {
    if (ignored.some((p) => startsWith(rule.path, p))) continue;
    const key = keyOf(rule);
    const old = before[key] ?? (rule.count ? 0 : undefined);
    const now = after[key] ?? (rule.count ? 0 : undefined);
    // Optional and Computed: leaving it out keeps the value in state.
    if (now === undefined && rule.computed) continue;
    if (JSON.stringify(old ?? null) !== JSON.stringify(now ?? null)) return { path: key, before: old, after: now };
  }
  if (type === PERSISTENT_VOLUME_CLAIM) {
    const old = before[STORAGE];
    const now = after[STORAGE];
    if (typeof old === "string" && typeof now === "string" && Bytes.parse(now).bytes < Bytes.parse(old).bytes) return { path: STORAGE, before: old, after: now };
  }
  return undefined;
}

const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.every((segment, i) => path[i] === segment);

/** The value at an attribute path, looking through blocks (a single block's value, or the list of every element's). */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) {
    const values = value.map((item) => valueAt(item, path)).filter((v) => v !== undefined);
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  }
  if (typeof value !== "object" || value === null) return undefined;
  return valueAt((value as Record<string, unknown>)[path[0]], path.slice(1));
}

function countAt(value: unknown, path: readonly string[]): number {
  const parent = valueAt(value, path.slice(0, -1));
  const key = path[path.length - 1];
  const items = Array.isArray(parent) ? parent : [parent];
  return items.reduce<number>((n, item) => {
    const block = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[key] : undefined;
    return n + (block === undefined ? 0 : Array.isArray(block) ? block.length : 1);
  }, 0);
}
