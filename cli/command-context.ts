import { ArtifactReadError } from "../audit/export";
/** What every command receives: its positional arguments, the parsed options and where to print. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly options: {
    readonly config: string;
    readonly out: string;
    readonly department?: string[];
    readonly summary: boolean;
    readonly format: string;
    readonly today?: string;
    readonly to?: string;
    readonly report?: string;
  };
  readonly io: { readonly out: (text: string) => void; readonly err: (text: string) => void };
}

/** A command line that cannot be run as written; reported with the usage text and exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a command body that reads a synthesized artifact; an artifact that cannot be read is
 * the user's problem to fix (a missing or damaged `cdktf.out`), reported in one line, exit 1.
 */
export function withArtifact(io: CommandContext["io"], body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArtifactReadError) {
      io.err(`govcloud: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
