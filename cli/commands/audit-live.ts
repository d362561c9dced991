import { mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { readArtifact } from "../../audit/export";
import { LiveSnapshotError, readSnapshot, runLiveAudit } from "../../audit/live";
import { todayUtc } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import { buildEvidencePack } from "../../evidence/build-evidence-pack";
import { computeLedger, readLedgerParameters } from "../../evidence/ledger";
import { writeEvidencePack } from "../../evidence/render";
import { liveSourceText } from "../../evidence/render/build-report-document";
import { withArtifact, type CommandContext } from "../command-context";
import { summarizeAudit } from "./audit";
import { policyReports } from "../../audit/live/policy-reports";
import { writePolicyReports } from "../../audit/live/write-policy-reports";
import { formatDrift, type DriftReport } from "../../audit/live/drift/find-drift";

/**
 * `govcloud audit --live SNAPSHOT_DIR`: the audit's checks on what the clusters really hold, read
 * from a snapshot (one folder per cluster), against the artifact for what Terraform made; writes
 * the evidence pack stamped with the snapshot. Exit 1 when any check fails.
 */
export function runLiveAuditCommand(context: CommandContext, model: PlatformModel, snapshotDir: string): number {
  const { options, io } = context;
  const today = options.today ?? todayUtc();
  return withArtifact(io, () => {
    let snapshot;
    try {
      snapshot = readSnapshot(resolve(snapshotDir), model.clusters.map((c) => c.name));
    } catch (e) {
      if (!(e instanceof LiveSnapshotError)) throw e;
      io.err(`govcloud: ${e.message}\nnothing was written.\n`);
      return 1;
    }
    const artifact = readArtifact(resolve(options.out));
    const { results, resources } = runLiveAudit(snapshot, artifact, model, today);
    const reportDir = options.report ?? "audit-report";
    mkdirSync(reportDir, { recursive: true });
    const configDir = resolve(options.config);
    const ledger = computeLedger(model, resources.objects, readLedgerParameters(configDir));
    // The pack keeps the snapshot and its drift once, beside the audit's results.
    const { live, drift, ...audit } = results;
    const pack = buildEvidencePack({ model, stacks: resources.objects, audit, ledger, configDir, today, live, drift });
    const homes = model.departments.flatMap((d) => d.environments.map((e) => ({ department: d.name, environment: e.name, cluster: e.cluster, namespace: e.namespace })));
    const written = [...writeEvidencePack(pack, reportDir), ...writePolicyReports(policyReports(results, homes), reportDir)];
    const heading = `the ${liveSourceText(results.live)} (${snapshotDir})`;
    io.out(`${summarizeAudit(results, heading, ["", summarizeDrift(results.drift)])}\nEvidence pack: ${written.map((p) => relative(process.cwd(), p) || p).join(", ")}\n`);
    return results.passed ? 0 : 1;
  });
}

/** Drift, worst first: what weakens isolation, then harmless drift as warnings; counts per department and zone. */
export function summarizeDrift(drift: DriftReport): string {
  if (drift.findings.length === 0) return "Drift: none; the clusters hold what the artifact declares.";
  const weakening = drift.findings.filter((f) => f.weakensIsolation);
  const harmless = drift.findings.filter((f) => !f.weakensIsolation);
  const lines = [`Drift: ${drift.findings.length} differences from the artifact, ${weakening.length} weakening isolation${weakening.length > 0 ? " (the audit fails)" : ""}:`];
  lines.push(...weakening.map((f) => `  FAIL  ${formatDrift(f)}`), ...harmless.map((f) => `  warning: ${formatDrift(f)}`));
  const groups = new Map<string, number[]>();
  for (const f of drift.findings) {
    const key = `${f.department} (${f.zone})`;
    const counts = groups.get(key) ?? [0, 0];
    counts[f.weakensIsolation ? 0 : 1]++;
    groups.set(key, counts);
  }
  lines.push("  By department and zone:");
  for (const key of [...groups.keys()].sort()) lines.push(`    ${key.padEnd(40)} ${groups.get(key)![0]} weakening, ${groups.get(key)![1]} harmless`);
  return lines.join("\n");
}
