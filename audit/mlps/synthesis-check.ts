import type { IsoDate } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import { readArtifact } from "../export";
import { runAudit } from "../run-audit";

/**
 * The rule pack as a synthesis gate: run on the staged candidate output, its errors refuse the
 * synthesis (nothing is replaced); its warnings are handed to `warn`.
 */
export function rulePackGate(model: PlatformModel, today: IsoDate, warn: (warnings: readonly string[]) => void): (candidateOutdir: string) => readonly string[] {
  return (candidateOutdir) => {
    const { mlps } = runAudit(readArtifact(candidateOutdir), model, today);
    warn(mlps.warnings);
    return mlps.errors;
  };
}
