import type { ProtectionLevel } from "../../../constructs/labels";
import { WorkerTemplate, type WorkerTemplateProps } from "../../../constructs/templates/worker-template";
import { resourcesOf } from "../test-provider";
import { CONTAINER_SECURITY_CONTEXT, expectedLabels, podSecurityContext, synth, workloadProps } from "./template-fixtures";

const SELECTOR = { "govcloud/service": "indexer", "app.kubernetes.io/name": "indexer" };

function synthWorker(level: ProtectionLevel, extra: Partial<WorkerTemplateProps> = {}): string {
  return synth((scope) => new WorkerTemplate(scope, "indexer", { ...workloadProps(scope, level, "indexer"), ...extra }));
}

describe("WorkerTemplate", () => {
  const level2 = synthWorker(2);
  const level3 = synthWorker(3, { nodePool: "level3-pool", replicas: 3 });

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens pod and container at level %i, probing /healthz on the metrics port", (level, synthesized) => {
    const [deployment] = resourcesOf(synthesized, "kubernetes_deployment_v1");
    const pod = deployment.spec.template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(10001));
    expect([pod.automount_service_account_token, pod.enable_service_links, pod.priority_class_name]).toEqual([false, false, `govcloud-level-${level}`]);
    expect(pod.container).toEqual([
      {
        name: "indexer",
        image: expect.stringContaining("@sha256:"),
        image_pull_policy: "Always",
        port: [{ name: "metrics", container_port: 9090, protocol: "TCP" }],
        liveness_probe: { http_get: { path: "/healthz", port: "metrics" }, initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, failure_threshold: 3 },
        readiness_probe: { http_get: { path: "/healthz", port: "metrics" }, period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
        resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
        security_context: CONTAINER_SECURITY_CONTEXT,
        volume_mount: [{ name: "tmp", mount_path: "/tmp" }],
      },
    ]);
    expect(deployment.spec.selector).toEqual({ match_labels: SELECTOR });
    expect(deployment.spec.template.metadata.labels).toEqual(expectedLabels(level, "indexer", "worker"));
  });

  it("has no Service, and its own ServiceAccount without the token", () => {
    expect(resourcesOf(level3, "kubernetes_service_v1")).toEqual([]);
    expect(resourcesOf(level3, "kubernetes_service_account_v1").map((sa) => sa.automount_service_account_token)).toEqual([false]);
  });

  it("adds replicas, budget, spread and the dedicated pool at level 3 only", () => {
    const pod2 = resourcesOf(level2, "kubernetes_deployment_v1")[0];
    expect([pod2.spec.replicas, pod2.spec.template.spec.topology_spread_constraint]).toEqual(["1", undefined]);
    expect(resourcesOf(level2, "kubernetes_pod_disruption_budget_v1")).toEqual([]);

    const [deployment] = resourcesOf(level3, "kubernetes_deployment_v1");
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBe("3");
    expect(pod.topology_spread_constraint).toEqual([
      { max_skew: 1, topology_key: "kubernetes.io/hostname", when_unsatisfiable: "DoNotSchedule", label_selector: [{ match_labels: SELECTOR }] },
    ]);
    expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
    expect(pod.toleration).toEqual([{ key: "govcloud/dedicated", operator: "Equal", value: "level3-pool", effect: "NoSchedule" }]);
    expect(resourcesOf(level3, "kubernetes_pod_disruption_budget_v1").map((pdb) => pdb.spec)).toEqual([{ max_unavailable: "1", selector: { match_labels: SELECTOR } }]);
  });

  it("refuses a single replica and a tag-pinned image at level 3", () => {
    expect(() => synthWorker(3, { replicas: 1 })).toThrow(new Error("'replicas' must be at least 2 at level 3, got 1"));
    expect(() => synthWorker(3, { image: "registry.gov.example/health/indexer:2.0" })).toThrow(
      new Error("'image' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/health/indexer:2.0'"),
    );
  });
});
