import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Renames a fully written `from` over `to`: the old `to` is moved aside (`<to>.old-<pid>`) first
 * and removed only after the swap, so a reader sees the old folder or the new one, never half.
 * A run killed between the two renames leaves the old folder aside, which the next synthesis
 * puts back (see synthesize-platform.ts).
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
