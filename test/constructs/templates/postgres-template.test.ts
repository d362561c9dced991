import { Testing } from "cdktf";
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import type { Construct } from "constructs";
import type { ProtectionLevel } from "../../../constructs/labels";
import { PostgresTemplate, type PostgresTemplateProps } from "../../../constructs/templates/postgres-template";
import { resourcesOf } from "../test-provider";
import { CONTAINER_SECURITY_CONTEXT, DIGEST, allEnv, allResources, expectedClaimLabels, expectedLabels, podSecurityContext, synth, workloadProps } from "./template-fixtures";

const SELECTOR = { "govcloud/service": "records", "app.kubernetes.io/name": "records" };
const secretRef = (name: string, key: string) => ({ name, value_from: { secret_key_ref: { name: "records-db-credentials", key } } });
const CREDENTIALS = "/var/run/secrets/govcloud/credentials";
const credentialsVolume = {
  name: "credentials",
  secret: { secret_name: "records-db-credentials", default_mode: "0440", items: ["password", "username"].map((key) => ({ key, path: key })) },
};
const credentialsMount = { name: "credentials", mount_path: CREDENTIALS, read_only: true };
const EXPORTER_PROBES = {
  liveness_probe: { http_get: { path: "/", port: "metrics" }, initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, failure_threshold: 3 },
  readiness_probe: { http_get: { path: "/", port: "metrics" }, period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
};
/** A variable naming a file, not holding a credential. */
const isFilePath = (e: { name: string; value?: string }) => /_FILE$|^PGPASSFILE$/.test(e.name) && /^\/(var\/)?run\//.test(e.value ?? "");

function postgresProps(scope: Construct, level: ProtectionLevel, extra: Partial<PostgresTemplateProps> = {}): PostgresTemplateProps {
  return {
    ...workloadProps(scope, level, "records"),
    resources: { cpu: "2", memory: "4Gi" },
    metricsPort: 9187,
    engine: "postgresql",
    storage: "100Gi",
    credentialsSecretName: "records-db-credentials",
    exporterImage: `registry.gov.example/platform/postgres-exporter${DIGEST}`,
    ...extra,
  };
}

function synthPostgres(level: ProtectionLevel, extra: Partial<PostgresTemplateProps> = {}): string {
  return synth((scope) => new PostgresTemplate(scope, "records", postgresProps(scope, level, extra)));
}

const volumeBackup = { schedule: "30 1 * * *", image: `registry.gov.example/platform/pg-backup${DIGEST}`, target: { kind: "volume", size: "200Gi" } } as const;
const s3Backup = {
  schedule: "30 1 * * *",
  image: `registry.gov.example/platform/pg-backup${DIGEST}`,
  target: { kind: "s3", bucket: "health-backups", endpoint: "https://oss.gov.example", secretName: "health-backup-s3" },
} as const;

describe("PostgresTemplate", () => {
  const level2 = synthPostgres(2);
  const level3 = synthPostgres(3, { nodePool: "level3-pool", backup: volumeBackup });

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens the pod at level %i: the image's user 999, RuntimeDefault seccomp, no token", (level, synthesized) => {
    const [statefulSet] = resourcesOf(synthesized, "kubernetes_stateful_set_v1");
    const pod = statefulSet.spec.template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(999));
    expect([pod.automount_service_account_token, pod.enable_service_links, pod.priority_class_name, pod.termination_grace_period_seconds]).toEqual([
      false,
      false,
      `govcloud-level-${level}`,
      60,
    ]);
    expect(pod.volume).toEqual([{ name: "tmp", empty_dir: { size_limit: "1Gi" } }, { name: "run", empty_dir: { size_limit: "64Mi" } }, credentialsVolume]);
    expect(statefulSet.spec.template.metadata.labels).toEqual(expectedLabels(level, "records", "postgres"));
    expect(statefulSet.spec.selector).toEqual({ match_labels: SELECTOR });
  });

  it("runs the server with credentials from the named Secret's files, its data on the volume, TCP probes and Guaranteed resources", () => {
    const [server] = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.container;
    expect(server).toEqual({
      name: "postgres",
      image: expect.stringContaining("@sha256:"),
      image_pull_policy: "Always",
      port: [{ name: "postgres", container_port: 5432, protocol: "TCP" }],
      env: [
        { name: "POSTGRES_USER_FILE", value: `${CREDENTIALS}/username` },
        { name: "POSTGRES_PASSWORD_FILE", value: `${CREDENTIALS}/password` },
        { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" },
        { name: "PGPORT", value: "5432" },
      ],
      startup_probe: { tcp_socket: [{ port: "postgres" }], period_seconds: 10, failure_threshold: 30 },
      liveness_probe: { tcp_socket: [{ port: "postgres" }], period_seconds: 10, timeout_seconds: 5, failure_threshold: 6 },
      readiness_probe: { tcp_socket: [{ port: "postgres" }], period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
      resources: { requests: { cpu: "2", memory: "4Gi" }, limits: { cpu: "2", memory: "4Gi" } },
      security_context: CONTAINER_SECURITY_CONTEXT,
      volume_mount: [
        { name: "tmp", mount_path: "/tmp" },
        { name: "data", mount_path: "/var/lib/postgresql/data" },
        { name: "run", mount_path: "/var/run/postgresql" },
        credentialsMount,
      ],
    });
  });

  it("runs the exporter sidecar on the metrics port with fixed small resources, the same Secret's files and HTTP probes", () => {
    const [, exporter] = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.container;
    expect(exporter).toEqual({
      name: "exporter",
      image: `registry.gov.example/platform/postgres-exporter${DIGEST}`,
      image_pull_policy: "Always",
      args: ["--web.listen-address=:9187"],
      port: [{ name: "metrics", container_port: 9187, protocol: "TCP" }],
      env: [
        { name: "DATA_SOURCE_URI", value: "localhost:5432/postgres?sslmode=disable" },
        { name: "DATA_SOURCE_USER_FILE", value: `${CREDENTIALS}/username` },
        { name: "DATA_SOURCE_PASS_FILE", value: `${CREDENTIALS}/password` },
      ],
      ...EXPORTER_PROBES,
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "50m", memory: "64Mi" } },
      security_context: CONTAINER_SECURITY_CONTEXT,
      volume_mount: [{ name: "tmp", mount_path: "/tmp" }, credentialsMount],
    });
  });

  it("claims the storage per replica with claims of its own, retained, that the StatefulSet adopts; its claim template is never edited", () => {
    expect(level2).toHaveResourceWithProperties(StatefulSetV1, {
      lifecycle: { prevent_destroy: true, ignore_changes: ["spec[0].volume_claim_template"] },
      spec: expect.objectContaining({
        service_name: "records-headless",
        persistent_volume_claim_retention_policy: [{ when_deleted: "Retain", when_scaled: "Retain" }],
        volume_claim_template: [
          {
            metadata: { name: "data", labels: expectedClaimLabels("records") },
            spec: { access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "100Gi" } } },
          },
        ],
      }),
    });
    const claims = resourcesOf(level3, "kubernetes_persistent_volume_claim_v1").filter((c) => c.metadata.name.startsWith("data-"));
    expect(claims.map((c) => ({ name: c.metadata.name, labels: c.metadata.labels, spec: c.spec, lifecycle: c.lifecycle, wait: c.wait_until_bound }))).toEqual([0, 1].map(claimOf));
    expect(resourcesOf(level3, "kubernetes_stateful_set_v1")[0].depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.records_data-claim-0_[0-9A-F]{8}$/)]));
  });


  it("names replicas through a headless Service and sends clients to the primary, ordinal 0", () => {
    const services = resourcesOf(level2, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec]);
    const port = [{ name: "postgres", port: 5432, target_port: "postgres", protocol: "TCP" }];
    expect(services).toEqual([
      ["records-headless", { cluster_ip: "None", publish_not_ready_addresses: true, selector: SELECTOR, port }],
      ["records", { type: "ClusterIP", selector: { ...SELECTOR, "statefulset.kubernetes.io/pod-name": "records-0" }, port }],
    ]);
  });

  it("at level 2 runs one replica without budget, spread or placement; at level 3 two, spread, budgeted, on the dedicated pool", () => {
    const set2 = resourcesOf(level2, "kubernetes_stateful_set_v1")[0];
    expect([set2.spec.replicas, set2.spec.template.spec.topology_spread_constraint, set2.spec.template.spec.node_selector]).toEqual(["1", undefined, undefined]);
    expect(resourcesOf(level2, "kubernetes_pod_disruption_budget_v1")).toEqual([]);

    const set3 = resourcesOf(level3, "kubernetes_stateful_set_v1")[0];
    const pod = set3.spec.template.spec;
    expect(set3.spec.replicas).toBe("2");
    expect(pod.topology_spread_constraint).toEqual([
      { max_skew: 1, topology_key: "kubernetes.io/hostname", when_unsatisfiable: "DoNotSchedule", label_selector: [{ match_labels: SELECTOR }] },
    ]);
    expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
    expect(pod.toleration).toEqual([{ key: "govcloud/dedicated", operator: "Equal", value: "level3-pool", effect: "NoSchedule" }]);
    expect(resourcesOf(level3, "kubernetes_pod_disruption_budget_v1").map((pdb) => pdb.spec)).toEqual([{ max_unavailable: "1", selector: { match_labels: SELECTOR } }]);
  });

  it("runs openGauss as its own user 70 with its own variables and data path, the password from its file", () => {
    const [statefulSet] = resourcesOf(synthPostgres(2, { engine: "opengauss" }), "kubernetes_stateful_set_v1");
    const pod = statefulSet.spec.template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(70));
    expect(pod.container[0].env).toEqual([
      // The openGauss entrypoint has no GS_USERNAME_FILE; a name is not a credential.
      secretRef("GS_USERNAME", "username"),
      { name: "GS_PASSWORD_FILE", value: `${CREDENTIALS}/password` },
      { name: "PGDATA", value: "/var/lib/opengauss/pgdata" },
      { name: "GS_PORT", value: "5432" },
    ]);
    expect(pod.container[0].volume_mount).toContainEqual({ name: "data", mount_path: "/var/lib/opengauss" });
  });

  it("never puts a password in the configuration or the environment: secret-looking variables name mounted files, and no Secret is created", () => {
    for (const synthesized of [level2, level3, synthPostgres(2, { backup: s3Backup })]) {
      const env = allEnv(synthesized);
      expect(env.length).toBeGreaterThan(0);
      const literal = env.filter((e) => /pass|secret|token|key/i.test(e.name) && e.value !== undefined && !isFilePath(e));
      expect(literal).toEqual([]);
      expect(env.filter((e) => (e.value_from as { secret_key_ref?: unknown } | undefined)?.secret_key_ref !== undefined)).toEqual([]);
      expect(env.filter((e) => e.value !== undefined && /password|secret/i.test(e.value) && !isFilePath(e))).toEqual([]);
      expect(allResources(synthesized).filter((r) => r.type === "kubernetes_secret_v1" || r.type === "kubernetes_secret_v1_data")).toEqual([]);
    }
  });

  describe("backup to a volume", () => {
    it("keeps a claim of the target size from destruction, without waiting for it to bind", () => {
      expect(level3).toHaveResourceWithProperties(PersistentVolumeClaimV1, {
        lifecycle: { prevent_destroy: true },
        wait_until_bound: false,
        metadata: { name: "records-backup", namespace: "health-prod", labels: expectedLabels(3, "records", "backup", "records-backup") },
        spec: { access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "200Gi" } } },
      });
    });

    it("dumps on schedule into the mounted claim, never two at a time, as a hardened pod with fixed resources", () => {
      expect(level3).toHaveResourceWithProperties(CronJobV1, {
        metadata: { name: "records-backup", namespace: "health-prod", labels: expectedLabels(3, "records", "backup", "records-backup") },
        spec: expect.objectContaining({ schedule: "30 1 * * *", concurrency_policy: "Forbid" }),
      });
      const [cronJob] = resourcesOf(level3, "kubernetes_cron_job_v1");
      expect(cronJob.spec.job_template.spec).toMatchObject({ backoff_limit: 2, active_deadline_seconds: 10800 });
      const pod = cronJob.spec.job_template.spec.template.spec;
      expect(pod.security_context).toEqual(podSecurityContext(10001));
      expect([pod.automount_service_account_token, pod.enable_service_links, pod.restart_policy]).toEqual([false, false, "Never"]);
      expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
      expect(pod.volume).toEqual([
        { name: "tmp", empty_dir: { size_limit: "1Gi" } },
        { name: "backup", persistent_volume_claim: { claim_name: "records-backup" } },
        credentialsVolume,
        { name: "client-credentials", empty_dir: { medium: "Memory", size_limit: "1Mi" } },
      ]);
      const [container] = pod.container;
      expect(container.security_context).toEqual(CONTAINER_SECURITY_CONTEXT);
      expect(container.resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "250m", memory: "256Mi" } });
      expect(container.volume_mount).toEqual([
        { name: "tmp", mount_path: "/tmp" },
        { name: "backup", mount_path: "/backup" },
        credentialsMount,
        { name: "client-credentials", mount_path: "/run/govcloud/client" },
      ]);
      expect(container.env).toEqual([
        { name: "PGHOST", value: "records" },
        { name: "PGPORT", value: "5432" },
        { name: "PGPASSFILE", value: "/run/govcloud/client/pgpass" },
        { name: "HOME", value: "/tmp" },
      ]);
      expect(container.command[0]).toBe("bash");
      expect(container.command[2]).toContain('pg_dumpall --clean | gzip > "/backup/records-$stamp.sql.gz.partial"');
      expect(container.command[2]).toContain("find /backup -name 'records-*.sql.gz' -mtime +7 -delete");
      // A Terraform interpolation in the script would be evaluated at plan time.
      expect(container.command[2]).not.toMatch(/\$\{|%\{/);
    });

    it("records the StatefulSet, its data claims, then the backup claim, as its stateful resources", () => {
      let addresses: string[] = [];
      Testing.synthScope((scope) => {
        const template = new PostgresTemplate(scope, "records", postgresProps(scope, 3, { backup: volumeBackup }));
        addresses = template.statefulResources.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`);
      });
      expect(addresses).toEqual([
        expect.stringMatching(/^kubernetes_stateful_set_v1\.records_stateful-set_[0-9A-F]{8}$/),
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.records_data-claim-0_[0-9A-F]{8}$/),
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.records_data-claim-1_[0-9A-F]{8}$/),
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.records_backup_volume_[0-9A-F]{8}$/),
      ]);
    });
  });

  describe("backup to S3", () => {
    const synthesized = synthPostgres(2, { backup: s3Backup });

    it("streams the dump to the bucket with the target Secret's credentials and creates no claim", () => {
      expect(resourcesOf(synthesized, "kubernetes_persistent_volume_claim_v1").filter((c) => !c.metadata.name.startsWith("data-"))).toEqual([]);
      const [container] = resourcesOf(synthesized, "kubernetes_cron_job_v1")[0].spec.job_template.spec.template.spec.container;
      expect(container.env_from).toBeUndefined();
      expect(container.env).toEqual(
        expect.arrayContaining([
          { name: "S3_BUCKET", value: "health-backups" },
          { name: "S3_ENDPOINT", value: "https://oss.gov.example" },
          { name: "AWS_SHARED_CREDENTIALS_FILE", value: "/run/govcloud/client/aws-credentials" },
        ]),
      );
      const pod = resourcesOf(synthesized, "kubernetes_cron_job_v1")[0].spec.job_template.spec.template.spec;
      expect(pod.volume).toContainEqual({
        name: "s3-credentials",
        secret: { secret_name: "health-backup-s3", default_mode: "0440", items: ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].map((key) => ({ key, path: key })) },
      });
      expect(container.volume_mount).toContainEqual({ name: "s3-credentials", mount_path: "/var/run/secrets/govcloud/s3", read_only: true });
      expect(container.command[2]).toContain('pg_dumpall --clean | gzip | aws s3 cp - "s3://$S3_BUCKET/records/records-$stamp.sql.gz" --endpoint-url "$S3_ENDPOINT"');
    });

    it("records only the StatefulSet and its data claims as stateful", () => {
      Testing.synthScope((scope) => {
        const template = new PostgresTemplate(scope, "records", postgresProps(scope, 2, { backup: s3Backup }));
        expect(template.statefulResources.map((r) => r.terraformResourceType)).toEqual(["kubernetes_stateful_set_v1", "kubernetes_persistent_volume_claim_v1"]);
      });
    });
  });

  it("dumps openGauss with its own tool", () => {
    const [cronJob] = resourcesOf(synthPostgres(2, { engine: "opengauss", backup: volumeBackup }), "kubernetes_cron_job_v1");
    expect(cronJob.spec.job_template.spec.template.spec.container[0].command[2]).toContain("gs_dumpall --clean | gzip");
  });

  it.each([
    ["a single replica", 3, { replicas: 1 }, "'replicas' must be at least 2 at level 3, got 1"],
    ["a tag-pinned image", 3, { image: "registry.gov.example/library/postgres:16" }, "'image' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/library/postgres:16'"],
    ["a tag-pinned exporter", 4, { exporterImage: "registry.gov.example/platform/postgres-exporter:0.15" }, "'exporterImage' must be pinned by digest (<image>@sha256:<digest>) at level 4, got 'registry.gov.example/platform/postgres-exporter:0.15'"],
    ["a tag-pinned backup image", 3, { backup: { ...volumeBackup, image: "registry.gov.example/platform/pg-backup:1" } }, "'backup.image' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/platform/pg-backup:1'"],
    ["a backup schedule that is not cron", 2, { backup: { ...volumeBackup, schedule: "nightly" } }, "'backup.schedule' must be a cron expression of 5 fields (minute hour day month weekday) or a macro such as @daily, got 'nightly'"],
    ["a retention of 0 days", 2, { backup: { ...volumeBackup, retentionDays: 0 } }, "'backup.retentionDays' must be a whole number of at least 1, got 0"],
    ["metrics on the server port", 2, { metricsPort: 5432 }, "'metricsPort' must differ from the postgres port 5432: the exporter shares the pod's network, got 5432"],
  ] as const)("refuses %s", (_case, level, bad, message) => {
    expect(() => synthPostgres(level, bad as Partial<PostgresTemplateProps>)).toThrow(new Error(message));
  });
});

function claimOf(ordinal: number) {
  return {
    name: `data-records-${ordinal}`,
    labels: expectedClaimLabels("records"),
    spec: { access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "100Gi" } } },
    lifecycle: { prevent_destroy: true },
    wait: false,
  };
}
