/** One thing in the artifact that could not be turned into a Kubernetes object. */
export interface ArtifactProblem {
  readonly stack: string;
  /** Terraform address (`type.name`), when the problem is in one resource. */
  readonly address?: string;
  /** Path of the attribute in the resource's Terraform configuration. */
  readonly field?: string;
  readonly message: string;
}

export function formatArtifactProblem(problem: ArtifactProblem): string {
  return [problem.stack, problem.address, problem.field].filter(Boolean).join(": ") + `: ${problem.message}`;
}

/** Thrown when the artifact cannot be read back faithfully; lists every problem, one per line. */
export class ArtifactReadError extends Error {
  constructor(readonly problems: readonly ArtifactProblem[]) {
    super(`cannot convert the artifact into Kubernetes objects (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  ${formatArtifactProblem(p)}`).join("\n")}`);
    this.name = "ArtifactReadError";
  }
}
