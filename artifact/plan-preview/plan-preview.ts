import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StatefulLock } from "../../config/declaration/stateful-lock";
import { planStack, type PlannedChange, type StackConfiguration, type StackPlan, type StackState } from "./plan-stack";

export interface StackDocument {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  removed?: Array<{ from?: unknown; lifecycle?: { destroy?: unknown } }>;
  import?: Array<{ to?: unknown }>;
}

/**
 * The plan preview: what Terraform will do to each stack of `nextOutdir`, given what the record
 * says each stack's state holds, and, when the previous output is at hand, each object's previous
 * configuration (without it, only creations, destructions, forgetting and moves can be told).
 */
export function planPreview(lock: StatefulLock, nextOutdir: string, previousOutdir?: string, stacks: readonly string[] = stackNames(nextOutdir)): StackPlan[] {
  return [...stacks].sort().map((stack) => previewStack(lock, stack, readDocument(nextOutdir, stack) ?? {}, previousOutdir ? readDocument(previousOutdir, stack) : undefined));
}

/**
 * The preview of one stack, from its next configuration and (when at hand) its previous one.
 * When the two are one object (the stack's bytes did not change), no attribute is compared.
 */
export function previewStack(lock: StatefulLock, stack: string, next: StackDocument, previous: StackDocument | undefined): StackPlan {
  return planStack(stack, stackState(lock, stack, previous), stackConfiguration(next));
}

function stackState(lock: StatefulLock, stack: string, previous: StackDocument | undefined): StackState {
  const clusters = new Map<string, string>();
  for (const [cluster, namespaces] of Object.entries(lock.stacks[stack] ?? {})) {
    for (const addresses of Object.values(namespaces)) for (const address of addresses) clusters.set(address, cluster);
  }
  const live = lock.entries.filter((e) => e.stack === stack && !e.retired);
  const holdingData = new Set(live.flatMap((e) => e.resources));
  const recordedFields = new Map(live.flatMap((e) => Object.entries(e.fields ?? {})));
  return { clusters, holdingData, recordedFields, previous: previous ? resources(previous) : undefined };
}

function stackConfiguration(document: StackDocument): StackConfiguration {
  const forgotten = new Set((document.removed ?? []).filter((b) => typeof b.from === "string" && b.lifecycle?.destroy === false).map((b) => String(b.from)));
  const imported = new Set((document.import ?? []).filter((b) => typeof b.to === "string").map((b) => String(b.to)));
  return { resources: resources(document), forgotten, imported };
}

function resources(document: StackDocument): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries(document.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) found.set(`${type}.${name}`, config);
  }
  return found;
}

function stackNames(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks?: Record<string, unknown> };
  return Object.keys(manifest.stacks ?? {});
}

function readDocument(outdir: string, stack: string): StackDocument | undefined {
  const path = join(outdir, "stacks", stack, "cdk.tf.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as StackDocument) : undefined;
}

/**
 * Every planned change that would lose data, refused before Terraform sees it: the destruction,
 * replacement or move to another cluster of an object that holds data. Each names the stack, the
 * object, why, and what to do instead. A destroy the declaration asks for (`declaredDeletion`:
 * the Cluster API objects of a decommissioned cluster) is no refusal.
 */
export function dataLossRefusals(plans: readonly StackPlan[], declaredDeletion: (stack: string, address: string) => boolean = () => false): string[] {
  return plans.flatMap(({ stack, changes }) =>
    changes.filter((c) => c.holdsData && ["destroy", "replace", "move"].includes(c.action) && !(c.action === "destroy" && declaredDeletion(stack, c.address))).map((c) => `${stack}: ${refusal(c)}`),
  );
}

function refusal(change: PlannedChange): string {
  const { address } = change;
  if (change.action === "destroy") {
    return `${address} would be destroyed, and its data with it. To let it go, retire it (retired: true on its service, environment or department): Terraform then forgets it and the data stays`;
  }
  if (change.action === "move") {
    return `${address} would move from cluster "${change.fromCluster}" to "${change.toCluster}": Terraform would create it empty there and leave the data behind, unmanaged. Placement is decided once; to move the data, declare a new environment there, restore from backup, then retire the old one`;
  }
  const forced = change.forcedBy!;
  const what = `${address} would be replaced: ${forced.path} ${show(forced.before)} -> ${show(forced.after)} forces replacement, and replacing it deletes its data`;
  if (address.startsWith("kubernetes_persistent_volume_claim_v1.") && forced.path === "spec.resources.requests.storage") {
    return `${what}. A volume never shrinks: keep storage at ${show(forced.before)}, or move the data to a new, smaller service (declare it, restore from backup, retire this one)`;
  }
  return `${what}. Keep ${forced.path} at ${show(forced.before)}, or move the data: declare a new service with the new value, restore it from backup, then retire this one (retired: true)`;
}

/** A value as the plan shows it: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  return value === undefined ? "(none)" : JSON.stringify(value);
}
