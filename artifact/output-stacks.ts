import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StatefulLock, StatefulLockEntry } from "../config/declaration/stateful-lock";
import { documentDigest, type DerivedStackStore } from "./derived-stack-store";
import { previewStack, type StackDocument } from "./plan-preview/plan-preview";
import type { StackPlan } from "./plan-preview/plan-stack";
import { previewProjection } from "./plan-preview/preview-projection";
import { withFieldsFrom } from "./plan-preview/record-replacement-fields";
import { stackInventory, type InventoryObject } from "./stack-inventory";
import type { KnownOutput } from "./stack-cache";

export interface StackSummary {
  readonly name: string;
  readonly resources: number;
  readonly namespaces: number;
}

/** What a synthesis needs of one stack of its candidate output. */
export interface OutputStack {
  readonly summary: StackSummary;
  /** Every object, as Terraform will hold it: for the record. */
  readonly inventory: InventoryObject[];
  /** What Terraform will do to it, given the record and the previous output. */
  readonly preview: StackPlan;
  /** The stack's objects holding data, each with the replacement fields it is configured with. */
  readonly statefulEntries: StatefulLockEntry[];
  /** What the synthesis needs of it came from the store: its document was not parsed. */
  readonly fromStore: boolean;
  /** sha256 of its `cdk.tf.json`, when the store is used (it is kept by it). */
  readonly documentDigest?: string;
}

/** What the output reading derives of one stack's `cdk.tf.json` besides its preview against a changed previous version. */
export interface DerivedStack {
  /** Every object, as Terraform will hold it. */
  readonly inventory: InventoryObject[];
  /** The document cut down to what its preview against itself and the record read (`previewProjection`). */
  readonly projection: StackDocument;
}

export interface OutputReading {
  /** Derivations of earlier syntheses, by the stack's bytes; what is derived here is kept in it. @default - every stack is parsed */
  readonly store?: DerivedStackStore<DerivedStack>;
  /** Told each candidate document parsed (with its digest, when the store is used), before it is let go. */
  readonly onParsed?: (stack: string, document: unknown, digest?: string) => void;
  /** Digests of the previous output's files known without reading them (`OutputIndex`). @default - each previous document is read */
  readonly previousDigests?: Pick<KnownOutput, "digestOf">;
}

/**
 * Reads each named stack of the candidate output once, and its copy in the previous output once,
 * for everything the synthesis takes from them: at province scale each reading of the output is
 * seconds, and holding it whole gigabytes, so one stack at a time is read and let go. A stack
 * whose bytes did not change is previewed against itself, and when the store holds what an
 * earlier synthesis derived of these bytes, it is not parsed at all. Each document parsed is
 * offered to `onParsed` (the candidate check, when it runs in this thread).
 */
export function readOutputStacks(
  candidate: string,
  previous: string | undefined,
  stacks: ReadonlyArray<{
    readonly name: string;
    readonly statefulEntries: readonly StatefulLockEntry[];
    /** sha256 of its candidate `cdk.tf.json`, when the synthesis verified it already (a stack copied from the cache). */
    readonly documentDigest?: string;
  }>,
  lock: StatefulLock,
  { store, onParsed, previousDigests }: OutputReading = {},
): Map<string, OutputStack> {
  const read = new Map<string, OutputStack>();
  for (const { name, statefulEntries, documentDigest: verified } of stacks) {
    // A stack whose digest is known and whose previous copy is known to have it too need not be read at all.
    let candidateBytes: Buffer | undefined;
    const bytes = () => (candidateBytes ??= readFileSync(join(candidate, "stacks", name, "cdk.tf.json")));
    const path = join("stacks", name, "cdk.tf.json");
    const knownBefore = previous !== undefined ? previousDigests?.digestOf(path) : undefined;
    let beforeBytes: Buffer | undefined;
    const before = () => (beforeBytes ??= previous !== undefined ? readIfPresent(join(previous, path)) : undefined);
    const hadBefore = knownBefore !== undefined || before() !== undefined;
    const unchanged =
      knownBefore !== undefined
        ? knownBefore === (verified ?? documentDigest(bytes()))
        : hadBefore && (verified !== undefined ? documentDigest(before()!) === verified : before()!.equals(bytes()));
    const digest = store ? (verified ?? documentDigest(bytes())) : undefined;
    // The projection previews exactly as the document does only where no attribute is compared.
    const kept = store && digest && (!hadBefore || unchanged) ? store.read(name, digest) : undefined;
    let derived: DerivedStack;
    let preview: StackPlan;
    if (kept) {
      derived = kept;
      preview = previewStack(lock, name, kept.projection, unchanged ? kept.projection : undefined);
    } else {
      const document = JSON.parse(bytes().toString("utf8")) as StackDocument;
      const earlier = !hadBefore ? undefined : unchanged ? document : (JSON.parse(before()!.toString("utf8")) as StackDocument);
      preview = previewStack(lock, name, document, earlier);
      derived = { inventory: stackInventory(name, document), projection: previewProjection(document) };
      onParsed?.(name, document, digest);
      if (store && digest) store.write(name, digest, derived);
    }
    const resources = derived.projection.resource ?? {};
    read.set(name, {
      summary: { name, resources: Object.values(resources).reduce((n, group) => n + Object.keys(group).length, 0), namespaces: Object.keys(resources.kubernetes_namespace_v1 ?? {}).length },
      inventory: derived.inventory,
      preview,
      statefulEntries: statefulEntries.map((entry) => withFieldsFrom(entry, resources)),
      fromStore: kept !== undefined,
      documentDigest: digest,
    });
  }
  return read;
}

function readIfPresent(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}
