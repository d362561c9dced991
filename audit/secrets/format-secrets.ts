import type { SecretEntry, SecretReport } from "./verify-secret-reads";

/** How the Secret reaches its namespace, in one phrase. */
export function provisionText(entry: SecretEntry): string {
  const provider = entry.provider;
  if (!provider) return "MISSING: nothing provides it";
  switch (provider.kind) {
    case "external-secret":
      return `ExternalSecret from ${provider.store}, ${provider.remoteKeys.join(", ")}`;
    case "cert-manager":
      return `written by cert-manager (Certificate ${provider.certificate})`;
    case "prerequisite":
      return "create before the first apply";
  }
}

export function keysText(entry: Pick<SecretEntry, "keys">): string {
  return entry.keys ? entry.keys.join(", ") : "every key";
}

/**
 * `govcloud secrets` as text: per cluster and namespace, each Secret with its keys, its readers
 * and where it comes from; the Secrets to create by hand first, then the findings.
 */
export function formatSecrets(report: SecretReport): string {
  const count = (kind: string) => report.secrets.filter((s) => s.provider?.kind === kind).length;
  const lines = [
    `${report.secrets.length} Secrets read by the workloads: ${count("prerequisite")} to create before the first apply, ${count("external-secret")} from the secret store, ${count("cert-manager")} from cert-manager`,
  ];
  let cluster: string | undefined;
  let namespace: string | undefined;
  for (const entry of report.secrets) {
    if (entry.cluster !== cluster) {
      cluster = entry.cluster;
      namespace = undefined;
      lines.push("", `cluster ${cluster}`);
    }
    if (entry.namespace !== namespace) {
      namespace = entry.namespace;
      lines.push(`  namespace ${namespace}`);
    }
    lines.push(`    ${entry.name}: keys ${keysText(entry)}; read by ${entry.readers.join(", ")}; ${provisionText(entry)}`);
  }
  if (report.findings.length > 0) lines.push("", `${report.findings.length} reads that nothing provides:`, ...report.findings.map((f) => `  ${f}`));
  return `${lines.join("\n")}\n`;
}

/** `govcloud secrets --format json`: the entries and findings as they are. */
export function secretsJson(report: SecretReport): string {
  return `${JSON.stringify({ passed: report.passed, secrets: report.secrets, findings: report.findings }, null, 2)}\n`;
}
