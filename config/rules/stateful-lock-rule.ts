import type { StatefulLockEntry } from "../declaration/stateful-lock";
import { error, type Problem } from "../declaration/problem";
import type { DepartmentDeclaration } from "../schema/department";

/** Whether the declaration still accounts for a locked object: declared live, or marked retired. */
export type LockStatus = "live" | "retired" | "missing";

export function lockEntryStatus(entry: StatefulLockEntry, departments: readonly DepartmentDeclaration[]): LockStatus {
  const [dept, env, service] = entry.key.split("/");
  const department = departments.find((d) => d.name === dept);
  if (!department) return "missing";
  if (department.retired) return "retired";
  const environment = department.environments.find((e) => e.name === env);
  if (!environment) return "missing";
  if (environment.retired) return "retired";
  if (entry.kind === "namespace") return "live";
  const declared = environment.services.find((s) => s.name === service);
  if (!declared) return "missing";
  return declared.retired ? "retired" : "live";
}

/**
 * A locked stateful object may leave only by being retired. One that simply disappeared is
 * refused, naming it and how to retire it; an entry already retired may go once its declaration is gone.
 */
export function checkStatefulLock(entries: readonly StatefulLockEntry[], lockFile: string, departments: readonly DepartmentDeclaration[]): Problem[] {
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    if (entry.retired || lockEntryStatus(entry, departments) !== "missing") return;
    const [dept, env, service] = entry.key.split("/");
    const what = entry.kind === "service" ? `stateful service "${entry.key}" (${entry.template})` : `namespace "${dept}-${env}", which holds stateful data,`;
    const retire =
      entry.kind === "service"
        ? `keep it in departments/${dept}.yaml with retired: true on service "${service}" of environment "${env}" (or on the environment or the department)`
        : `keep environment "${env}" in departments/${dept}.yaml with retired: true (or the whole department)`;
    problems.push(
      error(lockFile, ["entries", index], `${what} is no longer declared; removing it would destroy its data. To let it go, ${retire}: Terraform then forgets it and the data stays. To keep it, restore its declaration`),
    );
  });
  return problems;
}
