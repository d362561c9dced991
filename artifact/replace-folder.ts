import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
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
