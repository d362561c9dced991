import { diffOutdirs, formatChangeSummary } from "../../evidence/change-summary";
import { UsageError, withArtifact, type CommandContext } from "../command-context";

/** `govcloud diff <old cdktf.out> <new cdktf.out>`: what changes, per department and zone, for approvals. */
export function runDiff({ args, io }: CommandContext): number {
  if (args.length !== 2) throw new UsageError("diff takes two synthesized outputs: diff <old cdktf.out> <new cdktf.out>");
  return withArtifact(io, () => {
    io.out(`${formatChangeSummary(diffOutdirs(args[0], args[1]))}\n`);
    return 0;
  });
}
