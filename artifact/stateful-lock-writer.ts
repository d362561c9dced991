import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { recordedLocation, serializeLock, STATEFUL_LOCK_FILE, type StackRecord, type StatefulLock, type StatefulLockEntry } from "../config/declaration/stateful-lock";
import { departmentStackName, isPlatformStack } from "../config/model/stack-names";
import { toStackRecord, type InventoryObject } from "./stack-inventory";
import type { PlatformModel } from "../config/model/platform-model";
import { isRunning } from "./process-liveness";

/**
 * The lock after a synthesis: what the synthesized stacks hold now, what other stacks held
 * before (a one-department synthesis leaves them alone), and retired objects for as long as
 * their declaration still says retired, so their `removed` blocks keep being rendered and their
 * stacks keep the providers Terraform needs to forget them. `synthesizedStacks` are the stacks
 * this synthesis wrote, each with every object of its new artifact.
 */
export function nextStatefulLock(
  model: PlatformModel,
  recorded: readonly StatefulLockEntry[],
  synthesizedDepartments: readonly string[],
  synthesizedStacks: ReadonlyMap<string, readonly InventoryObject[]>,
): StatefulLock {
  const previous = model.statefulLock;
  const synthesized = new Set(synthesizedDepartments);
  const declared = new Set(model.departments.map((d) => d.name));
  const retiredAddresses = new Set(model.retiredResources.map((r) => `${r.stack} ${r.address}`));
  // After a full synthesis a department no longer declared at all (its retirement finished)
  // leaves the record; a one-department synthesis leaves the others as they were.
  const full = model.departments.every((d) => synthesized.has(d.name));
  const stillDeclared = (department: string) => declared.has(department) || !full;
  const kept = previous.entries.flatMap((entry) => {
    const department = entry.key.split("/")[0];
    if (!synthesized.has(department)) return stillDeclared(department) ? [entry] : [];
    const stillRetired = entry.resources.some((address) => retiredAddresses.has(`${entry.stack} ${address}`));
    return stillRetired ? [{ ...entry, retired: true as const }] : [];
  });

  const environments: StatefulLock["environments"] = {};
  for (const [key, placement] of Object.entries(previous.environments)) {
    const department = key.split("/")[0];
    if (!synthesized.has(department) && stillDeclared(department)) environments[key] = placement;
  }
  for (const department of model.departments.filter((d) => synthesized.has(d.name))) {
    for (const env of department.environments) {
      environments[`${department.name}/${env.name}`] = { cluster: env.cluster, ...(env.constructId !== env.name ? { id: env.constructId } : {}) };
    }
    // A retired environment stays where it was while its objects are being forgotten there.
    for (const name of department.retiredEnvironments) {
      const key = `${department.name}/${name}`;
      if (previous.environments[key]) environments[key] = previous.environments[key];
    }
  }

  const stacks: Record<string, StackRecord> = {};
  for (const [stack, record] of Object.entries(previous.stacks)) {
    if (synthesizedStacks.has(stack)) continue;
    const department = model.departments.find((d) => departmentStackName(d.name) === stack);
    if (department || !full || isPlatformStack(stack)) stacks[stack] = record;
  }
  for (const [stack, objects] of synthesizedStacks) {
    const retired = model.retiredResources
      .filter((r) => r.stack === stack)
      .flatMap((r) => {
        const location = recordedLocation(previous, stack, r.address);
        return location ? [{ address: r.address, ...location }] : [];
      });
    const record = toStackRecord([...objects, ...retired]);
    if (Object.keys(record).length > 0) stacks[stack] = record;
  }
  return { version: 2, entries: [...kept, ...recorded], environments, stacks };
}

/**
 * Writes the lock beside the declaration, only when it changed, through a temporary file and a
 * rename: an interrupted run leaves the old lock or the new one, never half of one.
 */
export function writeStatefulLock(configDir: string, lock: StatefulLock): boolean {
  return writeSerializedLock(configDir, serializeLock(lock));
}

/** `writeStatefulLock` of a lock serialized ahead (`serializeLock`): at province scale, tens of megabytes. */
export function writeSerializedLock(configDir: string, text: string): boolean {
  const path = join(configDir, STATEFUL_LOCK_FILE);
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
