import type { CronJobV1Spec } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import type { PodSpec } from "./hardened-pod";

/** Finished jobs of each outcome kept for inspection. */
export const JOB_HISTORY_LIMIT = 3;
/** A run that could not start within this many seconds of its time is skipped, not started late. */
export const STARTING_DEADLINE_SECONDS = 300;

const CRON_MACROS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** Refuses a schedule Kubernetes would reject: five space-separated fields, or a macro. */
export function requireCronSchedule(field: string, schedule: string): void {
  if (!CRON_MACROS.has(schedule) && !/^\S+( \S+){4}$/.test(schedule)) {
    throw new Error(`'${field}' must be a cron expression of 5 fields (minute hour day month weekday) or a macro such as @daily, got '${schedule}'`);
  }
}

export interface ScheduledJobOptions {
  readonly schedule: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly podSpec: PodSpec;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
}

/**
 * A CronJob spec that never runs two jobs at once (`Forbid`), keeps a short history, retries a
 * bounded number of times and kills a run that exceeds its deadline.
 */
export function scheduledJobSpec(options: ScheduledJobOptions): CronJobV1Spec {
  return {
    schedule: options.schedule,
    concurrencyPolicy: "Forbid",
    startingDeadlineSeconds: STARTING_DEADLINE_SECONDS,
    successfulJobsHistoryLimit: JOB_HISTORY_LIMIT,
    failedJobsHistoryLimit: JOB_HISTORY_LIMIT,
    jobTemplate: {
      metadata: { labels: { ...options.labels } },
      spec: {
        backoffLimit: options.backoffLimit,
        activeDeadlineSeconds: options.activeDeadlineSeconds,
        template: { metadata: { labels: { ...options.labels } }, spec: options.podSpec },
      },
    },
  };
}
