import { resolve } from "node:path";
import { ArtifactReadError, exportManifests } from "../../audit/export";
import type { CommandContext } from "../command-context";

/** `govcloud export [--to DIR]`: plain manifests from the synthesized stacks, for GitOps and kubectl. */
export function runExport({ options, io }: CommandContext): number {
  const target = options.to ?? "manifests";
  try {
    const summary = exportManifests(resolve(options.out), resolve(target));
    const files = summary.clusters.flatMap((c) => c.files);
    const objects = files.reduce((n, f) => n + f.objects, 0);
    io.out(`Exported ${objects} objects from ${options.out} into ${target}/: ${summary.clusters.map((c) => `${c.cluster} (${c.files.length} files)`).join(", ")}.\n`);
    return 0;
  } catch (e) {
    if (e instanceof ArtifactReadError) {
      io.err(`govcloud: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
