import { error, type Problem } from "../declaration/problem";
import type { DeclarationRule } from "./rule";

/** Cybersecurity Law art. 21: network logs are kept for at least six months. */
export const MIN_LOG_RETENTION_DAYS = 180;

/** Platform-wide obligations: log retention, and separation of duties (三权分立) from level 3. */
export const platformPolicy: DeclarationRule = ({ platform }) => {
  const problems: Problem[] = [];
  const p = platform.data;
  if (p.logRetentionDays < MIN_LOG_RETENTION_DAYS) {
    problems.push(error(platform.file, ["logRetentionDays"], `logs must be kept at least ${MIN_LOG_RETENTION_DAYS} days (Cybersecurity Law art. 21); got ${p.logRetentionDays}`));
  }
  const highest = Math.max(...p.clusters.flatMap((c) => c.levels));
  if (highest >= 3) {
    const duties = ["system", "security", "audit"] as const;
    duties.forEach((duty, di) => {
      for (const other of duties.slice(di + 1)) {
        p.admins[other].forEach((group, gi) => {
          if (p.admins[duty].includes(group)) {
            problems.push(error(platform.file, ["admins", other, gi], `group "${group}" is both ${article(duty)} and ${article(other)} admin; a platform hosting level ${highest} needs disjoint system, security and audit admin groups (separation of duties)`));
          }
        });
      }
    });
  }
  return problems;
};

function article(duty: string): string {
  return /^[aeiou]/.test(duty) ? `an ${duty}` : `a ${duty}`;
}
