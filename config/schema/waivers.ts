import { z } from "zod";
import { displayName, isoDate } from "./common";

/** `config/waivers.yaml`: accepted deviations from the MLPS rule pack, each with an owner and an end. */
export const waiversSchema = z.strictObject({
  waivers: z
    .array(
      z.strictObject({
        rule: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, { error: "must be a rule id such as MLPS-NET-01" }),
        target: z.string().min(1).describe("What the waiver applies to: department/environment[/service] or a cluster."),
        reason: displayName,
        approver: displayName,
        ticket: z.string().min(1),
        expires: isoDate,
      }),
    )
    .default([]),
});

export type WaiversDeclaration = z.output<typeof waiversSchema>;
