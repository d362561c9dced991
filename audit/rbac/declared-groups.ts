import type { PlatformModel } from "../../config/model/platform-model";

export type OwnerRole = "admins" | "developers" | "viewers";
export type AdminDuty = "system" | "security" | "audit";

/** What the declaration says a group is for: a department's owners, or a platform duty. */
export type GroupDeclaration =
  | { readonly kind: "department"; readonly department: string; readonly owner: OwnerRole }
  | { readonly kind: "platform-admin"; readonly duty: AdminDuty };

export interface DeclaredGroup {
  readonly group: string;
  /** More than one when the declaration gives one group several jobs. */
  readonly declarations: readonly GroupDeclaration[];
}

export const OWNER_ROLES: readonly OwnerRole[] = ["admins", "developers", "viewers"];
export const ADMIN_DUTIES: readonly AdminDuty[] = ["system", "security", "audit"];

/** The tenant ClusterRole each owner group is bound to in its department's namespaces. */
export const TENANT_ROLE_OF_OWNER: Readonly<Record<OwnerRole, string>> = {
  admins: "govcloud-tenant-admin",
  developers: "govcloud-tenant-developer",
  viewers: "govcloud-tenant-viewer",
};

export const AUDITOR_ROLE = "govcloud-auditor";

/** Departments that still have objects in the artifact: retired ones are forgotten by Terraform. */
export function liveDepartments(model: PlatformModel): PlatformModel["departments"] {
  return model.departments.filter((department) => !department.retired);
}

/** Every group the declaration names, sorted, with what each is declared for. */
export function declaredGroups(model: PlatformModel): DeclaredGroup[] {
  const byGroup = new Map<string, GroupDeclaration[]>();
  const add = (group: string, declaration: GroupDeclaration) => byGroup.set(group, [...(byGroup.get(group) ?? []), declaration]);
  for (const department of liveDepartments(model)) {
    for (const owner of OWNER_ROLES) for (const group of department.owners[owner]) add(group, { kind: "department", department: department.name, owner });
  }
  for (const duty of ADMIN_DUTIES) for (const group of model.admins[duty]) add(group, { kind: "platform-admin", duty });
  return [...byGroup.keys()].sort().map((group) => ({ group, declarations: byGroup.get(group) ?? [] }));
}

/** Whether the platform hosts level 3 or above, where separation of duties is mandatory (MLPS). */
export function hostsLevelThreeOrAbove(model: PlatformModel): boolean {
  return model.clusters.some((cluster) => cluster.levels.some((level) => level >= 3)) ||
    liveDepartments(model).some((department) => department.environments.some((environment) => environment.level >= 3));
}
