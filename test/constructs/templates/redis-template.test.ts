import { Testing } from "cdktf";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import type { Construct } from "constructs";
import type { ProtectionLevel } from "../../../constructs/labels";
import { RedisTemplate, type RedisTemplateProps } from "../../../constructs/templates/redis-template";
import { resourcesOf } from "../test-provider";
import { CONTAINER_SECURITY_CONTEXT, DIGEST, allEnv, expectedClaimLabels, expectedLabels, podSecurityContext, synth, workloadProps } from "./template-fixtures";

const SELECTOR = { "govcloud/service": "sessions", "app.kubernetes.io/name": "sessions" };
const credentialsVolume = {
  name: "credentials",
  secret: { secret_name: "sessions-redis-credentials", default_mode: "0440", items: [{ key: "password", path: "password" }] },
};
const authVolume = { name: "redis-auth", empty_dir: { medium: "Memory", size_limit: "1Mi" } };
const authReadOnly = { name: "redis-auth", mount_path: "/run/govcloud/redis-auth", read_only: true };

function redisProps(scope: Construct, level: ProtectionLevel, extra: Partial<RedisTemplateProps> = {}): RedisTemplateProps {
  return {
    ...workloadProps(scope, level, "sessions"),
    resources: { cpu: "1", memory: "2Gi" },
    metricsPort: 9121,
    storage: "10Gi",
    credentialsSecretName: "sessions-redis-credentials",
    exporterImage: `registry.gov.example/platform/redis-exporter${DIGEST}`,
    ...extra,
  };
}

function synthRedis(level: ProtectionLevel, extra: Partial<RedisTemplateProps> = {}): string {
  return synth((scope) => new RedisTemplate(scope, "sessions", redisProps(scope, level, extra)));
}

describe("RedisTemplate", () => {
  const level2 = synthRedis(2);
  const level3 = synthRedis(3, { nodePool: "level3-pool", replicas: 3 });

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens the pod at level %i: the image's user 999, RuntimeDefault seccomp, no token", (level, synthesized) => {
    const [statefulSet] = resourcesOf(synthesized, "kubernetes_stateful_set_v1");
    const pod = statefulSet.spec.template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(999));
    expect([pod.automount_service_account_token, pod.enable_service_links, pod.priority_class_name]).toEqual([false, false, `govcloud-level-${level}`]);
    expect(pod.volume).toEqual([{ name: "tmp", empty_dir: { size_limit: "1Gi" } }, credentialsVolume, authVolume]);
    expect(statefulSet.spec.template.metadata.labels).toEqual(expectedLabels(level, "sessions", "redis"));
    expect(statefulSet.spec.selector).toEqual({ match_labels: SELECTOR });
    expect(resourcesOf(synthesized, "kubernetes_service_account_v1").map((sa) => sa.automount_service_account_token)).toEqual([false]);
  });

  it("runs the server with its auth config from memory, its data on the volume at /data, TCP probes and Guaranteed resources", () => {
    const [server] = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.container;
    expect(server).toEqual({
      name: "redis",
      image: expect.stringContaining("@sha256:"),
      image_pull_policy: "Always",
      command: ["sh", "-c", expect.any(String)],
      port: [{ name: "redis", container_port: 6379, protocol: "TCP" }],
      startup_probe: { tcp_socket: [{ port: "redis" }], period_seconds: 10, failure_threshold: 30 },
      liveness_probe: { tcp_socket: [{ port: "redis" }], period_seconds: 10, timeout_seconds: 5, failure_threshold: 6 },
      readiness_probe: { tcp_socket: [{ port: "redis" }], period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
      resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1", memory: "2Gi" } },
      security_context: CONTAINER_SECURITY_CONTEXT,
      volume_mount: [
        { name: "tmp", mount_path: "/tmp" },
        { name: "data", mount_path: "/data" },
        authReadOnly,
      ],
    });
  });

  it("writes the auth config and the exporter's password file in an init container, the only one to mount the Secret", () => {
    const [init] = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.init_container;
    expect(init).toEqual({
      name: "redis-auth",
      image: expect.stringContaining("@sha256:"),
      image_pull_policy: "Always",
      command: ["sh", "-c", expect.any(String)],
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "50m", memory: "64Mi" } },
      security_context: CONTAINER_SECURITY_CONTEXT,
      volume_mount: [
        { name: "tmp", mount_path: "/tmp" },
        { name: "credentials", mount_path: "/var/run/secrets/govcloud/credentials", read_only: true },
        { name: "redis-auth", mount_path: "/run/govcloud/redis-auth" },
      ],
    });
  });

  it("requires the password through its config file, and makes every ordinal but 0 a replica of the primary", () => {
    const script: string = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.container[0].command[2];
    expect(script.split("\n")).toEqual([
      "set -- /run/govcloud/redis-auth/auth.conf --port 6379 --dir /data --appendonly yes",
      'if [ "$HOSTNAME" != "sessions-0" ]; then set -- "$@" --replicaof sessions-0.sessions-headless 6379; fi',
      'exec redis-server "$@"',
    ]);
  });

  it("runs the exporter sidecar on the metrics port with fixed small resources and the same Secret", () => {
    const [, exporter] = resourcesOf(level2, "kubernetes_stateful_set_v1")[0].spec.template.spec.container;
    expect(exporter).toEqual({
      name: "exporter",
      image: `registry.gov.example/platform/redis-exporter${DIGEST}`,
      image_pull_policy: "Always",
      args: ["--web.listen-address=:9121"],
      port: [{ name: "metrics", container_port: 9121, protocol: "TCP" }],
      env: [
        { name: "REDIS_ADDR", value: "redis://localhost:6379" },
        { name: "REDIS_PASSWORD_FILE", value: "/run/govcloud/redis-auth/exporter-passwords.json" },
      ],
      liveness_probe: { http_get: { path: "/", port: "metrics" }, initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, failure_threshold: 3 },
      readiness_probe: { http_get: { path: "/", port: "metrics" }, period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
      resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "50m", memory: "64Mi" } },
      security_context: CONTAINER_SECURITY_CONTEXT,
      volume_mount: [{ name: "tmp", mount_path: "/tmp" }, authReadOnly],
    });
  });

  it("claims the storage per replica with claims of its own, retained, that the StatefulSet adopts; its claim template is never edited", () => {
    expect(level2).toHaveResourceWithProperties(StatefulSetV1, {
      lifecycle: { prevent_destroy: true, ignore_changes: ["spec[0].volume_claim_template"] },
      spec: expect.objectContaining({
        service_name: "sessions-headless",
        persistent_volume_claim_retention_policy: [{ when_deleted: "Retain", when_scaled: "Retain" }],
        volume_claim_template: [
          {
            metadata: { name: "data", labels: expectedClaimLabels("sessions") },
            spec: { access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
          },
        ],
      }),
    });
    const claims = resourcesOf(level3, "kubernetes_persistent_volume_claim_v1").filter((c) => c.metadata.name.startsWith("data-"));
    expect(claims.map((c) => ({ name: c.metadata.name, labels: c.metadata.labels, spec: c.spec, lifecycle: c.lifecycle, wait: c.wait_until_bound }))).toEqual([0, 1, 2].map(claimOf));
    expect(resourcesOf(level3, "kubernetes_stateful_set_v1")[0].depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.sessions_data-claim-0_[0-9A-F]{8}$/)]));
  });


  it("names replicas through a headless Service and sends clients to the primary", () => {
    const port = [{ name: "redis", port: 6379, target_port: "redis", protocol: "TCP" }];
    expect(resourcesOf(level2, "kubernetes_service_v1").map((s) => [s.metadata.name, s.spec])).toEqual([
      ["sessions-headless", { cluster_ip: "None", publish_not_ready_addresses: true, selector: SELECTOR, port }],
      ["sessions", { type: "ClusterIP", selector: { ...SELECTOR, "statefulset.kubernetes.io/pod-name": "sessions-0" }, port }],
    ]);
  });

  it("adds replicas, budget, spread and the dedicated pool at level 3 only", () => {
    const set2 = resourcesOf(level2, "kubernetes_stateful_set_v1")[0];
    expect([set2.spec.replicas, set2.spec.template.spec.topology_spread_constraint, set2.spec.template.spec.toleration]).toEqual(["1", undefined, undefined]);
    expect(resourcesOf(level2, "kubernetes_pod_disruption_budget_v1")).toEqual([]);

    const set3 = resourcesOf(level3, "kubernetes_stateful_set_v1")[0];
    const pod = set3.spec.template.spec;
    expect(set3.spec.replicas).toBe("3");
    expect(pod.topology_spread_constraint).toEqual([
      { max_skew: 1, topology_key: "kubernetes.io/hostname", when_unsatisfiable: "DoNotSchedule", label_selector: [{ match_labels: SELECTOR }] },
    ]);
    expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
    expect(pod.toleration).toEqual([{ key: "govcloud/dedicated", operator: "Equal", value: "level3-pool", effect: "NoSchedule" }]);
    expect(resourcesOf(level3, "kubernetes_pod_disruption_budget_v1").map((pdb) => pdb.spec)).toEqual([{ max_unavailable: "1", selector: { match_labels: SELECTOR } }]);
  });

  it("never puts a password in the configuration", () => {
    const env = allEnv(level3);
    expect(env.filter((e) => /pass|secret|token|key/i.test(e.name) && e.value !== undefined && !/^\/run\/govcloud\//.test(e.value))).toEqual([]);
    expect(env.filter((e) => e.value_from !== undefined)).toEqual([]);
    expect(resourcesOf(level3, "kubernetes_secret_v1")).toEqual([]);
  });

  it("records the StatefulSet and its one data claim (one replica) as its stateful resources", () => {
    Testing.synthScope((scope) => {
      const template = new RedisTemplate(scope, "sessions", redisProps(scope, 2));
      expect(template.dataClaims).toHaveLength(1);
      expect(template.statefulResources).toEqual([template.statefulSet, ...template.dataClaims]);
    });
  });

  it("uses a declared port everywhere", () => {
    const synthesized = synthRedis(2, { port: 6380 });
    const [server, exporter] = resourcesOf(synthesized, "kubernetes_stateful_set_v1")[0].spec.template.spec.container;
    expect(server.port).toEqual([{ name: "redis", container_port: 6380, protocol: "TCP" }]);
    expect(server.command[2]).toContain("--port 6380");
    expect(exporter.env[0]).toEqual({ name: "REDIS_ADDR", value: "redis://localhost:6380" });
    expect(resourcesOf(synthesized, "kubernetes_service_v1").map((s) => s.spec.port[0].port)).toEqual([6380, 6380]);
  });

  it.each([
    ["a single replica", 3, { replicas: 1 }, "'replicas' must be at least 2 at level 3, got 1"],
    ["a tag-pinned image", 4, { image: "registry.gov.example/library/redis:7.2" }, "'image' must be pinned by digest (<image>@sha256:<digest>) at level 4, got 'registry.gov.example/library/redis:7.2'"],
    ["a tag-pinned exporter", 3, { exporterImage: "registry.gov.example/platform/redis-exporter:1.62" }, "'exporterImage' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/platform/redis-exporter:1.62'"],
    ["metrics on the server port", 2, { metricsPort: 6379 }, "'metricsPort' must differ from the redis port 6379: the exporter shares the pod's network, got 6379"],
  ] as const)("refuses %s", (_case, level, bad, message) => {
    expect(() => synthRedis(level, bad as Partial<RedisTemplateProps>)).toThrow(new Error(message));
  });
});

function claimOf(ordinal: number) {
  return {
    name: `data-sessions-${ordinal}`,
    labels: expectedClaimLabels("sessions"),
    spec: { access_modes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
    lifecycle: { prevent_destroy: true },
    wait: false,
  };
}
