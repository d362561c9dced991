import { recordedLocation, recordedNamespaceObjects, type StatefulLock } from "../declaration/stateful-lock";
import { lockEntryStatus } from "../rules/stateful-lock-rule";
import type { DepartmentDeclaration } from "../schema/department";
import { namespaceName } from "./placement";
import { departmentStackName } from "./stack-names";

/** An object Terraform is to forget (a `removed` block with `destroy = false`). */
export interface RetiredObject {
  readonly stack: string;
  readonly address: string;
  /** The cluster the record has it on; its stack keeps that cluster's provider. Unknown for a version-1 lock. */
  readonly cluster?: string;
}

/**
 * What retiring forgets. A retired environment or department forgets every recorded object of
 * its namespaces, not only the stateful ones: the namespace, its default-deny policies, quota,
 * limit range, bindings and service accounts stay in place around the data, unmanaged rather
 * than destroyed. A retired service forgets its stateful objects (the namespace stays managed).
 * Sorted by stack, then address.
 */
export function retiredObjects(lock: StatefulLock, departments: readonly DepartmentDeclaration[]): RetiredObject[] {
  const found = new Map<string, RetiredObject>();
  const add = (stack: string, address: string, cluster?: string) => {
    const key = `${stack} ${address}`;
    if (!found.has(key)) found.set(key, { stack, address, ...(cluster !== undefined ? { cluster } : {}) });
  };
  for (const department of departments) {
    const stack = departmentStackName(department.name);
    for (const environment of department.environments) {
      if (!department.retired && !environment.retired) continue;
      for (const { address, cluster } of recordedNamespaceObjects(lock, stack, namespaceName(department.name, environment.name))) add(stack, address, cluster);
    }
  }
  for (const entry of lock.entries) {
    if (lockEntryStatus(entry, departments) !== "retired") continue;
    for (const address of entry.resources) add(entry.stack, address, recordedLocation(lock, entry.stack, address)?.cluster);
  }
  return [...found.values()].sort((a, b) => (`${a.stack} ${a.address}` < `${b.stack} ${b.address}` ? -1 : 1));
}
