/**
 * The MLPS 2.0 (GB/T 22239-2019) rule pack, checked on the synthesized artifact at every synthesis
 * and by the audit.
 *
 * - `MLPS_RULES`: every rule: id, title, levels, the requirement (area, item, clause; clauses
 *   not yet checked against the standard's text are marked), severity, remedy, evaluate(context).
 * - `runRulePack(context: RuleContext, today): RulePackResult`: findings per target with the
 *   declared waivers applied, a control row per rule and level (met / partly / waived / not-met /
 *   not-applicable, with evidence), waiver statuses, and the errors that fail a synthesis.
 */
export { MLPS_RULES, runRulePack } from "./rule-pack";
export type { MlpsRequirement, MlpsRule, RuleContext, RuleOutcome, RuleSeverity } from "./mlps-rule";
export type { ControlRow, ControlState, FindingStatus, RuleFinding, RulePackResult, WaiverStatus } from "./rule-pack-result";
