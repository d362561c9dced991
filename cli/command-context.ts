import { ArtifactReadError } from "../audit/export";
import { UnsafeTargetError } from "../artifact/replace-folder";
import { SynthesisRefusedError } from "../artifact/synthesize-platform";
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
    /** With audit: the live snapshot folder to audit instead of the artifact. */
    readonly live?: string;
    readonly "no-cache"?: boolean;
    readonly progress?: boolean;
    readonly workers?: string;
  };
  readonly io: {
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
    /** Whether `err` is a terminal (progress is drawn there). @default false */
    readonly errIsTerminal?: boolean;
  };
}

export { UsageError } from "./usage-error";

/** File-system errors that mean the user pointed at a path that cannot be used, not a bug. */
const PATH_ERRORS = new Set(["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "EEXIST", "EROFS", "ENOSPC"]);

/**
 * Runs a command body that reads or writes artifacts: an artifact that cannot be read (missing
 * or damaged `cdktf.out`), a target that must not be replaced, or a path that cannot be written
 * is the user's to fix, reported in one line with exit code 1, never as a stack trace.
 */
export function withArtifact(io: CommandContext["io"], body: () => number): number {
  try {
    return body();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof ArtifactReadError || e instanceof UnsafeTargetError || e instanceof SynthesisRefusedError || (code !== undefined && PATH_ERRORS.has(code))) {
      io.err(`govcloud: ${(e as Error).message}\n`);
      return 1;
    }
    throw e;
  }
}
