import type { PlatformModel } from "../config/model/platform-model";
import type { ArtifactStack } from "./export";
import { verifyFlows, type FlowReport } from "./flows";
import { analyzeRbac, type RbacReport } from "./rbac";
import { validateStacks, type SchemaFinding } from "./schema";
import { runTenancyBenchmark, type TenancyReport } from "./tenancy";
import { runRulePack, type RulePackResult } from "./mlps";
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
  /** The MLPS rule pack on the same artifact, with the declared waivers applied. */
  readonly mlps: RulePackResult;
  readonly passed: boolean;
}

/** artifact → audit. The stacks come from `readArtifact(outdir)`; the model says what was declared. */
export function runAudit(stacks: readonly ArtifactStack[], model: PlatformModel, today: IsoDate): AuditResults {
  const findings = validateStacks(stacks);
  const flows = verifyFlows(stacks, model);
  const rbac = analyzeRbac(stacks, model);
  const tenancy = runTenancyBenchmark(stacks, model, rbac);
  const schema = { status: findings.length === 0 ? ("pass" as const) : ("fail" as const), findings };
  const mlps = runRulePack({ model, stacks, flows, rbac, tenancy }, today);
  return {
    platform: { name: model.name, displayName: model.displayName },
    stacks: stacks.length,
    objects: stacks.reduce((n, s) => n + s.resources.length, 0),
    schema,
    flows,
    rbac,
    tenancy,
    mlps,
    passed: schema.status === "pass" && flows.passed && rbac.status === "pass" && tenancy.status === "pass" && mlps.passed,
  };
}
