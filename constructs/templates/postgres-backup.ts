import { Construct } from "constructs";
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import type { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { APPLY_WAITS } from "./apply-waits";
import { CREDENTIALS_PATH, credentialScratch, escapedFileValue, secretFiles } from "./credential-files";
import { APP_USER_ID, hardenedContainer, hardenedPodSpec, type EnvVar } from "./hardened-pod";
import { secretReadsOfPod, type SecretRead } from "./secret-reads";
import { requireCronSchedule, scheduledJobSpec } from "./scheduled-job";
import { CREDENTIALS_SECRET_KEYS } from "./stateful-store";
import { requirePinnedImage } from "./workload-guards";
import { workloadLabels } from "./workload-labels";
import type { BackupProps, WorkloadTemplateProps } from "./workload-props";
import { BACKUP_JOB_RESOURCES } from "./template-resources";

/** A backup run is killed after this many seconds, retries included. */
export const BACKUP_DEADLINE_SECONDS = 3 * 60 * 60;
/** Failed backup pods retried per run. */
export const BACKUP_BACKOFF_LIMIT = 2;
export const DEFAULT_BACKUP_RETENTION_DAYS = 7;
/** Where a `volume` target is mounted in the backup job. */
export const BACKUP_PATH = "/backup";
/** Keys the Secret of an `s3` target must hold: the access key pair the aws CLI signs with. */
export const S3_SECRET_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
/** Where the `s3` target's Secret is mounted. */
export const S3_CREDENTIALS_PATH = "/var/run/secrets/govcloud/s3";
/** The memory-backed folder where the job writes its client credential files, mode 0600. */
export const CLIENT_CREDENTIALS_PATH = "/run/govcloud/client";
/** libpq's password file: libpq ignores one that its group or others may read. */
export const PGPASS_FILE = `${CLIENT_CREDENTIALS_PATH}/pgpass`;
/** The aws CLI's shared credentials file. */
export const AWS_CREDENTIALS_FILE = `${CLIENT_CREDENTIALS_PATH}/aws-credentials`;

export interface PostgresBackupProps {
  /** The database's workload: names, labels, namespace, level and placement. */
  readonly workload: WorkloadTemplateProps;
  readonly backup: BackupProps;
  /** Client Service of the database (its primary) and its port. */
  readonly host: string;
  readonly port: number;
  readonly credentialsSecretName: string;
  /** The engine's whole-cluster dump tool, `pg_dumpall` or `gs_dumpall`, which the backup image must provide. */
  readonly dumpTool: string;
  readonly serviceAccount: ServiceAccountV1;
}

/**
 * A scheduled, compressed dump of every database of a PostgreSQL-family server. The credentials
 * Secret is mounted read-only at `/var/run/secrets/govcloud/credentials`; the job writes a libpq
 * password file from it (`PGPASSFILE`, mode 0600 in a memory-backed volume) and connects with
 * `PGHOST`, `PGPORT` and `PGUSER`. To a `volume`
 * target: a claim of that size (Terraform `prevent_destroy`) mounted at `/backup`, where dumps
 * older than the retention are deleted. To an `s3` target: streamed with the `aws` CLI to
 * `s3://<bucket>/<service>/`, the access key pair (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`)
 * of the target's Secret mounted at `/var/run/secrets/govcloud/s3` and written into the aws CLI's
 * shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, 0600, in memory), bucket and endpoint as
 * `S3_BUCKET`, `S3_ENDPOINT`. The image must provide bash, sed, the dump tool and, for s3, the aws CLI. Runs as the
 * hardened non-root user 10001 with {@link BACKUP_JOB_RESOURCES}, never two at a time.
 */
export class PostgresBackup extends Construct {
  readonly cronJob: CronJobV1;
  /** The dump volume, for a `volume` target. */
  readonly volume?: PersistentVolumeClaimV1;
  /** The Secrets the job's pods read: the database's credentials and, for `s3`, the bucket's. */
  readonly secretReads: readonly SecretRead[];

  constructor(scope: Construct, id: string, props: PostgresBackupProps) {
    super(scope, id);
    const { workload, backup } = props;
    requirePinnedImage("backup.image", backup.image, workload.level);
    requireCronSchedule("backup.schedule", backup.schedule);
    const retentionDays = backup.retentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS;
    if (!Number.isInteger(retentionDays) || retentionDays < 1) {
      throw new Error(`'backup.retentionDays' must be a whole number of at least 1, got ${retentionDays}`);
    }
    const name = `${workload.service}-backup`;
    const labels = workloadLabels(workload, "backup", name);
    const metadata = { name, namespace: workload.namespace, labels: { ...labels } };
    const { target } = backup;

    const { username, password } = CREDENTIALS_SECRET_KEYS;
    const credentials = secretFiles("credentials", props.credentialsSecretName, [password, username], CREDENTIALS_PATH);
    const s3 = target.kind === "s3" ? secretFiles("s3-credentials", target.secretName, S3_SECRET_KEYS, S3_CREDENTIALS_PATH) : undefined;
    const client = credentialScratch("client-credentials", CLIENT_CREDENTIALS_PATH);
    const env: EnvVar[] = [
      { name: "PGHOST", value: props.host },
      { name: "PGPORT", value: String(props.port) },
      { name: "PGPASSFILE", value: PGPASS_FILE },
      // Tools that keep a cache in the home directory write it to scratch, not the read-only root.
      { name: "HOME", value: "/tmp" },
    ];
    // The Secret's files are group-readable (0440 through the pod's fsGroup), which libpq refuses
    // in a password file, so the job writes its own, 0600, into memory; `:` and `\` are escaped
    // as the pgpass format asks.
    const clientFiles = [
      "umask 077",
      `PGUSER=$$(cat ${credentials.file(username)})`,
      "export PGUSER",
      `printf '*:*:*:%s:%s\\n' "${escapedFileValue(credentials.file(username), ":")}" "${escapedFileValue(credentials.file(password), ":")}" > "$PGPASSFILE"`,
      ...(s3
        ? [
            `printf '[default]\\naws_access_key_id = %s\\naws_secret_access_key = %s\\n' "$$(cat ${s3.file("AWS_ACCESS_KEY_ID")})" "$$(cat ${s3.file("AWS_SECRET_ACCESS_KEY")})" > "$AWS_SHARED_CREDENTIALS_FILE"`,
          ]
        : []),
    ];
    // `$$(` is Kubernetes' escape for a literal `$(`: the shell, not the kubelet, runs `date`.
    const stamp = `stamp=$$(date -u +%Y%m%dT%H%M%SZ)`;
    let script: string[];
    if (target.kind === "volume") {
      this.volume = new PersistentVolumeClaimV1(this, "volume", {
        provider: workload.provider,
        lifecycle: { preventDestroy: true },
        waitUntilBound: APPLY_WAITS.waitUntilBound,
        metadata,
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: target.size } } },
      });
      script = [
        "set -euo pipefail",
        ...clientFiles,
        stamp,
        `${props.dumpTool} --clean | gzip > "${BACKUP_PATH}/${workload.service}-$stamp.sql.gz.partial"`,
        `mv "${BACKUP_PATH}/${workload.service}-$stamp.sql.gz.partial" "${BACKUP_PATH}/${workload.service}-$stamp.sql.gz"`,
        `find ${BACKUP_PATH} -name '${workload.service}-*.sql.gz' -mtime +${retentionDays} -delete`,
      ];
    } else {
      env.push(
        { name: "S3_BUCKET", value: target.bucket },
        { name: "S3_ENDPOINT", value: target.endpoint },
        { name: "AWS_SHARED_CREDENTIALS_FILE", value: AWS_CREDENTIALS_FILE },
      );
      script = [
        "set -euo pipefail",
        ...clientFiles,
        stamp,
        `${props.dumpTool} --clean | gzip | aws s3 cp - "s3://$S3_BUCKET/${workload.service}/${workload.service}-$stamp.sql.gz" --endpoint-url "$S3_ENDPOINT"`,
      ];
    }

    const podSpec = hardenedPodSpec({
      props: workload,
      serviceAccountName: workload.service,
      userId: APP_USER_ID,
      restartPolicy: "Never",
      terminationGracePeriodSeconds: 30,
      volumes: [
        ...(this.volume ? [{ name: "backup", persistentVolumeClaim: { claimName: name } }] : []),
        credentials.volume,
        ...(s3 ? [s3.volume] : []),
        client.volume,
      ],
      containers: [
        hardenedContainer({
          name: "backup",
          image: backup.image,
          resources: BACKUP_JOB_RESOURCES,
          command: ["bash", "-c", script.join("\n")],
          env,
          mounts: [...(this.volume ? [{ name: "backup", mountPath: BACKUP_PATH }] : []), credentials.mount, ...(s3 ? [s3.mount] : []), client.mount],
        }),
      ],
    });
    this.secretReads = secretReadsOfPod(`CronJob ${name}`, podSpec);
    this.cronJob = new CronJobV1(this, "cron-job", {
      provider: workload.provider,
      dependsOn: [props.serviceAccount, ...(this.volume ? [this.volume] : [])],
      metadata,
      spec: scheduledJobSpec({
        schedule: backup.schedule,
        labels,
        backoffLimit: BACKUP_BACKOFF_LIMIT,
        activeDeadlineSeconds: BACKUP_DEADLINE_SECONDS,
        podSpec,
      }),
    });
  }
}
