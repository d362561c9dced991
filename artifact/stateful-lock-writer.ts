import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeLock, STATEFUL_LOCK_FILE, type StatefulLock, type StatefulLockEntry } from "../config/declaration/stateful-lock";
import type { PlatformModel } from "../config/model/platform-model";
import { isRunning } from "./process-liveness";

/**
 * The lock after a synthesis: what the synthesized departments hold now, what other departments
 * held before (a one-department synthesis leaves them alone), and retired objects for as long as
 * their declaration still says retired, so their `removed` blocks keep being rendered.
 */
export function nextStatefulLock(
  model: PlatformModel,
  recorded: readonly StatefulLockEntry[],
  synthesizedDepartments: readonly string[],
): StatefulLock {
  const synthesized = new Set(synthesizedDepartments);
  const retiredAddresses = new Set(model.retiredResources.map((r) => `${r.stack} ${r.address}`));
  const kept = model.statefulLock.entries.flatMap((entry) => {
    const department = entry.key.split("/")[0];
    if (!synthesized.has(department)) return [entry];
    const stillRetired = entry.resources.some((address) => retiredAddresses.has(`${entry.stack} ${address}`));
    return stillRetired ? [{ ...entry, retired: true as const }] : [];
  });
  return { version: 1, entries: [...kept, ...recorded] };
}

/**
 * Writes the lock beside the declaration, only when it changed, through a temporary file and a
 * rename: an interrupted run leaves the old lock or the new one, never half of one.
 */
export function writeStatefulLock(configDir: string, lock: StatefulLock): boolean {
  const path = join(configDir, STATEFUL_LOCK_FILE);
  const text = serializeLock(lock);
  removeStaleTemporaries(configDir);
  if (existsSync(path) && readFileSync(path, "utf8") === text) return false;
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  return true;
}

/** Temporary locks of runs killed between writing and renaming: never read, only removed. */
function removeStaleTemporaries(configDir: string): void {
  for (const name of readdirSync(configDir)) {
    const pid = /^stateful\.lock\.json\.tmp-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(configDir, name), { force: true });
  }
}
