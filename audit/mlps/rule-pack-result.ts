import type { Level } from "../../config/schema/common";
import type { MlpsRequirement, RuleSeverity } from "./mlps-rule";
import type { ScopeEntry } from "./standard-scope";

/** How a finding ended: met, not met, not met but waived by an approved deviation, or not provable from the artifact. */
export type FindingStatus = "met" | "violated" | "waived" | "not-provable";

export interface RuleFinding {
  readonly rule: string;
  readonly target: string;
  readonly level?: Level;
  readonly status: FindingStatus;
  /** The rule's severity: a violated error fails the synthesis, a violated warning does not. */
  readonly severity: RuleSeverity;
  readonly message: string;
  readonly evidence: readonly string[];
  /** The waiver, when one covers the finding. */
  readonly waiver?: { readonly ticket: string; readonly approver: string; readonly expires: string; readonly reason: string };
}

/** A control's state for one protection level: the requirement → met / partly / waived / not applicable → evidence. */
export type ControlState = "met" | "partly" | "waived" | "not-met" | "not-provable" | "not-applicable";

export interface ControlRow {
  readonly rule: string;
  readonly title: string;
  readonly requirement: MlpsRequirement;
  readonly severity: RuleSeverity;
  readonly remedy: string;
  readonly level: Level;
  readonly state: ControlState;
  /** How many targets the rule judged at this level, and every one of them, sorted. */
  readonly targets: number;
  readonly targetNames: readonly string[];
  readonly violated: number;
  readonly waived: number;
  /** Every Terraform address or check that proves the findings, none left out. */
  readonly evidence: readonly string[];
}

export interface WaiverStatus {
  readonly rule: string;
  readonly target: string;
  readonly reason: string;
  readonly compensatingMeasure: string;
  readonly risk: "low" | "medium" | "high";
  readonly approver: string;
  readonly ticket: string;
  readonly granted: string;
  readonly expires: string;
  /** `active`, `expiring` (within 30 days), `expired` (fails the synthesis), `unused` (matches nothing: a warning). */
  readonly status: "active" | "expiring" | "expired" | "unused";
  readonly findings: number;
}

export interface RulePackResult {
  readonly findings: readonly RuleFinding[];
  /** One row per rule and level it applies to. */
  readonly controls: readonly ControlRow[];
  readonly waivers: readonly WaiverStatus[];
  /** The areas of GB/T 22239-2019 the rules cover, and those out of the pack's scope, with why. */
  readonly scope: readonly ScopeEntry[];
  /** Error-severity violations not waived, and expired waivers: each fails the synthesis. */
  readonly errors: readonly string[];
  /** Warning-severity violations not waived, waivers that match nothing or expire soon. */
  readonly warnings: readonly string[];
  readonly passed: boolean;
}
