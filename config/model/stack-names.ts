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

/**
 * The platform stacks a department stack must follow: the baseline of every cluster hosting one
 * of its environments holds the PriorityClasses its pods name and the ClusterRoles its bindings
 * use, so the API server refuses the department's objects until that platform stack is applied.
 */
export function platformStacksBefore(department: { readonly environments: ReadonlyArray<{ readonly cluster: string }> }): string[] {
  return [...new Set(department.environments.map((env) => env.cluster))].sort().map(platformStackName);
}

/**
 * The Terraform output in which a department stack lists the Secrets its workloads read that
 * nothing in it provides (no secret store is declared): the prerequisites of its first apply,
 * which the audit, `govcloud secrets` and `govcloud preflight` read from the artifact.
 */
export const REQUIRED_SECRETS_OUTPUT = "required_secrets";

/** `clusters-<management>`: the Cluster API objects of the clusters one management cluster creates. */
export function clustersStackName(management: string): string {
  return `clusters-${management}`;
}

export function isClustersStack(name: string): boolean {
  return name.startsWith("clusters-");
}
