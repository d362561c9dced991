import type { Level } from "../../config/schema/common";
import type { MlpsRequirement, RuleSeverity } from "./mlps-rule";

/** How a finding ended: met, not met, or not met but waived by an approved deviation. */
export type FindingStatus = "met" | "violated" | "waived";

export interface RuleFinding {
  readonly rule: string;
  readonly target: string;
  readonly level?: Level;
  readonly status: FindingStatus;
  readonly message: string;
  readonly evidence: readonly string[];
  /** The waiver, when one covers the finding. */
  readonly waiver?: { readonly ticket: string; readonly approver: string; readonly expires: string; readonly reason: string };
}

/** A control's state for one protection level: the requirement → met / partly / waived / not applicable → evidence. */
export type ControlState = "met" | "partly" | "waived" | "not-met" | "not-applicable";

export interface ControlRow {
  readonly rule: string;
  readonly title: string;
  readonly requirement: MlpsRequirement;
  readonly severity: RuleSeverity;
  readonly remedy: string;
  readonly level: Level;
  readonly state: ControlState;
  readonly targets: number;
  readonly evidence: readonly string[];
}

export interface WaiverStatus {
  readonly rule: string;
  readonly target: string;
  readonly reason: string;
  readonly approver: string;
  readonly ticket: string;
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
  /** Error-severity violations not waived, and expired waivers: each fails the synthesis. */
  readonly errors: readonly string[];
  /** Warning-severity violations not waived, waivers that match nothing or expire soon. */
  readonly warnings: readonly string[];
  readonly passed: boolean;
}
