import { resolve } from "node:path";
import { exportManifests } from "../../audit/export";
import { withArtifact, type CommandContext } from "../command-context";

/** `govcloud export [--to DIR]`: plain manifests from the synthesized stacks, for GitOps and kubectl. */
export function runExport({ options, io }: CommandContext): number {
  const target = options.to ?? "manifests";
  return withArtifact(io, () => {
    const summary = exportManifests(resolve(options.out), resolve(target));
    const files = summary.clusters.flatMap((c) => c.files);
    const objects = files.reduce((n, f) => n + f.objects, 0);
    io.out(`Exported ${objects} objects from ${options.out} into ${target}/: ${summary.clusters.map((c) => `${c.cluster} (${c.files.length} files)`).join(", ")}.\n`);
    return 0;
  });
}
