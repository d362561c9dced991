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
 * fails leaves the cache as it was.
 */
export class DeclarationParseCache implements ParsedValues {
  /** Digest → value as JSON, as read from the file. */
  private readonly stored: ReadonlyMap<string, string>;
  /** What this run recalled or parsed: what `save` keeps. */
  private readonly used = new Map<string, string>();

  private constructor(
    readonly file: string,
    readonly code: string,
    stored: ReadonlyMap<string, string>,
  ) {
    this.stored = stored;
  }

  /** The cache kept in `file` for parser code `code` (a digest of it); empty when there is none yet. */
  static open(file: string, code: string): DeclarationParseCache {
    return new DeclarationParseCache(file, code, readEntries(file, code));
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
    const unchanged = this.used.size === this.stored.size && [...this.used].every(([digest, json]) => this.stored.get(digest) === json);
    if (unchanged) return;
    const header: Header = { format: FORMAT, code: this.code };
    const lines = [JSON.stringify(header), ...[...this.used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([digest, json]) => `${digest} ${json}`)];
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

function readEntries(file: string, code: string): Map<string, string> {
  const entries = new Map<string, string>();
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
    if (entry) entries.set(entry[1], entry[2]);
  }
  return entries;
}
