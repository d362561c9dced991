import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { carriedExactlyByJson } from "../config/declaration/carried-by-json";
import type { StackDocument } from "./plan-preview/plan-preview";
import type { InventoryObject } from "./stack-inventory";

const FORMAT = 1;
const SUFFIX = ".json";

/** What a synthesis derives of one stack's `cdk.tf.json` besides its preview against a changed previous version. */
export interface DerivedStack {
  /** Every object, as Terraform will hold it. */
  readonly inventory: InventoryObject[];
  /** The document cut down to what its preview against itself and the record read (`previewProjection`). */
  readonly projection: StackDocument;
  /** What the candidate check derived of the document, when there is a check. */
  readonly checked?: unknown;
}

interface StoredDerivation {
  readonly format: typeof FORMAT;
  readonly code: string;
  readonly stack: string;
  /** sha256 of the `cdk.tf.json` it was derived from. */
  readonly digest: string;
  readonly derived: DerivedStack;
}

/** The digest a derivation is kept under: sha256 of the stack's `cdk.tf.json` bytes. */
export function documentDigest(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * What earlier syntheses derived of each stack, kept by the bytes of its `cdk.tf.json` and the
 * code that derived it, one file per stack. A province's unchanged stacks are a thousand
 * documents of hundreds of kilobytes: parsing, converting and inventorying each again was most
 * of a one-department edit. A derivation is handed back only for the same bytes and the same
 * code; a missing, damaged or foreign file is a miss, and a failed write leaves the stack
 * without one. Values are kept as JSON, and only values JSON carries exactly: objects parsed
 * from JSON are what the checks run fastest on (`node:v8` deserialization, which would carry
 * more, made the rule pack a third slower on the objects it built).
 */
export class DerivedStackStore {
  constructor(
    readonly folder: string,
    /** Identifies the code that derives: the synthesis's own and its check's. */
    readonly code: string,
  ) {}

  read(stack: string, digest: string): DerivedStack | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.file(stack), "utf8")) as StoredDerivation;
      const matches = stored.format === FORMAT && stored.code === this.code && stored.stack === stack && stored.digest === digest;
      return matches ? stored.derived : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `derived` unless JSON cannot carry it exactly (then the stack is derived again next time). */
  write(stack: string, digest: string, derived: DerivedStack): void {
    if (!carriedExactlyByJson(derived)) return;
    const temporary = join(this.folder, `.tmp-${process.pid}-${stack}`);
    try {
      mkdirSync(this.folder, { recursive: true });
      const stored: StoredDerivation = { format: FORMAT, code: this.code, stack, digest, derived };
      writeFileSync(temporary, JSON.stringify(stored));
      renameSync(temporary, this.file(stack));
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /** Removes the derivations of stacks the platform no longer has, and temporaries of killed runs. */
  keepOnly(stacks: Iterable<string>): void {
    const kept = new Set([...stacks].map((stack) => `${stack}${SUFFIX}`));
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names) {
      const ours = name.startsWith(`.tmp-${process.pid}-`);
      if (!kept.has(name) && !ours) rmSync(join(this.folder, name), { force: true });
    }
  }

  private file(stack: string): string {
    return join(this.folder, `${stack}${SUFFIX}`);
  }
}
