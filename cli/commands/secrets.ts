import { resolve } from "node:path";
import { readArtifact } from "../../audit/export";
import { formatSecrets, secretsJson, verifySecretReads } from "../../audit/secrets";
import { withArtifact, type CommandContext } from "../command-context";

/**
 * `govcloud secrets`: every Secret the synthesized workloads read, per cluster and namespace, with
 * its keys, its readers and where it comes from (the secret store, cert-manager, or by hand
 * before the first apply). Exit 1 when a read is provided by nothing.
 */
export function runSecrets(context: CommandContext): number {
  const { options, io } = context;
  return withArtifact(io, () => {
    const report = verifySecretReads(readArtifact(resolve(options.out)));
    io.out(options.format === "json" ? secretsJson(report) : formatSecrets(report));
    return report.passed ? 0 : 1;
  });
}
