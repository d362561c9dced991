import { differingFields } from "../../evidence/change-summary/object-differences";
import { REPLACEMENT_RULES } from "./replacement-rules";
import { forcingChange, replacementFields, valueAt, type AttributeChange, type ReplacementFields } from "./replacement-fields";

export type { AttributeChange } from "./replacement-fields";

/** What Terraform will do to one address, in its own words. */
export type PlanAction = "create" | "import" | "update" | "replace" | "destroy" | "forget" | "move";

export interface PlannedChange {
  readonly address: string;
  readonly action: PlanAction;
  /** For an update: the attribute paths that change, with old and new values. */
  readonly changes?: readonly AttributeChange[];
  /** For a replacement: the attribute that forces it. */
  readonly forcedBy?: AttributeChange;
  /** For a move: the clusters (provider aliases). */
  readonly fromCluster?: string;
  readonly toCluster?: string;
  /** The object holds data: its destruction, replacement or move loses the data. */
  readonly holdsData: boolean;
}

export interface StackPlan {
  readonly stack: string;
  /** Sorted by address. */
  readonly changes: readonly PlannedChange[];
}

/** One stack as Terraform sees it: its resources' configuration, by address. */
export interface StackConfiguration {
  readonly resources: ReadonlyMap<string, Record<string, unknown>>;
  /** Addresses of `removed` blocks with `destroy = false`. */
  readonly forgotten: ReadonlySet<string>;
  /** Addresses of `import` blocks: an object not yet in state is imported, not created. */
  readonly imported: ReadonlySet<string>;
}

/** What the record (and the previous artifact, when there is one) says Terraform holds for one stack. */
export interface StackState {
  /** Address → cluster, every object in state. */
  readonly clusters: ReadonlyMap<string, string>;
  /** The previous configuration of each address, when the previous artifact is at hand. */
  readonly previous?: ReadonlyMap<string, Record<string, unknown>>;
  /** Addresses whose loss loses data (the record's stateful objects). */
  readonly holdingData: ReadonlySet<string>;
  /** The record's replacement fields of objects holding data: compared with when there is no previous configuration. */
  readonly recordedFields?: ReadonlyMap<string, ReplacementFields>;
}

const PROVIDER = /^kubernetes\.([A-Za-z0-9_-]+)$/;
/** Attributes that are Terraform meta-arguments or cdktf bookkeeping, not the object. */
const META = new Set(["//", "depends_on", "lifecycle", "provider", "count", "for_each"]);

/**
 * Plans one stack the way Terraform would: every address in state but not in the configuration
 * is destroyed (or forgotten, under a `removed` block with destroy = false); every new address is
 * created; an address whose provider alias changed moves to another cluster; otherwise the
 * attributes are compared, and a change at an attribute of the provider's replacement table (or a
 * storage request that shrinks) replaces the object, any other change updates it in place.
 * A replaced namespace makes what references it unknown, which replaces them in turn.
 */
export function planStack(stack: string, state: StackState, configuration: StackConfiguration): StackPlan {
  const changes = new Map<string, PlannedChange>();
  const holds = (address: string, config?: Record<string, unknown>) => state.holdingData.has(address) || preventsDestroy(config) || preventsDestroy(state.previous?.get(address));
  for (const [address, config] of configuration.resources) {
    const cluster = PROVIDER.exec(String(config.provider ?? ""))?.[1] ?? "";
    const recorded = state.clusters.get(address);
    if (recorded === undefined) {
      changes.set(address, { address, action: configuration.imported.has(address) ? "import" : "create", holdsData: false });
      continue;
    }
    if (recorded !== cluster) {
      changes.set(address, { address, action: "move", fromCluster: recorded, toCluster: cluster, holdsData: holds(address, config) });
      continue;
    }
    const previous = state.previous?.get(address);
    // The same configuration object as before (an unchanged stack read once): nothing to compare.
    if (previous === config) continue;
    const type = address.split(".")[0];
    const before = previous ? replacementFields(type, previous) : state.recordedFields?.get(address);
    const forcedBy = before && forcingChange(type, before, replacementFields(type, config), ignoredPaths(config));
    if (forcedBy) {
      changes.set(address, { address, action: "replace", forcedBy, holdsData: holds(address, config) });
      continue;
    }
    // Without the previous configuration only a replacement can be told, not an update.
    if (!previous) continue;
    const updated = attributeChanges(previous, config);
    if (updated.length > 0) changes.set(address, { address, action: "update", changes: updated, holdsData: holds(address, config) });
  }
  for (const address of state.clusters.keys()) {
    if (configuration.resources.has(address)) continue;
    changes.set(address, { address, action: configuration.forgotten.has(address) ? "forget" : "destroy", holdsData: holds(address) });
  }
  propagateReplacements(changes, configuration, holds);
  return { stack, changes: [...changes.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)) };
}

/** A replaced or moved object's attributes are unknown until applied: a ForceNew attribute that references them replaces its object too. */
function propagateReplacements(changes: Map<string, PlannedChange>, configuration: StackConfiguration, holds: (address: string, config?: Record<string, unknown>) => boolean): void {
  let grew = true;
  while (grew) {
    grew = false;
    const replaced = [...changes.values()].filter((c) => c.action === "replace" || c.action === "move").map((c) => c.address);
    if (replaced.length === 0) return;
    for (const [address, config] of configuration.resources) {
      const current = changes.get(address);
      if (current && current.action !== "update") continue;
      const type = address.split(".")[0];
      for (const rule of REPLACEMENT_RULES[type] ?? []) {
        if (rule.count) continue;
        const value = JSON.stringify(valueAt(config, rule.path) ?? null);
        const source = replaced.find((r) => value.includes(`\${${r}.`));
        if (!source) continue;
        changes.set(address, { address, action: "replace", forcedBy: { path: rule.path.join("."), before: valueAt(config, rule.path), after: `(known after apply: ${source} is replaced)` }, holdsData: holds(address, config) });
        grew = true;
        break;
      }
    }
  }
}

function preventsDestroy(config: Record<string, unknown> | undefined): boolean {
  return (config?.lifecycle as { prevent_destroy?: unknown } | undefined)?.prevent_destroy === true;
}

/** Changed attributes, outside the paths `lifecycle.ignore_changes` names; values as Terraform shows them. */
function attributeChanges(before: Record<string, unknown>, after: Record<string, unknown>): AttributeChange[] {
  const attributes = (config: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(config).filter(([key]) => !META.has(key))));
  const [was, is] = [attributes(before), attributes(after)];
  // Most objects of a rebuilt stack are as they were: the same text has no changed attribute (nor once ignored paths are cut from both).
  if (was === is) return [];
  const strip = (text: string) => {
    const copy = JSON.parse(text) as Record<string, unknown>;
    for (const path of ignoredPaths(after)) removeAt(copy, path);
    return copy;
  };
  const old = strip(was);
  const now = strip(is);
  return differingFields(old, now).map((path) => ({ path, before: readPath(old, path), after: readPath(now, path) }));
}

/** `lifecycle.ignore_changes` entries as attribute paths without indexes (`spec[0].volume_claim_template` → spec, volume_claim_template). */
function ignoredPaths(config: Record<string, unknown>): string[][] {
  const ignore = (config.lifecycle as { ignore_changes?: unknown } | undefined)?.ignore_changes;
  return Array.isArray(ignore) ? ignore.map((p) => String(p).replace(/\[\d+\]/g, "").split(".")) : [];
}

function removeAt(value: unknown, path: readonly string[]): void {
  if (Array.isArray(value)) return value.forEach((item) => removeAt(item, path));
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if (path.length === 1) delete record[path[0]];
  else removeAt(record[path[0]], path.slice(1));
}

/** Reads a path as `differingFields` writes it (`a.b[0]["c.d"]`). */
function readPath(value: unknown, path: string): unknown {
  if (path === "(object)") return value;
  const segments = [...path.matchAll(/([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)].map((m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)));
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
