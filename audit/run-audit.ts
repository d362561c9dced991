import type { PlatformModel } from "../config/model/platform-model";
import type { ArtifactStack } from "./export";
import { verifyFlows, type FlowReport } from "./flows";
import type { VerifyOptions } from "./flows/verify-flows";
import { analyzeRbac, type RbacReport } from "./rbac";
import { validateStacks, type SchemaFinding } from "./schema";
import { runTenancyBenchmark, type TenancyReport } from "./tenancy";
import { runRulePack, type RulePackResult } from "./mlps";
import { checkAgreementExpiry, verifySharingRoutes, type AgreementExpiryReport, type SharingRouteReport } from "./sharing";
import { verifySecretReads, type SecretReport } from "./secrets";
import type { IsoDate } from "../config/model/calendar";

/**
 * Everything the audit proves about one synthesized artifact, as one plain, serialisable value:
 * the evidence pack renders it, `govcloud audit` summarises it, `results.json` keeps it.
 */
export interface AuditResults {
  readonly platform: { readonly name: string; readonly displayName: string };
  readonly stacks: number;
  readonly objects: number;
  readonly schema: { readonly status: "pass" | "fail"; readonly findings: readonly SchemaFinding[] };
  readonly flows: FlowReport;
  readonly rbac: RbacReport;
  readonly tenancy: TenancyReport;
  /** Cross-cluster sharing routes at the gateways: mutual TLS admitting exactly the agreements' consumers. */
  readonly sharingRoutes: SharingRouteReport;
  /** Every Secret a pod or Ingress reads, and what provides it: an ExternalSecret, cert-manager, or a listed prerequisite. */
  readonly secrets: SecretReport;
  /** When agreements' ends reach the clusters: ended ones still applied fail, those outlasting their end until the next apply warn. */
  readonly sharingExpiry: AgreementExpiryReport;
  /** The MLPS rule pack on the same artifact, with the declared waivers applied. */
  readonly mlps: RulePackResult;
  readonly passed: boolean;
}

/** The checks of the audit, in the order they run, as progress names them. */
export type AuditCheck = "schema" | "connectivity" | "rbac" | "tenancy" | "mlps" | "sharing" | "secrets" | "expiry";

/**
 * artifact → audit. The stacks come from `readArtifact(outdir)`; the model says what was declared.
 * `onCheck` is told each check as it starts (for progress).
 */
export function runAudit(stacks: readonly ArtifactStack[], model: PlatformModel, today: IsoDate, onCheck: (check: AuditCheck) => void = () => {}): AuditResults {
  onCheck("schema");
  const findings = validateStacks(stacks);
  const { flows, rbac, tenancy, mlps } = runChecks(stacks, model, today, {}, onCheck);
  const schema = { status: findings.length === 0 ? ("pass" as const) : ("fail" as const), findings };
  onCheck("sharing");
  const sharingRoutes = verifySharingRoutes(stacks, model);
  onCheck("secrets");
  const secrets = verifySecretReads(stacks);
  onCheck("expiry");
  const sharingExpiry = checkAgreementExpiry(stacks, model, today);
  return {
    platform: { name: model.name, displayName: model.displayName },
    stacks: stacks.length,
    objects: stacks.reduce((n, s) => n + s.resources.length, 0),
    schema,
    flows,
    rbac,
    tenancy,
    sharingRoutes,
    secrets,
    sharingExpiry,
    mlps,
    passed: everyCheckPassed({ schema, flows, rbac, tenancy, sharingRoutes, secrets, sharingExpiry, mlps }),
  };
}

/** The one verdict over the checks, so the artifact's audit and the live audit cannot disagree on what failing means. */
export function everyCheckPassed(r: Pick<AuditResults, "schema" | "flows" | "rbac" | "tenancy" | "sharingRoutes" | "secrets" | "sharingExpiry" | "mlps">): boolean {
  return (
    r.schema.status === "pass" &&
    r.flows.passed &&
    r.sharingRoutes.passed &&
    r.secrets.passed &&
    r.sharingExpiry.passed &&
    r.rbac.status === "pass" &&
    r.tenancy.status === "pass" &&
    r.mlps.passed
  );
}

/** The checks the MLPS rule pack builds on, and the rule pack itself: the audit without the schema check. */
export function runChecks(
  stacks: readonly ArtifactStack[],
  model: PlatformModel,
  today: IsoDate,
  options: VerifyOptions = {},
  onCheck: (check: AuditCheck) => void = () => {},
): Pick<AuditResults, "flows" | "rbac" | "tenancy" | "mlps"> {
  onCheck("connectivity");
  const flows = verifyFlows(stacks, model, options);
  onCheck("rbac");
  const rbac = analyzeRbac(stacks, model);
  onCheck("tenancy");
  const tenancy = runTenancyBenchmark(stacks, model, rbac);
  onCheck("mlps");
  return { flows, rbac, tenancy, mlps: runRulePack({ model, stacks, flows, rbac, tenancy }, today) };
}
