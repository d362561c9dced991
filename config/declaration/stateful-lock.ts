import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { error, type Problem } from "./problem";
import { schemaProblems } from "./schema-problems";
import { SourceDocument } from "./source-document";
import type { ParsedValues } from "./parse-cache";

/**
 * `config/stateful.lock.json`: the platform's record of applied state, its memory of what
 * Terraform holds. Written by every successful `govcloud synth` and committed like a package
 * lock, it records
 * - `entries`: the objects whose destruction would lose data (StatefulSets, backup volumes, the
 *   namespaces holding them), so a database that silently leaves the declaration is refused and
 *   retiring can forget it;
 * - `environments`: the cluster each environment was placed on, decided once;
 * - `stacks`: every Terraform address of every stack, by cluster (provider alias) and namespace,
 *   so a stack keeps the provider of every cluster it still holds objects on, and retiring an
 *   environment forgets every object of its namespace.
 * Version 1 (entries only) is still read; the next synthesis writes version 2.
 */
export const STATEFUL_LOCK_FILE = "stateful.lock.json";

/** The namespace key of objects that belong to no namespace (cluster roles, admission policies). */
export const CLUSTER_SCOPED = "(cluster-scoped)";

const address = z.string().regex(/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/);
const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);

const lockEntry = z.strictObject({
  /** `department/environment/service` for a service, `department/environment` for a namespace. */
  key: z.string().regex(/^[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*(\/[a-z][-a-z0-9]*)?$/),
  kind: z.enum(["service", "namespace"]),
  template: z.string().optional(),
  stack: z.string().min(1),
  resources: z.array(address).min(1),
  /**
   * Data claims the StatefulSet created before govcloud managed them: imported into state by an
   * `import` block, kept in every synthesis (a no-op once they are in state) so a fresh clone
   * that synthesizes again imports rather than fails to create what exists.
   */
  imported: z.array(address).min(1).optional(),
  /**
   * For each of `resources`, the values of the attributes whose change makes Terraform replace it
   * (the provider's replacement table; a claim's storage request), by attribute path: what tells
   * a replacement when the previous output is not at hand.
   */
  fields: z.record(address, z.record(z.string().min(1), z.unknown())).optional(),
  retired: z.literal(true).optional(),
});

const placement = z.strictObject({
  /** The cluster the environment's objects are on. */
  cluster: dnsLabel,
  /**
   * The construct id its objects are addressed under, when it is not the environment's name: an
   * environment that moved cluster got new addresses there (see `environmentConstructId`).
   */
  id: dnsLabel.optional(),
});

/** One stack's objects: cluster → namespace (or {@link CLUSTER_SCOPED}) → Terraform addresses. */
const stackRecord = z.record(dnsLabel, z.record(z.union([dnsLabel, z.literal(CLUSTER_SCOPED)]), z.array(address).min(1)));

export const statefulLockSchema = z.strictObject({
  version: z.union([z.literal(1), z.literal(2)]),
  entries: z.array(lockEntry),
  /** `department/environment` → where it was placed. */
  environments: z.record(z.string().regex(/^[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*$/), placement).default({}),
  stacks: z.record(z.string().min(1), stackRecord).default({}),
});

export type StatefulLockEntry = z.output<typeof lockEntry>;
export type StatefulLock = z.output<typeof statefulLockSchema>;
export type StackRecord = z.output<typeof stackRecord>;

export const EMPTY_LOCK: StatefulLock = { version: 2, entries: [], environments: {}, stacks: {} };

export interface LoadedLock {
  readonly lock: StatefulLock;
  readonly file: string;
  /** Gives the problems found later in the lock their line and column. */
  readonly document?: Pick<SourceDocument, "position">;
}

const DAMAGED = "the lock file is damaged; restore it from version control rather than editing it by hand (it is written only by govcloud synth)";

/** Reads the lock if there is one; a missing lock is an empty one (a new platform). */
export function readStatefulLock(path: string, file: string, parsed?: ParsedValues): LoadedLock | Problem[] {
  if (!existsSync(path)) return { lock: EMPTY_LOCK, file };
  const text = readFileSync(path, "utf8");
  if (parsed?.lockReadBefore?.(text)) return readKnownValid(text, file);
  const asWritten = readAsWritten(text, file);
  if (asWritten?.parsedAsValidated) parsed?.rememberLock?.(text);
  return asWritten?.loaded ?? readWithPositions(text, file);
}

/** Printable ASCII and line feeds: a lock without escapes, controls or anything the full reader would need to look at twice. */
const PLAIN_TEXT = /^[\x20-\x5B\x5D-\x7E\n]*$/;

/**
 * The lock exactly as govcloud writes it (`serializeLock`'s bytes, plain text), read with
 * JSON.parse. At province scale it is tens of megabytes, which the YAML reader with positions
 * takes seconds over; positions are then worked out only when a problem needs one. Anything
 * else (a hand edit, an older version, a damaged file) is read with positions, as before.
 * `parsedAsValidated`: JSON.parse alone gives what validation gave, key for key and in the same
 * order, so that the same text, once found valid, can be read with JSON.parse alone.
 */
function readAsWritten(text: string, file: string): { loaded: LoadedLock; parsedAsValidated: boolean } | undefined {
  if (!PLAIN_TEXT.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = statefulLockSchema.safeParse(data);
  if (!parsed.success || repeatedAddresses(parsed.data).length > 0 || serializeLock(parsed.data) !== text) return undefined;
  return { loaded: { lock: parsed.data, file, document: lazyPositions(text, file) }, parsedAsValidated: JSON.stringify(parsed.data) === JSON.stringify(data) };
}

/**
 * A lock text an earlier run found valid as written, and whose JSON is what validation gave
 * (`readAsWritten`): validating 20 MB again was a third of validating a province.
 */
function readKnownValid(text: string, file: string): LoadedLock {
  return { lock: JSON.parse(text) as StatefulLock, file, document: lazyPositions(text, file) };
}

/** Positions in the lock's text, worked out the first time a problem needs one. */
function lazyPositions(text: string, file: string): Pick<SourceDocument, "position"> {
  let positioned: SourceDocument | Problem[] | undefined;
  return {
    position: (problem: Problem) => {
      positioned ??= SourceDocument.parse(text, file);
      return Array.isArray(positioned) ? { line: 1, column: 1, ...problem } : positioned.position(problem);
    },
  };
}

function readWithPositions(text: string, file: string): LoadedLock | Problem[] {
  const document = SourceDocument.parse(text, file);
  if (Array.isArray(document)) return [...document, error(file, [], DAMAGED)];
  const parsed = statefulLockSchema.safeParse(document.data, { reportInput: true });
  if (!parsed.success) {
    return [...schemaProblems(file, statefulLockSchema, parsed.error.issues), error(file, [], DAMAGED)];
  }
  const repeated = repeatedAddresses(parsed.data);
  if (repeated.length > 0) return [...repeated.map((r) => error(file, r.path, r.message)), error(file, [], DAMAGED)];
  return { lock: parsed.data, file, document };
}

/** An address recorded twice in one stack cannot be: Terraform state holds each address once. */
function repeatedAddresses(lock: StatefulLock): Array<{ path: (string | number)[]; message: string }> {
  const found: Array<{ path: (string | number)[]; message: string }> = [];
  for (const [stack, clusters] of Object.entries(lock.stacks)) {
    const seen = new Map<string, string>();
    for (const [cluster, namespaces] of Object.entries(clusters)) {
      for (const [namespace, addresses] of Object.entries(namespaces)) {
        for (const address of addresses) {
          const where = `${cluster} ${namespace}`;
          const earlier = seen.get(address);
          if (earlier !== undefined) found.push({ path: ["stacks", stack, cluster, namespace], message: `${address} is recorded twice in stack ${stack} (also under ${earlier})` });
          else seen.set(address, where);
        }
      }
    }
  }
  return found;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedRecord = <T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.keys(record).sort(compare).map((key) => [key, map(record[key])]));

/** Serialized with everything sorted and a trailing newline, so the lock diffs cleanly in review. */
export function serializeLock(lock: StatefulLock): string {
  const entries = [...lock.entries]
    .sort((a, b) => compare(a.key, b.key) || compare(a.kind, b.kind))
    .map((e) => ({ key: e.key, kind: e.kind, ...(e.template ? { template: e.template } : {}), stack: e.stack, resources: [...e.resources].sort(compare), ...(e.imported ? { imported: [...e.imported].sort(compare) } : {}), ...(e.fields ? { fields: sortedRecord(e.fields, (f) => sortedRecord(f, (v) => v)) } : {}), ...(e.retired ? { retired: true } : {}) }));
  const environments = sortedRecord(lock.environments, (p) => ({ cluster: p.cluster, ...(p.id !== undefined ? { id: p.id } : {}) }));
  const stacks = sortedRecord(lock.stacks, (clusters) => sortedRecord(clusters, (namespaces) => sortedRecord(namespaces, (addresses) => [...new Set(addresses)].sort(compare))));
  return `${JSON.stringify({ version: 2, entries, environments, stacks }, null, 2)}\n`;
}

/** The clusters a stack's record holds objects on, by name. */
export function recordedClusters(lock: StatefulLock, stack: string): string[] {
  return Object.keys(lock.stacks[stack] ?? {}).sort(compare);
}

/** Every recorded address of one namespace in one stack, with the cluster it is on. */
export function recordedNamespaceObjects(lock: StatefulLock, stack: string, namespace: string): Array<{ address: string; cluster: string }> {
  return Object.entries(lock.stacks[stack] ?? {}).flatMap(([cluster, namespaces]) => (namespaces[namespace] ?? []).map((address) => ({ address, cluster })));
}

/** Where a recorded address is: its cluster and namespace key, if the record has it. */
export function recordedLocation(lock: StatefulLock, stack: string, address: string): { cluster: string; namespace: string } | undefined {
  for (const [cluster, namespaces] of Object.entries(lock.stacks[stack] ?? {})) {
    for (const [namespace, addresses] of Object.entries(namespaces)) if (addresses.includes(address)) return { cluster, namespace };
  }
  return undefined;
}
