import { error, type Problem } from "../declaration/problem";
import { applySchedule } from "../model/apply-schedule";
import type { DeclarationRule } from "./rule";

/** A scheduled apply that never runs (30 February) would leave every ended agreement open for good. */
export const applyScheduleRule: DeclarationRule = ({ platform }, { today }) => {
  const problems: Problem[] = [];
  const schedule = platform.data.operations?.applySchedule;
  if (schedule === undefined) return problems;
  if (applySchedule(schedule).nextAfter(today) === undefined) {
    problems.push(error(platform.file, ["operations", "applySchedule"], `schedule "${schedule}" never runs on any day: expiry would never reach the clusters; choose days that exist (such as "0 3 * * *")`));
  }
  return problems;
};
