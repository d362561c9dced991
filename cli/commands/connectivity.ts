import {
  analyzeManifestFolder,
  ConnectivityInputError,
  formatClusterConnectivity,
  formatConnectivity,
  type ClusterConnectivity,
  type ConnectivityFormat,
  type ManifestProblem,
} from "../../audit/connectivity";
import { exportedClusters } from "../../audit/export";
import { UsageError, type CommandContext } from "../command-context";

/**
 * `govcloud connectivity <dir>`: the connections NetworkPolicies allow between any manifests'
 * workloads. On a folder that `govcloud export` wrote, each cluster folder is a cluster of its
 * own (its objects may share names with another cluster's), printed under its name.
 */
export function runConnectivity({ args, options, io }: CommandContext): number {
  if (args.length !== 1) throw new UsageError("connectivity takes one folder of manifests");
  // main refused any other format (the command's formats in cli/command-specs.ts).
  const format = options.format as ConnectivityFormat;
  try {
    const clusters = exportedClusters(args[0]);
    const text = clusters ? formatClusterConnectivity(analyzeClusters(clusters), format) : formatConnectivity(analyzeManifestFolder(args[0]), format);
    io.out(text === "" ? "" : `${text}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ConnectivityInputError) {
      io.err(`govcloud: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** Every cluster analyzed; the problems of all of them reported at once. */
function analyzeClusters(clusters: ReadonlyArray<{ cluster: string; dir: string }>): ClusterConnectivity[] {
  const results: ClusterConnectivity[] = [];
  const problems: ManifestProblem[] = [];
  for (const { cluster, dir } of clusters) {
    try {
      results.push({ cluster, result: analyzeManifestFolder(dir) });
    } catch (e) {
      if (!(e instanceof ConnectivityInputError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new ConnectivityInputError(problems);
  return results;
}
