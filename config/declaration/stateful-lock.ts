import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { error, type Problem } from "./problem";
import { schemaProblems } from "./schema-problems";
import { SourceDocument } from "./source-document";

/**
 * `config/stateful.lock.json`: the objects whose destruction would lose data (StatefulSets,
 * backup volumes, and the namespaces holding them), with their Terraform addresses. Written by
 * `govcloud synth` and committed like a package lock, it is what lets a synthesis notice that a
 * database silently left the declaration, and what retiring turns into `removed` blocks.
 */
export const STATEFUL_LOCK_FILE = "stateful.lock.json";

const lockEntry = z.strictObject({
  /** `department/environment/service` for a service, `department/environment` for a namespace. */
  key: z.string().regex(/^[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*(\/[a-z][-a-z0-9]*)?$/),
  kind: z.enum(["service", "namespace"]),
  template: z.string().optional(),
  stack: z.string().min(1),
  resources: z.array(z.string().regex(/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/)).min(1),
  retired: z.literal(true).optional(),
});

export const statefulLockSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(lockEntry),
});

export type StatefulLockEntry = z.output<typeof lockEntry>;
export type StatefulLock = z.output<typeof statefulLockSchema>;

export const EMPTY_LOCK: StatefulLock = { version: 1, entries: [] };

export interface LoadedLock {
  readonly lock: StatefulLock;
  readonly file: string;
  readonly document?: SourceDocument;
}

/** Reads the lock if there is one; a missing lock is an empty one (a new platform). */
export function readStatefulLock(path: string, file: string): LoadedLock | Problem[] {
  if (!existsSync(path)) return { lock: EMPTY_LOCK, file };
  const document = SourceDocument.parse(readFileSync(path, "utf8"), file);
  if (Array.isArray(document)) return document;
  const parsed = statefulLockSchema.safeParse(document.data, { reportInput: true });
  if (!parsed.success) {
    return [
      ...schemaProblems(file, statefulLockSchema, parsed.error.issues),
      error(file, [], "the lock file is damaged; restore it from version control rather than editing it by hand"),
    ];
  }
  return { lock: parsed.data, file, document };
}

/** Serialized with sorted entries and a trailing newline, so the lock diffs cleanly in review. */
export function serializeLock(lock: StatefulLock): string {
  const entries = [...lock.entries]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.kind < b.kind ? -1 : 1))
    .map((e) => ({ key: e.key, kind: e.kind, ...(e.template ? { template: e.template } : {}), stack: e.stack, resources: [...e.resources].sort(), ...(e.retired ? { retired: true } : {}) }));
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}
