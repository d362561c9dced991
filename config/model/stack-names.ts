/**
 * The names of the Terraform stacks, one per unit of ownership: each has its own state, so a
 * department's plan touches only that department. Stacks, the synthesis and the audit all name
 * them through these two functions.
 */
export function platformStackName(cluster: string): string {
  return `platform-${cluster}`;
}

export function departmentStackName(department: string): string {
  return `dept-${department}`;
}

export function isPlatformStack(name: string): boolean {
  return name.startsWith("platform-");
}
