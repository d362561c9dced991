/**
 * One thing wrong with the input manifests. Every problem names the file, and where it can, the
 * line, the object and the field, so a user can go straight to it.
 */
export interface ManifestProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** `Kind namespace/name`, when the problem belongs to one object. */
  readonly object?: string;
  /** Dotted path inside the object, e.g. `spec.ingress[0].from[1].ipBlock.cidr`. */
  readonly field?: string;
  readonly message: string;
}

/** `file:line:column: Kind ns/name: field: message`, leaving out the parts that are unknown. */
export function formatProblem(problem: ManifestProblem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.line !== undefined && problem.column !== undefined) where += `:${problem.column}`;
  return [where, problem.object, problem.field, problem.message].filter((part) => part !== undefined).join(": ");
}

/**
 * Thrown when the manifests cannot be analyzed. It carries every problem found, not just the first,
 * so one run tells the user everything to fix.
 */
export class ConnectivityInputError extends Error {
  readonly problems: readonly ManifestProblem[];

  constructor(problems: readonly ManifestProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`the manifests cannot be analyzed (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.name = "ConnectivityInputError";
    this.problems = problems;
  }
}
