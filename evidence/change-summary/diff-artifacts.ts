import { readArtifact, RESOURCE_TYPES, type ArtifactResource, type ArtifactStack } from "../../audit/export";
import { FLOW_LABEL, PURPOSE_ANNOTATION } from "../../constructs/network/namespace-firewall";
import type { ChangeGroup, ChangeSummary, FlowChange, QuotaChange, ResourceChange } from "./change-summary";
import { differingFields } from "./object-differences";
import { readRemovedBlocks, type RemovedBlock } from "./removed-blocks";
import { resourceZones } from "./resource-zone";

/** The `removed` blocks of both artifacts, from `readRemovedBlocks`. */
export interface RemovedBlocks {
  readonly old: readonly RemovedBlock[];
  readonly new: readonly RemovedBlock[];
}

type Change = "added" | "changed" | "removed" | "forgotten";

/** The order a reviewer reads changes in: what arrives, what changes, what goes. */
const CHANGE_ORDER: Readonly<Record<Change, number>> = { added: 0, changed: 1, removed: 2, forgotten: 3 };

interface Entry {
  readonly change: Change;
  readonly stack: string;
  readonly address: string;
  /** The new object, or the old one for what leaves. */
  readonly resource?: ArtifactResource;
  readonly old?: ArtifactResource;
  readonly changedFields?: readonly string[];
}

/**
 * Compares two artifacts resource by resource, by stack and Terraform address (stable across
 * synths, so an address present on both sides is the same object). A resource whose address
 * has a new `removed` block with `destroy = false` is reported as forgotten, not removed.
 */
export function diffArtifacts(
  oldStacks: readonly ArtifactStack[],
  newStacks: readonly ArtifactStack[],
  removed: RemovedBlocks = { old: [], new: [] },
): ChangeSummary {
  const before = byAddress(oldStacks);
  const after = byAddress(newStacks);
  const forgetting = new Set(
    removed.new
      .filter((b) => !b.destroy && !removed.old.some((o) => o.stack === b.stack && o.address === b.address && !o.destroy))
      .map((b) => key(b.stack, b.address)),
  );
  const entries: Entry[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys(), ...forgetting])].sort(compareText)) {
    const old = before.get(id);
    const now = after.get(id);
    const [stack, address] = id.split("\u0000");
    if (old && now) {
      const fields = [...(old.cluster === now.cluster ? [] : ["(cluster)"]), ...differingFields(old.object, now.object)];
      if (fields.length > 0) entries.push({ change: "changed", stack, address, resource: now, old, changedFields: fields });
    } else if (now) {
      entries.push({ change: "added", stack, address, resource: now });
    } else if (forgetting.has(id)) {
      entries.push({ change: "forgotten", stack, address, resource: old });
    } else if (old) {
      entries.push({ change: "removed", stack, address, resource: old, old });
    }
  }
  return { groups: groupEntries(entries, resourceZones(newStacks, oldStacks)) };
}

/** `diffArtifacts` of two synthesized output folders (`cdktf.out`), removed blocks included. */
export function diffOutdirs(oldOutdir: string, newOutdir: string): ChangeSummary {
  return diffArtifacts(readArtifact(oldOutdir), readArtifact(newOutdir), { old: readRemovedBlocks(oldOutdir), new: readRemovedBlocks(newOutdir) });
}

function groupEntries(entries: readonly Entry[], zoneOf: (resource: ArtifactResource) => string): ChangeGroup[] {
  const groups = new Map<string, { department: string; zone: string; entries: Entry[] }>();
  for (const entry of entries) {
    const department = departmentOf(entry.stack);
    const zone = entry.resource ? zoneOf(entry.resource) : RESOURCE_TYPES[entry.address.split(".")[0]]?.namespaced === false ? "cluster" : "unknown";
    const id = key(department, zone);
    if (!groups.has(id)) groups.set(id, { department, zone, entries: [] });
    groups.get(id)!.entries.push(entry);
  }
  return [...groups.values()]
    .sort((a, b) => compareText(a.department, b.department) || compareText(a.zone, b.zone))
    .map(({ department, zone, entries: own }) => ({
      department,
      zone,
      added: resources(own, "added"),
      changed: resources(own, "changed"),
      removed: resources(own, "removed"),
      forgotten: resources(own, "forgotten"),
      quotas: own.flatMap(quotaChange).sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.address, b.address)),
      flows: own
        .flatMap(flowChange)
        .sort((a, b) => CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || compareText(a.namespace, b.namespace) || compareText(a.flow, b.flow) || compareText(a.policy, b.policy)),
    }));
}

function resources(entries: readonly Entry[], change: Change): ResourceChange[] {
  return entries
    .filter((e) => e.change === change)
    .map((e) => {
      const object = e.resource?.object;
      const namespace = e.resource?.namespaced ? (object?.metadata.namespace ?? "default") : undefined;
      return {
        stack: e.stack,
        address: e.address,
        cluster: e.resource?.cluster ?? "",
        kind: object?.kind ?? RESOURCE_TYPES[e.address.split(".")[0]]?.kind ?? e.address.split(".")[0],
        name: object?.metadata.name ?? "",
        ...(namespace === undefined ? {} : { namespace }),
        ...(e.changedFields ? { changedFields: e.changedFields } : {}),
      };
    })
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.namespace ?? "", b.namespace ?? "") || compareText(a.name, b.name) || compareText(a.address, b.address));
}

function quotaChange(entry: Entry): QuotaChange[] {
  if (entry.change === "forgotten" || entry.resource?.object.kind !== "ResourceQuota") return [];
  const hardOf = (r: ArtifactResource | undefined) => ((r?.object.spec as { hard?: Record<string, unknown> } | undefined)?.hard ?? {}) as Record<string, unknown>;
  const oldHard = entry.change === "added" ? {} : hardOf(entry.old);
  const newHard = entry.change === "removed" ? {} : hardOf(entry.resource);
  const hard = [...new Set([...Object.keys(oldHard), ...Object.keys(newHard)])]
    .sort(compareText)
    .filter((resource) => oldHard[resource] !== newHard[resource])
    .map((resource) => ({
      resource,
      ...(oldHard[resource] === undefined ? {} : { old: String(oldHard[resource]) }),
      ...(newHard[resource] === undefined ? {} : { new: String(newHard[resource]) }),
    }));
  if (hard.length === 0) return [];
  const resource = entry.resource!;
  return [{ stack: entry.stack, address: entry.address, cluster: resource.cluster, namespace: resource.object.metadata.namespace ?? "default", change: entry.change, hard }];
}

function flowChange(entry: Entry): FlowChange[] {
  if (entry.change === "forgotten" || entry.resource?.object.kind !== "NetworkPolicy") return [];
  const { metadata } = entry.resource.object;
  const name = metadata.name ?? "";
  return [
    {
      change: entry.change,
      stack: entry.stack,
      address: entry.address,
      cluster: entry.resource.cluster,
      namespace: metadata.namespace ?? "default",
      policy: name,
      flow: metadata.labels?.[FLOW_LABEL] ?? "unlabelled",
      purpose: metadata.annotations?.[PURPOSE_ANNOTATION] ?? name,
      ...(entry.changedFields ? { changedFields: entry.changedFields } : {}),
    },
  ];
}

function byAddress(stacks: readonly ArtifactStack[]): Map<string, ArtifactResource> {
  return new Map(stacks.flatMap((s) => s.resources.map((r) => [key(s.name, r.address), r] as const)));
}

const DEPARTMENT_STACK = /^dept-(.+)$/;

function departmentOf(stack: string): string {
  return DEPARTMENT_STACK.exec(stack)?.[1] ?? stack;
}

function key(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
