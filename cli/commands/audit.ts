import { mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { readArtifact } from "../../audit/export";
import { buildEvidencePack } from "../../evidence/build-evidence-pack";
import type { EvidencePack } from "../../evidence/evidence-pack";
import { computeLedger, readLedgerParameters } from "../../evidence/ledger";
import { writeEvidencePack } from "../../evidence/render";
import { formatFinding } from "../../audit/rbac";
import { runAudit, type AuditResults } from "../../audit/run-audit";
import { formatSchemaFinding } from "../../audit/schema";
import { withArtifact, type CommandContext } from "../command-context";
import { todayUtc, type IsoDate } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import { progressLine, type ProgressLine } from "../progress-line";
import { validateDeclaration } from "./validate";
import { runLiveAuditCommand } from "./audit-live";

/** At most this many lines per failing part on the terminal; report.json has all of them. */
const SHOWN = 5;

/**
 * `govcloud audit`: proves from `cdktf.out` what the platform allows, writes the evidence pack
 * (report.html, report.md, report.json with every result); exit 1 when any check fails.
 */
export function runAuditCommand(context: CommandContext): number {
  const { options, io } = context;
  const model = validateDeclaration(context);
  if (!model) return 1;
  if (options.live !== undefined) return runLiveAuditCommand(context, model, options.live);
  const today = options.today ?? todayUtc();
  const progress = progressLine("audit", { write: io.err, isTerminal: io.errIsTerminal === true }, { forced: options.progress === true });
  return withArtifact(io, () => {
    let audited;
    try {
      audited = auditArtifact({ outdir: resolve(options.out), reportDir: options.report ?? "audit-report", model, configDir: resolve(options.config), today, progress });
    } finally {
      progress.finish();
    }
    const { results, written } = audited;
    io.out(`${summarizeAudit(results, options.out)}\nEvidence pack: ${written.map((p) => relative(process.cwd(), p) || p).join(", ")}\n`);
    return results.passed ? 0 : 1;
  });
}

/** What one audit of an artifact reads and where its evidence pack goes. */
export interface AuditRun {
  readonly outdir: string;
  readonly reportDir: string;
  readonly model: PlatformModel;
  readonly configDir: string;
  readonly today: IsoDate;
  /** Told the stacks read, then each check and the writing of the pack. */
  readonly progress: ProgressLine;
}

/** Reads the artifact in `outdir`, audits it and writes the evidence pack into `reportDir`. */
export function auditArtifact(run: AuditRun): { results: AuditResults; written: string[] } {
  const { results, pack } = auditIntoPack(run);
  return { results, written: writeEvidencePack(pack, run.reportDir) };
}

/** The audit and its evidence pack, apart from writing it: the stacks, the most the audit holds, are let go before. */
function auditIntoPack({ outdir, reportDir, model, configDir, today, progress }: AuditRun): { results: AuditResults; pack: EvidencePack } {
  const stacks = readArtifact(outdir, { onStackRead: (done, total) => progress.update(done, total) });
  const step = (what: string) => progress.update(stacks.length, stacks.length, what);
  const results = runAudit(stacks, model, today, (check) => step(`checking ${check}`));
  step("writing the evidence pack");
  mkdirSync(reportDir, { recursive: true });
  const ledger = computeLedger(model, stacks, readLedgerParameters(configDir));
  return { results, pack: buildEvidencePack({ model, stacks, audit: results, ledger, configDir, today }) };
}

/**
 * The terminal summary; `source` is what was audited (the artifact folder, or the live snapshot);
 * `more` are lines of further results (the live audit's drift), printed before the verdict.
 */
export function summarizeAudit(r: AuditResults, source: string, more: readonly string[] = []): string {
  const mark = (ok: boolean) => (ok ? "pass" : "FAIL");
  const lines = [`Audit of ${source} (${r.platform.displayName}): ${r.stacks} stacks, ${r.objects} objects`];
  const list = (items: readonly string[]) => [...items.slice(0, SHOWN).map((l) => `      ${l}`), ...(items.length > SHOWN ? [`      … ${items.length - SHOWN} more`] : [])];

  lines.push(`  ${mark(r.schema.status === "pass")}  schema        ${r.objects} objects checked against the Kubernetes OpenAPI schemas, ${r.schema.findings.length} findings`);
  lines.push(...list(r.schema.findings.map(formatSchemaFinding)));

  for (const c of r.flows.clusters) {
    lines.push(`  ${mark(c.differences.length === 0)}  connectivity  ${c.cluster}: ${c.workloads} workloads, ${c.effectiveConnections} allowed connections, ${c.intendedFlows} declared flows, ${c.differences.length} differences`);
    lines.push(...list(c.differences.map((d) => `${d.kind}: ${d.src} => ${d.dst} : ${d.ports} (${d.detail})`)));
  }
  const routes = r.sharingRoutes;
  lines.push(`  ${mark(routes.passed)}  sharing       ${routes.routes.length} cross-cluster routes with mutual TLS, ${routes.findings.length} findings`);
  for (const route of routes.routes) {
    lines.push(`      ${route.cluster} ${route.host} -> ${route.provider ?? "(no agreement)"}: admits ${route.admitted.map((a) => `${a.consumer} (CN=${a.commonName})`).join(", ") || "no certificate"}`);
  }
  lines.push(...list(routes.findings));
  const secrets = r.secrets;
  const by = (kind: string) => secrets.secrets.filter((s) => s.provider?.kind === kind).length;
  lines.push(
    `  ${mark(secrets.passed)}  secrets       ${secrets.secrets.length} Secrets read: ${by("external-secret")} from ExternalSecrets, ${by("cert-manager")} from cert-manager, ${by("prerequisite")} listed prerequisites; ${secrets.findings.length} findings`,
  );
  lines.push(...list(secrets.findings));
  const expiry = r.sharingExpiry;
  const schedule = expiry.schedule ? `scheduled apply ${expiry.schedule.cron}, next ${expiry.schedule.nextApply ?? "never"}` : "no scheduled apply declared";
  lines.push(`  ${mark(expiry.passed)}  expiry        ${expiry.agreements} agreements with an end, ${schedule}; ${expiry.findings.length} findings`);
  lines.push(...list(expiry.findings.map((f) => (f.kind === "ended-but-applied" ? f.message : `warning: ${f.message}`))));
  for (const [name, report] of [["rbac", r.rbac], ["tenancy", r.tenancy]] as const) {
    const counts = ["pass", "fail", "not-applicable"].map((s) => `${report.checks.filter((c) => c.status === s).length} ${s}`).join(", ");
    lines.push(`  ${mark(report.status === "pass")}  ${name.padEnd(12)}  ${report.checks.length} checks: ${counts}`);
    for (const check of report.checks.filter((c) => c.status === "fail")) {
      lines.push(`      ${check.id} ${check.title}`);
      lines.push(...list(check.findings.map(formatFinding)));
    }
  }
  const mlps = r.mlps;
  const waived = mlps.findings.filter((f) => f.status === "waived").length;
  lines.push(`  ${mark(mlps.passed)}  mlps          ${mlps.findings.length} findings on ${new Set(mlps.findings.map((f) => f.rule)).size} rules: ${mlps.findings.filter((f) => f.status === "met").length} met, ${waived} waived, ${mlps.findings.filter((f) => f.status === "violated").length} violated, ${mlps.findings.filter((f) => f.status === "not-provable").length} not provable from the artifact (check by hand); ${mlps.errors.length} errors, ${mlps.warnings.length} warnings`);
  lines.push(...list(mlps.errors));
  lines.push(...list(mlps.warnings.map((w) => `warning: ${w}`)));
  for (const c of r.flows.clusters) {
    lines.push("", `  Zone to zone on ${c.cluster} (allowed ports; * where the declaration differs):`);
    for (const cell of c.matrix.cells) lines.push(`    ${`${cell.from} -> ${cell.to}`.padEnd(32)} ${cell.effective}${cell.agrees ? "" : `  * declared: ${cell.intended}`}`);
  }
  lines.push(...more, "", r.passed ? "Audit passed." : "Audit FAILED.");
  return lines.join("\n");
}
