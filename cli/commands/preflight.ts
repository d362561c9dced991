import { resolve } from "node:path";
import { readArtifact } from "../../audit/export";
import { computePreflight, formatPreflight, preflightJson } from "../../audit/preflight";
import { withArtifact, type CommandContext } from "../command-context";
import { validateDeclaration } from "./validate";

/**
 * `govcloud preflight`: per cluster, what must exist before the first apply. Exit 1 when something
 * this machine can check is missing (a kubeconfig file, a Secret nothing provides).
 */
export function runPreflight(context: CommandContext): number {
  const { options, io } = context;
  const model = validateDeclaration(context);
  if (!model) return 1;
  return withArtifact(io, () => {
    const outdir = resolve(options.out);
    const preflight = computePreflight(model, readArtifact(outdir), outdir);
    io.out(options.format === "json" ? preflightJson(preflight) : formatPreflight(preflight));
    return preflight.missing.length === 0 ? 0 : 1;
  });
}
