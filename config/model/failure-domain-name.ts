/**
 * A failure domain's (OpenStack availability zone's) name as a part of Kubernetes object names:
 * a pool's MachineDeployment in each zone is named by it. OpenStack allows any name; object names
 * take lower-case letters, digits and dashes, so the rest becomes dashes. Undefined when nothing
 * is left to name by.
 */
export function failureDomainNamePart(zone: string): string | undefined {
  const part = zone
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return part === "" ? undefined : part;
}
