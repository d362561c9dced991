import { expiryStatus, type IsoDate } from "../../config/model/calendar";
import { groupBy } from "../group-by";

import type { MlpsRule, RuleContext } from "./mlps-rule";
import type { ControlRow, ControlState, RuleFinding, RulePackResult, WaiverStatus } from "./rule-pack-result";
import { BOUNDARY_RULES } from "./rules/boundary-rules";
import { ruleScope } from "./standard-scope";
import { COMPUTING_RULES } from "./rules/computing-rules";
import { CLOUD_RULES, MANAGEMENT_RULES } from "./rules/management-rules";
import { CONTROL_PLANE_RULES } from "./rules/control-plane-rules";

/** The MLPS 2.0 rule pack, by area: boundary, computing environment, management centre, cloud extension. */
export const MLPS_RULES: readonly MlpsRule[] = [...BOUNDARY_RULES, ...COMPUTING_RULES, ...CONTROL_PLANE_RULES, ...MANAGEMENT_RULES, ...CLOUD_RULES];

type Waiver = RuleContext["model"]["waivers"][number];

/** A waiver covers its target and everything under it: `health/prod` covers `health/prod/db`. */
function covers(waiver: Waiver, rule: string, target: string): boolean {
  return waiver.rule === rule && (waiver.target === target || target.startsWith(`${waiver.target}/`));
}

/**
 * Runs every rule on the artifact, applies the declared waivers, and decides each control per
 * level. An error-severity violation that no valid waiver covers, or an expired waiver, fails.
 */
export function runRulePack(context: RuleContext, today: IsoDate, rules: readonly MlpsRule[] = MLPS_RULES): RulePackResult {
  const waivers = context.model.waivers;
  const findings: RuleFinding[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const usedWaivers = new Map<Waiver, number>();

  for (const rule of rules) {
    for (const outcome of rule.evaluate(context)) {
      const provable = outcome.provable !== false;
      const waiver = outcome.met || !provable ? undefined : waivers.find((w) => covers(w, rule.id, outcome.target) && expiryStatus(w.expires, today) !== "expired");
      if (waiver) usedWaivers.set(waiver, (usedWaivers.get(waiver) ?? 0) + 1);
      const status = outcome.met ? "met" : !provable ? "not-provable" : waiver ? "waived" : "violated";
      findings.push({
        rule: rule.id,
        target: outcome.target,
        level: outcome.level,
        status,
        severity: rule.severity,
        message: outcome.message,
        evidence: outcome.evidence,
        ...(waiver ? { waiver: { ticket: waiver.ticket, approver: waiver.approver, expires: waiver.expires, reason: waiver.reason } } : {}),
      });
      if (status === "violated") (rule.severity === "error" ? errors : warnings).push(`${rule.id} ${outcome.target}: ${outcome.message}. Remedy: ${rule.remedy}`);
    }
  }

  const waiverStatuses: WaiverStatus[] = waivers.map((w) => {
    const used = usedWaivers.get(w) ?? 0;
    const expiry = expiryStatus(w.expires, today);
    const matched = findings.some((f) => f.status !== "met" && covers(w, f.rule, f.target));
    const status = expiry === "expired" ? "expired" : !matched ? "unused" : expiry;
    if (status === "expired") errors.push(`waiver ${w.ticket} (${w.rule} on ${w.target}) expired on ${w.expires}: fix the finding or renew the waiver with a new approval`);
    if (status === "unused") warnings.push(`waiver ${w.ticket} (${w.rule} on ${w.target}) matches no finding: remove it`);
    if (status === "expiring") warnings.push(`waiver ${w.ticket} (${w.rule} on ${w.target}) expires on ${w.expires}: renew it or fix the finding in time`);
    return {
      rule: w.rule,
      target: w.target,
      reason: w.reason,
      compensatingMeasure: w.compensatingMeasure,
      risk: w.risk,
      approver: w.approver,
      ticket: w.ticket,
      granted: w.granted,
      expires: w.expires,
      status,
      findings: used,
    };
  });

  return {
    findings,
    controls: controlRows(rules, findings, context),
    waivers: waiverStatuses,
    scope: ruleScope(rules),
    errors,
    warnings,
    passed: errors.length === 0,
  };
}

function controlRows(rules: readonly MlpsRule[], findings: readonly RuleFinding[], context: RuleContext): ControlRow[] {
  const hosted = new Set(context.model.departments.flatMap((d) => d.environments.map((e) => e.level)));
  // Each rule's findings, in order: a province has tens of thousands, searched for every rule and level.
  const byRule = groupBy(findings, (f) => f.rule);
  return rules.flatMap((rule) =>
    rule.levels.map((level) => {
      const here = (byRule.get(rule.id) ?? []).filter((f) => f.level === level || (f.level === undefined && hosted.has(level)));
      return {
        rule: rule.id,
        title: rule.title,
        requirement: rule.requirement,
        severity: rule.severity,
        remedy: rule.remedy,
        level,
        state: controlState(here, hosted.has(level)),
        targets: here.length,
        targetNames: [...new Set(here.map((f) => f.target))].sort(),
        violated: here.filter((f) => f.status === "violated").length,
        waived: here.filter((f) => f.status === "waived").length,
        evidence: [...new Set(here.flatMap((f) => f.evidence))].sort(),
      };
    }),
  );
}

function controlState(findings: readonly RuleFinding[], levelHosted: boolean): ControlState {
  if (!levelHosted || findings.length === 0) return "not-applicable";
  const violated = findings.filter((f) => f.status === "violated").length;
  const waived = findings.filter((f) => f.status === "waived").length;
  const unprovable = findings.filter((f) => f.status === "not-provable").length;
  if (unprovable === findings.length) return "not-provable";
  if (violated === 0 && unprovable > 0) return "partly";
  if (violated === 0) return waived === 0 ? "met" : "waived";
  return violated === findings.length ? "not-met" : "partly";
}
