import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isRunning } from "./process-liveness";

/**
 * Renames a fully written `from` over `to`: the old `to` is moved aside (`<to>.old-<pid>`) first
 * and removed only after the swap, so a reader sees the old folder or the new one, never half.
 * A run killed between the two renames leaves the old folder aside, which the next run puts
 * back (`recoverFromKilledRuns`).
 */
export function replaceFolder(from: string, to: string): void {
  const aside = `${to}.old-${process.pid}`;
  const had = existsSync(to);
  mkdirSync(dirname(to), { recursive: true });
  if (had) renameSync(to, aside);
  renameSync(from, to);
  if (had) rmSync(aside, { recursive: true, force: true });
}

/** A path that `replaceFolder` would destroy but that is not an earlier output of the same kind. */
export class UnsafeTargetError extends Error {
  constructor(
    readonly target: string,
    what: string,
  ) {
    super(`${target} exists and is not ${what}; refusing to replace it (choose another folder, or remove it yourself)`);
    this.name = "UnsafeTargetError";
  }
}

/**
 * Refuses to replace `target` unless it is absent, an empty folder, or what `isEarlierOutput`
 * recognises: `--out config` or `--to README.md` must never delete the declaration or a file.
 */
export function assertReplaceable(target: string, what: string, isEarlierOutput: (folder: string) => boolean): void {
  if (!existsSync(target)) return;
  const folder = statSync(target).isDirectory();
  if (folder && (readdirSync(target).length === 0 || isEarlierOutput(target))) return;
  throw new UnsafeTargetError(target, what);
}

/**
 * A synthesis or an export killed midway leaves its staging folders (`.<name>.staging-<pid>[-departments]`)
 * and, if killed inside the swap, the previous output moved aside (`<name>.old-<pid>`). Those
 * of processes that no longer run are removed; an output moved aside is put back when the swap
 * never completed, so the previous output is what the next run starts from.
 */
export function recoverFromKilledRuns(outdir: string): void {
  const parent = dirname(outdir);
  if (!existsSync(parent)) return;
  const base = basename(outdir);
  const staging = new RegExp(`^\\.${escapeRegExp(base)}\\.staging-(\\d+)(-departments)?$`);
  const aside = new RegExp(`^${escapeRegExp(base)}\\.old-(\\d+)$`);
  for (const name of readdirSync(parent).sort()) {
    const stale = staging.exec(name) ?? aside.exec(name);
    if (!stale || isRunning(Number(stale[1]))) continue;
    const path = join(parent, name);
    if (aside.test(name) && !existsSync(outdir)) renameSync(path, outdir);
    else rmSync(path, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
