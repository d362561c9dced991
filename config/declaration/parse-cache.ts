import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { carriedExactlyByJson } from "./carried-by-json";

const FORMAT = 1;

/** Where a file's parsed value can be recalled from and kept: `SourceDocument.read` asks it. */
export interface ParsedValues {
  /** The value the text parsed to before, if known. Each call returns a fresh copy. */
  recall(text: string): { readonly data: unknown } | undefined;
  /** Keeps what `text` parsed to without a problem (a text with problems is never kept). */
  remember(text: string, data: unknown): void;
  /** Whether a stateful lock of exactly this text was read before and found valid, as govcloud writes it (`readStatefulLock`). */
  lockReadBefore?(text: string): boolean;
  /** A stateful lock of this text read as govcloud writes it, and valid. */
  rememberLock?(text: string): void;
}

interface Header {
  readonly format: typeof FORMAT;
  readonly code: string;
}

/**
 * The values earlier runs parsed declaration files to, kept by the sha256 of each file's text
 * and the code that parsed it. Parsing a thousand department files was most of validating a
 * province, and a one-department edit changes one of them. Only what JSON carries exactly is
 * kept, and only a text that parsed without a problem; a damaged, foreign or unreadable file is
 * a cache without entries. The file is one line of header, then one line per text: its digest,
 * a space and its value as JSON. Entries are held as JSON text, so that no caller's change to
 * a value it was handed can reach the file, and nothing is written until `save`: a run that
 * fails leaves the cache as it was. It also keeps the digest of the stateful lock's text when
 * that was found valid (a line `lock <sha256>`): the code it is kept for must then cover the
 * lock's reader too.
 */
export class DeclarationParseCache implements ParsedValues {
  /** Digest → value as JSON, as read from the file. */
  private readonly stored: ReadonlyMap<string, string>;
  /** What this run recalled or parsed: what `save` keeps. */
  private readonly used = new Map<string, string>();
  /** The digests of lock texts found valid before, and of the one found valid in this run (what `save` keeps). */
  private readonly storedLocks: ReadonlySet<string>;
  private usedLock: string | undefined;

  private constructor(
    readonly file: string,
    readonly code: string,
    { values, locks }: StoredEntries,
  ) {
    this.stored = values;
    this.storedLocks = locks;
  }

  /** The cache kept in `file` for parser code `code` (a digest of it); empty when there is none yet. */
  static open(file: string, code: string): DeclarationParseCache {
    return new DeclarationParseCache(file, code, readEntries(file, code));
  }

  lockReadBefore(text: string): boolean {
    const digest = textDigest(text);
    if (!this.storedLocks.has(digest)) return false;
    this.usedLock = digest;
    return true;
  }

  rememberLock(text: string): void {
    this.usedLock = textDigest(text);
  }

  recall(text: string): { readonly data: unknown } | undefined {
    const digest = textDigest(text);
    const json = this.used.get(digest) ?? this.stored.get(digest);
    if (json === undefined) return undefined;
    try {
      const data: unknown = JSON.parse(json);
      this.used.set(digest, json);
      return { data };
    } catch {
      return undefined;
    }
  }

  remember(text: string, data: unknown): void {
    if (!carriedExactlyByJson(data)) return;
    this.used.set(textDigest(text), JSON.stringify(data));
  }

  /**
   * Writes what this run used, and only that (files edited away or deleted drop out), when it
   * differs from what was read. A failed write leaves the previous file, or none.
   */
  save(): void {
    const unchanged =
      this.used.size === this.stored.size &&
      [...this.used].every(([digest, json]) => this.stored.get(digest) === json) &&
      this.storedLocks.size === (this.usedLock === undefined ? 0 : 1) &&
      (this.usedLock === undefined || this.storedLocks.has(this.usedLock));
    if (unchanged) return;
    const header: Header = { format: FORMAT, code: this.code };
    const lines = [
      JSON.stringify(header),
      ...[...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([digest, json]) => `${digest} ${json}`),
      ...(this.usedLock === undefined ? [] : [`lock ${this.usedLock}`]),
    ];
    // Named as the synthesis cache names its temporaries, so that one left by a killed run is removed.
    const temporary = join(dirname(this.file), `.tmp-${process.pid}-${basename(this.file)}`);
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(temporary, `${lines.join("\n")}\n`);
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

function textDigest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

const ENTRY = /^([0-9a-f]{64}) (.*)$/;
/** A stateful lock's text found valid: `lock <sha256>`. */
const LOCK_ENTRY = /^lock ([0-9a-f]{64})$/;

interface StoredEntries {
  readonly values: Map<string, string>;
  readonly locks: Set<string>;
}

function readEntries(file: string, code: string): StoredEntries {
  const entries: StoredEntries = { values: new Map(), locks: new Set() };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return entries;
  }
  const lines = text.split("\n");
  try {
    const header = JSON.parse(lines[0]) as Header;
    if (header.format !== FORMAT || header.code !== code) return entries;
  } catch {
    return entries;
  }
  // The file is replaced whole, never appended to; a line damaged otherwise fails to parse when recalled, and is a miss then.
  for (const line of lines.slice(1)) {
    const entry = ENTRY.exec(line);
    if (entry) entries.values.set(entry[1], entry[2]);
    const lock = LOCK_ENTRY.exec(line);
    if (lock) entries.locks.add(lock[1]);
  }
  return entries;
}
