import { createHash } from "node:crypto";
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { StackPlan, StackRecord } from "../stacks/govcloud-app";
import { isRunning } from "./process-liveness";
import { readsStillHold, type RecordedReads } from "./read-tracking";
import { replaceFolder } from "./replace-folder";
import type { BuiltStack, StackManifestEntry } from "./stack-builder";

/** The cache folder inside the project, ignored by git (its own `.gitignore` says so too). */
export const STACK_CACHE_FOLDER = ".govcloud-cache";

/** 2: the reads are kept flat (`FlatReads`). */
const ENTRY_FORMAT = 2;
/** The file of a stack folder that Terraform reads; its digest is handed on with the reused stack. */
const STACK_DOCUMENT = "cdk.tf.json";

/** One synthesized stack, with what it was built from. */
interface StackCacheEntry {
  readonly format: typeof ENTRY_FORMAT;
  /** The code fingerprint it was built with (`codeFingerprint`). */
  readonly code: string;
  readonly name: string;
  /** What the stack read of its inputs; it is reused only while every read sees the same. */
  readonly reads: RecordedReads;
  readonly manifest: StackManifestEntry;
  readonly record: StackRecord;
  /** The stack folder's files, by path, with their sha256: a damaged copy is a miss, never output. */
  readonly files: Record<string, string>;
}

/** A stack taken from the cache: what the synthesis needs of it besides its files. */
export interface ReusedStack {
  readonly name: string;
  readonly manifest: StackManifestEntry;
  readonly record: StackRecord;
  /** sha256 of the `cdk.tf.json` copied, verified as it was copied. */
  readonly documentDigest: string;
  /** The stack folder's files, by path, with their sha256. */
  readonly files: Readonly<Record<string, string>>;
}

/** An earlier output whose files' digests are known without reading them (`OutputIndex`). */
export interface KnownOutput {
  readonly folder: string;
  /** sha256 of the file at `path` inside `folder`, when known; undefined otherwise. */
  digestOf(path: string): string | undefined;
}

/** Creates the cache folder with a `.gitignore` of its own, so that no clone commits it. */
export function prepareCacheFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const ignore = join(folder, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "# govcloud's synthesis cache: rebuilt from the declaration, never committed\n*\n");
}

/**
 * Synthesized stacks by name, each kept with the code fingerprint and the reads it was built
 * from. A stack is reused only when it was built by the same code and every read it made of its
 * inputs sees the same in the new ones; then its files are copied, not rebuilt.
 */
export class StackCache {
  readonly folder: string;

  constructor(
    folder: string,
    /** The code fingerprint its stacks are built with: a worker thread opens the same cache with it. */
    readonly code: string,
  ) {
    this.folder = folder;
    prepareCacheFolder(folder);
    this.removeStaleTemporaries();
  }

  /**
   * Puts the stack of `plan` into `<into>/stacks/<name>` when the cache holds it for these
   * inputs and this code; undefined (nothing written) otherwise. When `earlier` holds the very
   * same files (known by their digests), they are hard-linked from there, not copied: the
   * unchanged stacks of a province are 300 MB to read, hash and write again.
   */
  reuse(plan: StackPlan, into: string, earlier?: KnownOutput): ReusedStack | undefined {
    const entry = this.entry(plan.name);
    if (!entry || entry.code !== this.code || !readsStillHold(entry.reads, plan.inputs as unknown as Record<string, unknown>)) return undefined;
    const documentDigest = entry.files[STACK_DOCUMENT];
    if (documentDigest === undefined) return undefined;
    const target = join(into, "stacks", plan.name);
    const linked = earlier !== undefined && linkKnown(earlier, join("stacks", plan.name), target, entry.files);
    if (!linked && !copyVerified(join(this.folder, plan.name, "stack"), target, entry.files)) return undefined;
    // The stacks it follows are the plan's, not the stack's reads: a platform stack reads nothing
    // of how its cluster is provisioned, yet follows the clusters stack only while Cluster API creates it.
    return { name: entry.name, manifest: { ...entry.manifest, dependencies: [...plan.dependsOn] }, record: entry.record, documentDigest, files: entry.files };
  }

  /**
   * Keeps `built`, whose folder is `<from>/stacks/<name>`, with the `reads` its build made,
   * replacing what the cache held for that stack. The cache only saves time: a store that fails
   * (a full disk, another synthesis storing the same stack at the same moment) leaves that stack
   * uncached and the synthesis unharmed. Worker threads store the stacks they build, each in its
   * own entry folder, so several threads may store at once.
   */
  store(built: BuiltStack, reads: RecordedReads, from: string): void {
    const temporary = join(this.folder, `.tmp-${process.pid}-${built.name}`);
    try {
      this.write(built, reads, from, temporary);
    } catch {
      rmSync(temporary, { recursive: true, force: true });
    }
  }

  private write(built: BuiltStack, reads: RecordedReads, from: string, temporary: string): void {
    rmSync(temporary, { recursive: true, force: true });
    cpSync(join(from, "stacks", built.name), join(temporary, "stack"), { recursive: true });
    const entry: StackCacheEntry = {
      format: ENTRY_FORMAT,
      code: this.code,
      name: built.name,
      reads,
      manifest: built.manifest,
      record: built.record,
      files: fileDigests(join(temporary, "stack")),
    };
    writeFileSync(join(temporary, "entry.json"), JSON.stringify(entry));
    replaceFolder(temporary, join(this.folder, built.name));
  }

  private entry(name: string): StackCacheEntry | undefined {
    const path = join(this.folder, name, "entry.json");
    if (!existsSync(path)) return undefined;
    try {
      const entry = JSON.parse(readFileSync(path, "utf8")) as StackCacheEntry;
      return entry.format === ENTRY_FORMAT && entry.name === name ? entry : undefined;
    } catch {
      return undefined; // a damaged entry is a miss; the stack is rebuilt and the entry replaced
    }
  }

  /** Folders of runs killed while storing (`.tmp-<pid>-<stack>`, `<stack>.old-<pid>`). */
  private removeStaleTemporaries(): void {
    for (const name of readdirSync(this.folder)) {
      const pid = /^\.tmp-(\d+)-/.exec(name)?.[1] ?? /\.old-(\d+)$/.exec(name)?.[1];
      if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(this.folder, name), { recursive: true, force: true });
    }
  }
}

function fileDigests(folder: string): Record<string, string> {
  const digests: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else digests[relative(folder, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  visit(folder);
  return digests;
}

/**
 * Hard-links the stack's files, by path, from `<earlier>/<folder>` into `target`, only when
 * every one is known there to have the digest it was stored with; false (nothing left in
 * `target`) otherwise, or when the file system will not link.
 */
function linkKnown(earlier: KnownOutput, folder: string, target: string, files: Record<string, string>): boolean {
  const paths = Object.keys(files);
  if (!paths.every((path) => earlier.digestOf(join(folder, path)) === files[path])) return false;
  try {
    for (const path of paths) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      linkSync(join(earlier.folder, folder, path), join(target, path));
    }
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * Copies the stack's files, by path, into `target`, only when every one still has the digest it
 * was stored with: a damaged or missing file is a miss, and nothing is written. Each file is read
 * once, for its digest and its copy (a recursive copy, then reading the copy back to hash it,
 * was a second of a one-department edit at province scale, most of it in stat calls).
 */
function copyVerified(source: string, target: string, files: Record<string, string>): boolean {
  const verified: Array<[string, Buffer]> = [];
  for (const [path, digest] of Object.entries(files)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(source, path));
    } catch {
      return false;
    }
    if (createHash("sha256").update(bytes).digest("hex") !== digest) return false;
    verified.push([path, bytes]);
  }
  for (const [path, bytes] of verified) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), bytes);
  }
  return true;
}
