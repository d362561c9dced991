import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import type { Construct } from "constructs";
import type { ProtectionLevel } from "../../../constructs/labels";
import { ApiServiceTemplate } from "../../../constructs/templates/api-service-template";
import type { StatelessServiceTemplateProps } from "../../../constructs/templates/stateless-service";
import { WebServiceTemplate } from "../../../constructs/templates/web-service-template";
import { resourcesOf } from "../test-provider";
import { CONTAINER_SECURITY_CONTEXT, expectedLabels, podSecurityContext, synth, workloadProps } from "./template-fixtures";

const SELECTOR = { "govcloud/service": "portal", "app.kubernetes.io/name": "portal" };

describe.each([
  ["WebServiceTemplate", WebServiceTemplate, "web"],
  ["ApiServiceTemplate", ApiServiceTemplate, "api"],
] as const)("%s", (_name, Template, component) => {
  function synthService(level: ProtectionLevel, extra: (scope: Construct) => Partial<StatelessServiceTemplateProps> = () => ({})): string {
    return synth((scope) => new Template(scope, "portal", { ...workloadProps(scope, level), port: 8080, ...extra(scope) }));
  }
  const level2 = synthService(2);
  const level3 = synthService(3, () => ({ nodePool: "level3-pool" }));

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens the pod at level %i: non-root 10001, RuntimeDefault seccomp, no token, no service links", (level, synthesized) => {
    const [deployment] = resourcesOf(synthesized, "kubernetes_deployment_v1");
    const pod = deployment.spec.template.spec;
    expect(pod.security_context).toEqual(podSecurityContext(10001));
    expect(pod.automount_service_account_token).toBe(false);
    expect(pod.enable_service_links).toBe(false);
    expect(pod.service_account_name).toBe("portal");
    expect(pod.priority_class_name).toBe(`govcloud-level-${level}`);
    expect(pod.termination_grace_period_seconds).toBe(30);
    expect(pod.volume).toEqual([{ name: "tmp", empty_dir: { size_limit: "1Gi" } }]);
  });

  it.each([
    [2, level2],
    [3, level3],
  ] as const)("hardens the container at level %i: read-only root, no escalation, no capabilities, Guaranteed resources, HTTP probes", (_level, synthesized) => {
    const [deployment] = resourcesOf(synthesized, "kubernetes_deployment_v1");
    expect(deployment.spec.template.spec.container).toEqual([
      {
        name: "portal",
        image: expect.stringContaining("@sha256:"),
        image_pull_policy: "Always",
        port: [
          { name: "http", container_port: 8080, protocol: "TCP" },
          { name: "metrics", container_port: 9090, protocol: "TCP" },
        ],
        liveness_probe: { http_get: { path: "/healthz", port: "http" }, initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, failure_threshold: 3 },
        readiness_probe: { http_get: { path: "/ready", port: "http" }, period_seconds: 5, timeout_seconds: 3, failure_threshold: 3 },
        resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
        security_context: CONTAINER_SECURITY_CONTEXT,
        volume_mount: [{ name: "tmp", mount_path: "/tmp" }],
      },
    ]);
  });

  it("labels every object, selects its pods by stable labels only, and gives pods govcloud/service", () => {
    const labels = expectedLabels(3, "portal", component);
    const [deployment] = resourcesOf(level3, "kubernetes_deployment_v1");
    expect(deployment.spec.selector).toEqual({ match_labels: SELECTOR });
    expect(deployment.spec.template.metadata.labels).toEqual(labels);
    for (const type of ["kubernetes_deployment_v1", "kubernetes_service_v1", "kubernetes_service_account_v1", "kubernetes_pod_disruption_budget_v1"]) {
      const [resource] = resourcesOf(level3, type);
      expect({ type, labels: resource.metadata.labels }).toEqual({ type, labels });
      expect(resource.metadata).toMatchObject({ name: "portal", namespace: "health-prod" });
    }
  });

  it("has a ServiceAccount of its own that does not mount the token either", () => {
    expect(resourcesOf(level2, "kubernetes_service_account_v1").map((sa) => [sa.metadata.name, sa.automount_service_account_token])).toEqual([["portal", false]]);
  });

  it("serves its port through a ClusterIP Service", () => {
    expect(level2).toHaveResourceWithProperties(ServiceV1, {
      spec: { type: "ClusterIP", selector: SELECTOR, port: [{ name: "http", port: 8080, target_port: "http", protocol: "TCP" }] },
    });
  });

  it("at level 2 runs one replica, without budget, spread or placement", () => {
    const [deployment] = resourcesOf(level2, "kubernetes_deployment_v1");
    expect(deployment.spec.replicas).toBe("1");
    const pod = deployment.spec.template.spec;
    expect([pod.topology_spread_constraint, pod.node_selector, pod.toleration]).toEqual([undefined, undefined, undefined]);
    expect(resourcesOf(level2, "kubernetes_pod_disruption_budget_v1")).toEqual([]);
  });

  it("at level 3 runs 2 replicas spread over nodes on the dedicated pool, with a disruption budget of one pod", () => {
    const [deployment] = resourcesOf(level3, "kubernetes_deployment_v1");
    expect(deployment.spec.replicas).toBe("2");
    const pod = deployment.spec.template.spec;
    expect(pod.topology_spread_constraint).toEqual([
      { max_skew: 1, topology_key: "kubernetes.io/hostname", when_unsatisfiable: "DoNotSchedule", label_selector: [{ match_labels: SELECTOR }] },
    ]);
    expect(pod.node_selector).toEqual({ "govcloud/node-pool": "level3-pool" });
    expect(pod.toleration).toEqual([{ key: "govcloud/dedicated", operator: "Equal", value: "level3-pool", effect: "NoSchedule" }]);
    expect(resourcesOf(level3, "kubernetes_pod_disruption_budget_v1").map((pdb) => pdb.spec)).toEqual([{ max_unavailable: "1", selector: { match_labels: SELECTOR } }]);
  });

  it("at level 3 without a node pool stays on the shared pool but still spreads", () => {
    const pod = resourcesOf(synthService(3), "kubernetes_deployment_v1")[0].spec.template.spec;
    expect([pod.node_selector, pod.toleration]).toEqual([undefined, undefined]);
    expect(pod.topology_spread_constraint).toHaveLength(1);
  });

  it("keeps the requested replica count", () => {
    expect(resourcesOf(synthService(4, () => ({ replicas: 3 })), "kubernetes_deployment_v1")[0].spec.replicas).toBe("3");
  });

  it("declares a single port when metrics are served on the HTTP port", () => {
    const [deployment] = resourcesOf(synthService(2, () => ({ metricsPort: 8080 })), "kubernetes_deployment_v1");
    expect(deployment.spec.template.spec.container[0].port).toEqual([{ name: "http", container_port: 8080, protocol: "TCP" }]);
  });

  it("publishes an internet exposure with the ingress class, host and TLS from the named Secret, without a source-range annotation", () => {
    const synthesized = synthService(3, () => ({
      exposure: { exposure: "internet", host: "portal.health.gov.example", ingressClassName: "govcloud-gateway", tlsSecretName: "portal-tls" },
    }));
    expect(synthesized).toHaveResourceWithProperties(IngressV1, {
      metadata: { name: "portal", namespace: "health-prod", labels: expectedLabels(3, "portal", component) },
      spec: {
        ingress_class_name: "govcloud-gateway",
        tls: [{ hosts: ["portal.health.gov.example"], secret_name: "portal-tls" }],
        rule: [
          {
            host: "portal.health.gov.example",
            http: { path: [{ path: "/", path_type: "Prefix", backend: { service: { name: "portal", port: { name: "http" } } } }] },
          },
        ],
      },
    });
    expect(resourcesOf(synthesized, "kubernetes_secret_v1")).toEqual([]);
  });

  it("admits an extranet exposure only from its source ranges, sorted and without duplicates", () => {
    const synthesized = synthService(2, () => ({
      exposure: {
        exposure: "extranet",
        host: "portal.health.zwww.example",
        ingressClassName: "govcloud-gateway",
        tlsSecretName: "portal-tls",
        sourceRanges: ["59.202.0.0/16", "10.32.0.0/12", "59.202.0.0/16"],
      },
    }));
    expect(synthesized).toHaveResourceWithProperties(IngressV1, {
      metadata: expect.objectContaining({ annotations: { "nginx.ingress.kubernetes.io/whitelist-source-range": "10.32.0.0/12,59.202.0.0/16" } }),
      spec: expect.objectContaining({ tls: [{ hosts: ["portal.health.zwww.example"], secret_name: "portal-tls" }] }),
    });
  });

  it("creates no Ingress and no autoscaler unless asked", () => {
    expect([resourcesOf(level3, "kubernetes_ingress_v1"), resourcesOf(level3, "kubernetes_horizontal_pod_autoscaler_v2")]).toEqual([[], []]);
  });

  it("autoscales the Deployment on CPU, starting at minReplicas, and leaves the replica count to the autoscaler", () => {
    const synthesized = synthService(3, () => ({ autoscaling: { minReplicas: 3, maxReplicas: 10, cpuUtilization: 70 } }));
    expect(synthesized).toHaveResourceWithProperties(HorizontalPodAutoscalerV2, {
      spec: {
        min_replicas: 3,
        max_replicas: 10,
        scale_target_ref: { api_version: "apps/v1", kind: "Deployment", name: "portal" },
        metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", average_utilization: 70 } } }],
      },
    });
    expect(synthesized).toHaveResourceWithProperties(DeploymentV1, {
      lifecycle: { ignore_changes: ["spec[0].replicas"] },
      spec: expect.objectContaining({ replicas: "3" }),
    });
  });

  it.each([
    ["a single replica at level 3", 3, { replicas: 1 }, "'replicas' must be at least 2 at level 3, got 1"],
    ["no replica at level 4", 4, { replicas: 0 }, "'replicas' must be at least 2 at level 4, got 0"],
    ["no replica at level 2", 2, { replicas: 0 }, "'replicas' must be at least 1 at level 2, got 0"],
    ["a tag-pinned image at level 3", 3, { image: "registry.gov.example/health/portal:1.4.2" }, "'image' must be pinned by digest (<image>@sha256:<digest>) at level 3, got 'registry.gov.example/health/portal:1.4.2'"],
    ["an autoscaler down to 1 at level 3", 3, { autoscaling: { minReplicas: 1, maxReplicas: 4, cpuUtilization: 70 } }, "'autoscaling.minReplicas' must be at least 2 at level 3, got 1"],
    ["an autoscaler maximum below its minimum", 2, { autoscaling: { minReplicas: 3, maxReplicas: 2, cpuUtilization: 70 } }, "'autoscaling.maxReplicas' must be at least 'autoscaling.minReplicas' (3), got 2"],
    ["an unreachable CPU target", 2, { autoscaling: { minReplicas: 1, maxReplicas: 2, cpuUtilization: 150 } }, "'autoscaling.cpuUtilization' must be a whole percentage between 1 and 100, got 150"],
    ["replicas outside the autoscaling bounds", 2, { replicas: 5, autoscaling: { minReplicas: 1, maxReplicas: 4, cpuUtilization: 70 } }, "'replicas' must lie within the autoscaling bounds 1..4, got 5"],
  ] as const)("refuses %s", (_case, level, bad, message) => {
    expect(() => synthService(level, () => bad as Partial<StatelessServiceTemplateProps>)).toThrow(new Error(message));
  });

  it("accepts a tag-pinned image at level 2", () => {
    expect(() => synthService(2, () => ({ image: "registry.gov.example/health/portal:1.4.2" }))).not.toThrow();
  });
});
