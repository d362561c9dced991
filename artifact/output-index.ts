import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from "node:fs";
import { join } from "node:path";

const FORMAT = 1;

/** How a file was on disk when its digest was taken: any write, rename over it or change of its links changes one of these. */
interface FileIdentity {
  readonly digest: string;
  readonly device: string;
  readonly inode: string;
  readonly size: string;
  readonly modifiedNs: string;
  readonly changedNs: string;
}

interface StoredIndex {
  readonly format: typeof FORMAT;
  /** The output folder the paths are in (absolute). */
  readonly outdir: string;
  /** By path inside the output folder. */
  readonly files: Record<string, FileIdentity>;
}

/**
 * The digests of the files a synthesis left in its output folder, each with the identity the
 * file had on disk then (device, inode, size, modification and change times, to the
 * nanosecond), as git's index keeps the files of a work tree. The next synthesis knows a file's
 * digest from one `stat` while the file is still the one recorded, instead of reading and
 * hashing it: at province scale the previous output is 300 MB, read twice per synthesis (to copy
 * the cache's verified bytes over it, and to tell which stacks changed). Nothing but the kernel
 * sets a change time, so a file written since (even to the same size and modification time) is
 * not the one recorded, and its digest is unknown: the caller reads it. A file whose change time
 * is not earlier than the index itself is not trusted either (a write in the same clock tick
 * would leave it unchanged; git calls these racily clean).
 */
export class OutputIndex {
  /** Each answer is kept: linking a file elsewhere (as the synthesis then does) changes its change time, not its bytes. */
  private readonly answers = new Map<string, string | undefined>();

  private constructor(
    private readonly outdir: string,
    private readonly files: ReadonlyMap<string, FileIdentity>,
    /** The index file's own modification time: what a recorded change time must precede. */
    private readonly writtenNs: bigint,
  ) {}

  /** The index kept in `file` for `outdir`; an empty one when it is missing, damaged, or of another folder. */
  static read(file: string, outdir: string): OutputIndex {
    try {
      const writtenNs = statSync(file, { bigint: true }).mtimeNs;
      const stored = JSON.parse(readFileSync(file, "utf8")) as StoredIndex;
      if (stored.format === FORMAT && stored.outdir === outdir) return new OutputIndex(outdir, new Map(Object.entries(stored.files)), writtenNs);
    } catch {
      // no index: every digest is unknown
    }
    return new OutputIndex(outdir, new Map(), 0n);
  }

  /** sha256 (hex) of the file at `path` inside the output folder, when it is still the file recorded; undefined when unknown. */
  digestOf(path: string): string | undefined {
    if (!this.answers.has(path)) this.answers.set(path, this.currentDigestOf(path));
    return this.answers.get(path);
  }

  /** The folder the paths are in. */
  get folder(): string {
    return this.outdir;
  }

  private currentDigestOf(path: string): string | undefined {
    const recorded = this.files.get(path);
    if (!recorded || BigInt(recorded.changedNs) >= this.writtenNs) return undefined;
    let now: BigIntStats;
    try {
      now = statSync(join(this.outdir, path), { bigint: true });
    } catch {
      return undefined;
    }
    return now.isFile() && sameIdentity(identityOf(now, recorded.digest), recorded) ? recorded.digest : undefined;
  }
}

/**
 * Records the files of `outdir` named in `digests` (by path inside it) with their digests, in
 * `file`. Taken after the output is in place: moving a hard-linked file's other link away changes
 * its change time. A file whose digest is not given is read and hashed; one that is gone is
 * left out. The index only saves reading: if it cannot be written, the next synthesis reads.
 */
export function writeOutputIndex(file: string, outdir: string, digests: ReadonlyMap<string, string | undefined>): void {
  const files: Record<string, FileIdentity> = {};
  for (const [path, known] of digests) {
    const full = join(outdir, path);
    try {
      const stats = statSync(full, { bigint: true });
      if (!stats.isFile()) continue;
      files[path] = identityOf(stats, known ?? createHash("sha256").update(readFileSync(full)).digest("hex"));
    } catch {
      continue;
    }
  }
  const stored: StoredIndex = { format: FORMAT, outdir, files };
  const temporary = `${file}.tmp-${process.pid}`;
  const lastChange = Object.values(files).reduce((latest, f) => (BigInt(f.changedNs) > latest ? BigInt(f.changedNs) : latest), 0n);
  try {
    const text = JSON.stringify(stored);
    writeFileSync(temporary, text);
    // Written in the clock tick of the last change, the index would vouch for none of those files:
    // it is written again once the file system's clock has moved on (a few milliseconds at most).
    for (let tries = 0; tries < 20 && statSync(temporary, { bigint: true }).mtimeNs <= lastChange; tries++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      writeFileSync(temporary, text);
    }
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** The paths of the regular files of `folder` (not below it), for a stack whose files were not listed. */
export function filesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

function identityOf(stats: BigIntStats, digest: string): FileIdentity {
  return {
    digest,
    device: String(stats.dev),
    inode: String(stats.ino),
    size: String(stats.size),
    modifiedNs: String(stats.mtimeNs),
    changedNs: String(stats.ctimeNs),
  };
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.device === b.device && a.inode === b.inode && a.size === b.size && a.modifiedNs === b.modifiedNs && a.changedNs === b.changedNs;
}
