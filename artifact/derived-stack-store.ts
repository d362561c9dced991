import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { carriedExactlyByJson } from "../config/declaration/carried-by-json";

const FORMAT = 2;
const SUFFIX = ".json";

interface StoredDerivation<T> {
  readonly format: typeof FORMAT;
  readonly code: string;
  readonly stack: string;
  /** sha256 of the `cdk.tf.json` it was derived from. */
  readonly digest: string;
  readonly derived: T;
}

/** The digest a derivation is kept under: sha256 of the stack's `cdk.tf.json` bytes. */
export function documentDigest(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * What earlier syntheses derived of each stack, kept by the bytes of its `cdk.tf.json` and the
 * code that derived it, one file per stack. Each deriving party keeps its own store (the output
 * reading its inventory and preview projection, the candidate check its conversion), so that each
 * parses only what it needs, on whichever thread it runs. A province's unchanged stacks are a thousand
 * documents of hundreds of kilobytes: parsing, converting and inventorying each again was most
 * of a one-department edit. A derivation is handed back only for the same bytes and the same
 * code; a missing, damaged or foreign file is a miss, and a failed write leaves the stack
 * without one. Values are kept as JSON, and only values JSON carries exactly: objects parsed
 * from JSON are what the checks run fastest on (`node:v8` deserialization, which would carry
 * more, made the rule pack a third slower on the objects it built).
 */
export class DerivedStackStore<T> {
  /** What `preload` read, by stack, until it is asked for (undefined: a file that was not a derivation). */
  private readonly preloaded = new Map<string, StoredDerivation<T> | undefined>();

  constructor(
    readonly folder: string,
    /** Identifies the code that derives what this store keeps (a `codeFingerprint`): what other code derived is a miss. */
    readonly code: string,
  ) {}

  read(stack: string, digest: string): T | undefined {
    const stored = this.preloaded.has(stack) ? this.preloaded.get(stack) : this.stored(stack);
    this.preloaded.delete(stack);
    const matches = stored !== undefined && stored.format === FORMAT && stored.code === this.code && stored.stack === stack && stored.digest === digest;
    return matches ? stored.derived : undefined;
  }

  /**
   * Reads every derivation the folder holds now, for `read` to hand back from memory: a thread
   * with time to spare before it is asked (a check's helper, while the declaration is still
   * validated) reads them then. Each is handed back once; a second `read` reads the file again.
   */
  preload(): void {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith(SUFFIX) || name.startsWith(".")) continue;
      const stack = name.slice(0, -SUFFIX.length);
      this.preloaded.set(stack, this.stored(stack));
    }
  }

  private stored(stack: string): StoredDerivation<T> | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file(stack), "utf8")) as StoredDerivation<T> | null;
      return typeof stored === "object" && stored !== null ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `derived` unless JSON cannot carry it exactly (then the stack is derived again next time). */
  write(stack: string, digest: string, derived: T): void {
    this.preloaded.delete(stack);
    if (!carriedExactlyByJson(derived)) return;
    const temporary = join(this.folder, `.tmp-${process.pid}-${stack}`);
    try {
      mkdirSync(this.folder, { recursive: true });
      const stored: StoredDerivation<T> = { format: FORMAT, code: this.code, stack, digest, derived };
      writeFileSync(temporary, JSON.stringify(stored));
      renameSync(temporary, this.file(stack));
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /** Removes the derivations of stacks the platform no longer has (see `keepDerivationsOf`). */
  keepOnly(stacks: Iterable<string>): void {
    keepDerivationsOf(this.folder, stacks);
  }

  private file(stack: string): string {
    return join(this.folder, `${stack}${SUFFIX}`);
  }
}

/** Removes from a store's folder the derivations of stacks not in `stacks`, and temporaries of killed runs. */
export function keepDerivationsOf(folder: string, stacks: Iterable<string>): void {
  const kept = new Set([...stacks].map((stack) => `${stack}${SUFFIX}`));
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const ours = name.startsWith(`.tmp-${process.pid}-`);
    if (!kept.has(name) && !ours) rmSync(join(folder, name), { force: true });
  }
}
