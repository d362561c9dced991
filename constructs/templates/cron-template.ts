import type { Construct } from "constructs";
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { APP_USER_ID, clientCertificateMount, hardenedContainer, hardenedPodSpec } from "./hardened-pod";
import { requireCronSchedule, scheduledJobSpec } from "./scheduled-job";
import type { WorkloadTemplateProps } from "./workload-props";
import { WorkloadTemplate } from "./workload-template";

/** Seconds a job's pod gets to stop cleanly after SIGTERM. */
export const JOB_TERMINATION_GRACE_SECONDS = 30;

/** A scheduled job runs one pod per run and serves nothing: replicas and a service port do not apply. */
export interface CronTemplateProps extends Omit<WorkloadTemplateProps, "replicas" | "port"> {
  /** Cron schedule, in the cluster's time zone (`0 2 * * *`). */
  readonly schedule: string;
  /** Failed pods retried per run before the run fails. @default 2 */
  readonly backoffLimit?: number;
  /** Seconds after which a run is killed, retries included. @default 3600 */
  readonly activeDeadlineSeconds?: number;
}

/**
 * A scheduled job (`app.kubernetes.io/component: cron`): a CronJob that never overlaps runs
 * (`concurrencyPolicy: Forbid`), keeps 3 finished jobs of each outcome, retries a bounded number of
 * times and kills runs that exceed their deadline. Its pods are hardened as every template's:
 * non-root user 10001, RuntimeDefault seccomp, no token (its own ServiceAccount does not mount it
 * either), no privilege or capabilities, read-only root with an emptyDir `/tmp`, limits equal to
 * requests, never restarted in place (a failed pod stays for its logs). At level 3 and above the
 * image must be pinned by digest, and with a node pool the pods run on that dedicated pool.
 */
export class CronTemplate extends WorkloadTemplate {
  readonly cronJob: CronJobV1;

  constructor(scope: Construct, id: string, props: CronTemplateProps) {
    requireCronSchedule("schedule", props.schedule);
    const backoffLimit = props.backoffLimit ?? 2;
    const activeDeadlineSeconds = props.activeDeadlineSeconds ?? 3600;
    if (!Number.isInteger(backoffLimit) || backoffLimit < 0) throw new Error(`'backoffLimit' must be a whole number of at least 0, got ${backoffLimit}`);
    if (!Number.isInteger(activeDeadlineSeconds) || activeDeadlineSeconds < 1) {
      throw new Error(`'activeDeadlineSeconds' must be a whole number of at least 1, got ${activeDeadlineSeconds}`);
    }
    super(scope, id, props, "cron");
    this.cronJob = new CronJobV1(this, "cron-job", {
      provider: props.provider,
      dependsOn: [this.serviceAccount],
      metadata: this.metadata(props.service),
      spec: scheduledJobSpec({
        schedule: props.schedule,
        labels: this.labels,
        backoffLimit,
        activeDeadlineSeconds,
        podSpec: this.readingSecrets("CronJob", props.service, hardenedPodSpec({
          props,
          serviceAccountName: props.service,
          userId: APP_USER_ID,
          restartPolicy: "Never",
          terminationGracePeriodSeconds: JOB_TERMINATION_GRACE_SECONDS,
          volumes: clientCertificateMount(props.clientCertificateSecret).volumes,
          containers: [
            hardenedContainer({
              name: props.service,
              image: props.image,
              resources: props.resources,
              ports: [{ name: "metrics", containerPort: props.metricsPort }],
              mounts: clientCertificateMount(props.clientCertificateSecret).mounts,
            }),
          ],
        })),
      }),
    });
  }
}
