import { z } from "zod";
import { displayName, isoDate } from "./common";

/** How much residual risk the approver accepted, as a risk assessment (GB/T 20984) grades it. */
export const WAIVER_RISKS = ["low", "medium", "high"] as const;

/** `config/waivers.yaml`: accepted deviations from the MLPS rule pack, each with an owner and an end. */
export const waiversSchema = z.strictObject({
  waivers: z
    .array(
      z.strictObject({
        rule: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: "must be a rule id such as MLPS-NET-01" }),
        target: z.string().min(1).describe("What the waiver applies to: department/environment[/service] or a cluster."),
        reason: displayName.describe("Why the deviation is needed."),
        compensatingMeasure: displayName.describe("What reduces the risk while the deviation lasts (补偿措施)."),
        risk: z.enum(WAIVER_RISKS).describe("The residual risk the approver accepted."),
        approver: displayName.describe("Who approved the deviation: office and person."),
        ticket: displayName.describe("Approval ticket or document number."),
        granted: isoDate.describe("The day the waiver was approved."),
        expires: isoDate.describe("Last day the waiver is valid."),
      }),
    )
    .default([]),
});

export type WaiversDeclaration = z.output<typeof waiversSchema>;
