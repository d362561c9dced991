import { dataLossRefusals, formatPlanPreview, previewDeclaration } from "../../artifact/plan-preview";
import { diffOutdirs, formatChangeSummary } from "../../evidence/change-summary";
import { UsageError, withArtifact, type CommandContext } from "../command-context";
import { validateDeclaration } from "./validate";
import { isDecommissionedObject } from "../../config/model/recorded-workload-clusters";

/**
 * `govcloud diff`: the plan preview, what Terraform will do to each stack if the declaration is
 * synthesized now, compared with the record of applied state; exit 1 when it would lose data.
 * `govcloud diff <old cdktf.out> <new cdktf.out>`: what changes, per department and zone, for approvals.
 */
export function runDiff(context: CommandContext): number {
  const { args, io, options } = context;
  if (args.length === 0) {
    const model = validateDeclaration(context);
    if (!model) return 1;
    return withArtifact(io, () => {
      const plans = previewDeclaration(model, { outdir: options.out, projectRoot: process.cwd() });
      io.out(formatPlanPreview(plans));
      const refusals = dataLossRefusals(plans, (stack, address) => isDecommissionedObject(model.decommissionedClusters, stack, address));
      for (const refusal of refusals) io.err(`refused: ${refusal}\n`);
      return refusals.length > 0 ? 1 : 0;
    });
  }
  if (args.length !== 2) throw new UsageError("diff takes no argument (the plan preview of the declaration) or two synthesized outputs: diff <old cdktf.out> <new cdktf.out>");
  return withArtifact(io, () => {
    io.out(`${formatChangeSummary(diffOutdirs(args[0], args[1]))}\n`);
    return 0;
  });
}
