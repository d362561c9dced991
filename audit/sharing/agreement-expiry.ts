import { applySchedule, addDays } from "../../config/model/apply-schedule";
import { daysBetween, EXPIRY_WARNING_DAYS, type IsoDate } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactStack } from "../export";

/**
 * When the end of an agreement reaches the clusters. Expiry is decided at synthesis: a policy
 * applied before an agreement ends stays open until a later synthesis is applied. So, from the
 * policies themselves (their `govcloud/expires`), the audit finds agreements already ended whose
 * policies are still there (it fails), and those ending before the next scheduled apply or within
 * the warning period whose closing run comes whole days after their end, or that end soon when no
 * schedule is declared (warnings: their policies will stay open past their end).
 */
export interface AgreementExpiryFinding {
  readonly kind: "ended-but-applied" | "outlasts-its-end" | "ends-without-schedule";
  readonly approval: string;
  readonly provider: string;
  readonly consumer: string;
  readonly expires: IsoDate;
  readonly message: string;
}

export interface AgreementExpiryReport {
  /** The declared scheduled apply and its next run after today; absent when none is declared. */
  readonly schedule?: { readonly cron: string; readonly nextApply?: IsoDate };
  /** Agreements with an end date, counted once however many policies implement them. */
  readonly agreements: number;
  readonly findings: readonly AgreementExpiryFinding[];
  /** False when an ended agreement's policies are still in what was audited. */
  readonly passed: boolean;
}

export function checkAgreementExpiry(stacks: readonly ArtifactStack[], model: Pick<PlatformModel, "applySchedule">, today: IsoDate): AgreementExpiryReport {
  const agreements = new Map<string, { approval: string; provider: string; consumer: string; expires: IsoDate }>();
  for (const resource of stacks.flatMap((s) => s.resources)) {
    const annotations = resource.object.kind === "NetworkPolicy" ? resource.object.metadata.annotations : undefined;
    const expires = annotations?.["govcloud/expires"];
    if (annotations === undefined || expires === undefined) continue;
    const agreement = { approval: annotations["govcloud/approval"] ?? "(no approval)", provider: annotations["govcloud/provider"] ?? "?", consumer: annotations["govcloud/consumer"] ?? "?", expires };
    agreements.set(`${agreement.approval} ${agreement.provider} ${agreement.consumer}`, agreement);
  }
  const schedule = model.applySchedule !== undefined ? applySchedule(model.applySchedule) : undefined;
  const nextApply = schedule?.nextAfter(today);
  const findings: AgreementExpiryFinding[] = [];
  for (const a of [...agreements.values()].sort((x, y) => (x.expires < y.expires ? -1 : x.expires > y.expires ? 1 : x.approval < y.approval ? -1 : 1))) {
    const name = `agreement ${a.approval} (${a.consumer} uses ${a.provider})`;
    const closes = schedule?.nextAfter(a.expires);
    const closing = closes ? `the scheduled apply closes it on ${closes}` : "no scheduled apply closes it";
    if (a.expires < today) {
      findings.push({ kind: "ended-but-applied", ...a, message: `${name} ended on ${a.expires}, but its policies are still here: synthesize and apply now (${closing})` });
    } else if (closes !== undefined && daysBetween(a.expires, closes) > 1 && (a.expires < (nextApply ?? closes) || daysBetween(today, a.expires) <= EXPIRY_WARNING_DAYS)) {
      // The run that closes it is the first after its last day; a run on the next day closes it in time.
      const open = daysBetween(a.expires, closes) - 1;
      findings.push({ kind: "outlasts-its-end", ...a, message: `${name} ends on ${a.expires}; the first scheduled apply after that is on ${closes}, so its policies stay open ${open} ${open === 1 ? "day" : "days"} after it ends unless a synthesis is applied on ${addDays(a.expires, 1)}, or it is renewed` });
    } else if (schedule === undefined && daysBetween(today, a.expires) <= EXPIRY_WARNING_DAYS) {
      findings.push({ kind: "ends-without-schedule", ...a, message: `${name} ends on ${a.expires}, in ${daysBetween(today, a.expires)} days, and the platform declares no scheduled apply (platform.yaml operations.applySchedule): its policies stay open until someone synthesizes and applies after it ends` });
    }
  }
  return {
    ...(schedule ? { schedule: { cron: schedule.schedule, ...(nextApply ? { nextApply } : {}) } } : {}),
    agreements: agreements.size,
    findings,
    passed: findings.every((f) => f.kind !== "ended-but-applied"),
  };
}
