import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { ClusterRoleBindingV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-binding-v1";
import { ClusterRoleV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-v1";
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { HorizontalPodAutoscalerV2 } from "@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { LimitRangeV1 } from "@cdktf/provider-kubernetes/lib/limit-range-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { PriorityClassV1 } from "@cdktf/provider-kubernetes/lib/priority-class-v1";
import { ResourceQuotaV1 } from "@cdktf/provider-kubernetes/lib/resource-quota-v1";
import { RoleBindingV1 } from "@cdktf/provider-kubernetes/lib/role-binding-v1";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import { convertStackDocument } from "../../../audit/export";
import { hardenedContainer, hardenedPodSpec } from "../../../constructs/templates/hardened-pod";
import { testProvider } from "../../constructs/test-provider";

/**
 * Each resource type the platform emits, synthesized by cdktf from the provider's own classes (so
 * the JSON is exactly what cdktf writes), converted, and compared with the whole Kubernetes object.
 */
function convert(build: (scope: Construct, namespace: NamespaceV1) => void): Array<{ address: string; object: unknown }> {
  const document = JSON.parse(
    Testing.synthScope((scope) => {
      const provider = testProvider(scope);
      const namespace = new NamespaceV1(scope, "ns", { provider, metadata: { name: "health-prod" }, lifecycle: { preventDestroy: true } });
      build(scope, namespace);
    }),
  );
  const stack = convertStackDocument("dept-health", document);
  expect(stack.problems).toEqual([]);
  expect(new Set(stack.resources.map((r) => r.cluster))).toEqual(new Set(["test"]));
  return stack.resources.map(({ address, object }) => ({ address, object }));
}

/** The converted object of the one resource of `type` (besides the namespace every scope has). */
function objectOf(type: string, build: (scope: Construct, namespace: NamespaceV1) => void): unknown {
  const found = convert(build).filter((r) => r.address.startsWith(`${type}.`));
  expect(found).toHaveLength(1);
  return found[0].object;
}

const ns = (namespace: NamespaceV1) => namespace.metadata.name;
/** The scope's one provider (created by `convert`). */
const provider = (scope: Construct) => scope.node.findChild("k8s") as KubernetesProvider;
const LABELS = { "app.kubernetes.io/name": "portal", "govcloud/level": "3" };

describe("conversion of each resource type", () => {
  it("kubernetes_namespace_v1: a Namespace, labels and annotations kept with their keys, lifecycle dropped", () => {
    const [namespace] = convert((scope) => {
      new NamespaceV1(scope, "other", {
        provider: provider(scope),
        metadata: { name: "health-dev", labels: { "pod-security.kubernetes.io/enforce": "restricted" }, annotations: { "govcloud/display-name": "卫健委" } },
        waitForDefaultServiceAccount: true,
      });
    }).filter((r) => r.address.includes("other"));
    expect(namespace.object).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "health-dev", annotations: { "govcloud/display-name": "卫健委" }, labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    });
  });

  it("kubernetes_resource_quota_v1: `hard` keeps its resource names as keys; the namespace reference resolves", () => {
    expect(
      objectOf("kubernetes_resource_quota_v1", (scope, namespace) => {
        new ResourceQuotaV1(scope, "quota", {
          provider: provider(scope),
          metadata: { name: "quota", namespace: ns(namespace) },
          spec: { hard: { "requests.cpu": "4", "services.nodeports": "0" }, scopes: ["NotTerminating"] },
        });
      }),
    ).toEqual({
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: { name: "quota", namespace: "health-prod" },
      spec: { hard: { "requests.cpu": "4", "services.nodeports": "0" }, scopes: ["NotTerminating"] },
    });
  });

  it("kubernetes_limit_range_v1: `limit` blocks become `limits`, default_request becomes defaultRequest", () => {
    expect(
      objectOf("kubernetes_limit_range_v1", (scope, namespace) => {
        new LimitRangeV1(scope, "limits", {
          provider: provider(scope),
          metadata: { name: "limits", namespace: ns(namespace) },
          spec: { limit: [{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "100m" }, max: { memory: "8Gi" } }, { type: "PersistentVolumeClaim", max: { storage: "50Gi" } }] },
        });
      }),
    ).toEqual({
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "limits", namespace: "health-prod" },
      spec: {
        limits: [
          { default: { cpu: "500m" }, defaultRequest: { cpu: "100m" }, max: { memory: "8Gi" }, type: "Container" },
          { max: { storage: "50Gi" }, type: "PersistentVolumeClaim" },
        ],
      },
    });
  });

  it("kubernetes_network_policy_v1: numeric ports become integers, named ports stay strings; ipBlock and selectors map", () => {
    expect(
      objectOf("kubernetes_network_policy_v1", (scope, namespace) => {
        new NetworkPolicyV1(scope, "policy", {
          provider: provider(scope),
          metadata: { name: "allow", namespace: ns(namespace) },
          spec: {
            podSelector: { matchLabels: { "govcloud/service": "portal" } },
            policyTypes: ["Ingress", "Egress"],
            ingress: [
              {
                from: [{ namespaceSelector: { matchExpressions: [{ key: "govcloud/zone", operator: "In", values: ["gateway"] }] } }],
                ports: [{ port: "http", protocol: "TCP" }],
              },
            ],
            egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }], ports: [{ port: "443", protocol: "TCP", endPort: 444 }] }],
          },
        });
      }),
    ).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow", namespace: "health-prod" },
      spec: {
        egress: [{ ports: [{ endPort: 444, port: 443, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }] }],
        ingress: [
          {
            from: [{ namespaceSelector: { matchExpressions: [{ key: "govcloud/zone", operator: "In", values: ["gateway"] }] } }],
            ports: [{ port: "http", protocol: "TCP" }],
          },
        ],
        podSelector: { matchLabels: { "govcloud/service": "portal" } },
        policyTypes: ["Ingress", "Egress"],
      },
    });
  });

  it("kubernetes_role_binding_v1 and kubernetes_cluster_role_binding_v1: roleRef and `subject` → subjects", () => {
    const objects = convert((scope, namespace) => {
      const roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "govcloud-tenant-admin" };
      const subject = [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "health-admins" }];
      new RoleBindingV1(scope, "binding", { provider: provider(scope), metadata: { name: "admins", namespace: ns(namespace) }, roleRef, subject });
      new ClusterRoleBindingV1(scope, "cluster-binding", { provider: provider(scope), metadata: { name: "auditors" }, roleRef, subject });
    });
    const subjects = [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "health-admins" }];
    const roleRef = { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "govcloud-tenant-admin" };
    expect(objects.map((o) => o.object)).toEqual([
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "auditors" }, roleRef, subjects },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "health-prod" } },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "admins", namespace: "health-prod" }, roleRef, subjects },
    ]);
  });

  it("kubernetes_cluster_role_v1: `rule` → rules, non_resource_urls → nonResourceURLs", () => {
    expect(
      objectOf("kubernetes_cluster_role_v1", (scope) => {
        new ClusterRoleV1(scope, "role", {
          provider: provider(scope),
          metadata: { name: "govcloud-auditor" },
          rule: [
            { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list"] },
            { nonResourceUrls: ["/metrics"], verbs: ["get"] },
          ],
        });
      }),
    ).toEqual({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "govcloud-auditor" },
      rules: [
        { apiGroups: [""], resources: ["pods", "pods/log"], verbs: ["get", "list"] },
        { nonResourceURLs: ["/metrics"], verbs: ["get"] },
      ],
    });
  });

  it("kubernetes_priority_class_v1: value, globalDefault, description and preemptionPolicy at the top level", () => {
    expect(
      objectOf("kubernetes_priority_class_v1", (scope) => {
        new PriorityClassV1(scope, "priority", {
          provider: provider(scope),
          metadata: { name: "govcloud-level-3" },
          value: 3000,
          globalDefault: false,
          description: "Workloads of protection level 3",
          preemptionPolicy: "PreemptLowerPriority",
        });
      }),
    ).toEqual({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name: "govcloud-level-3" },
      description: "Workloads of protection level 3",
      globalDefault: false,
      preemptionPolicy: "PreemptLowerPriority",
      value: 3000,
    });
  });

  it("kubernetes_manifest: the manifest as written, its references resolved, Terraform's settings dropped", () => {
    expect(
      objectOf("kubernetes_manifest", (scope, namespace) => {
        new Manifest(scope, "binding", {
          provider: provider(scope),
          manifest: {
            apiVersion: "admissionregistration.k8s.io/v1",
            kind: "ValidatingAdmissionPolicyBinding",
            metadata: { name: "govcloud-allowed-registries" },
            spec: { policyName: "govcloud-allowed-registries", validationActions: ["Deny"], matchResources: { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns(namespace) } } } },
          },
          fieldManager: { name: "govcloud" },
        });
      }),
    ).toEqual({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingAdmissionPolicyBinding",
      metadata: { name: "govcloud-allowed-registries" },
      spec: { policyName: "govcloud-allowed-registries", validationActions: ["Deny"], matchResources: { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "health-prod" } } } },
    });
  });

  it("kubernetes_service_account_v1: automountServiceAccountToken and image pull secrets", () => {
    expect(
      objectOf("kubernetes_service_account_v1", (scope, namespace) => {
        new ServiceAccountV1(scope, "sa", {
          provider: provider(scope),
          metadata: { name: "portal", namespace: ns(namespace) },
          automountServiceAccountToken: false,
          imagePullSecret: [{ name: "registry" }],
        });
      }),
    ).toEqual({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: "portal", namespace: "health-prod" },
      automountServiceAccountToken: false,
      imagePullSecrets: [{ name: "registry" }],
    });
  });

  it("kubernetes_service_v1: `port` → ports, named targetPort stays a string, numeric becomes an integer, cluster_ip → clusterIP", () => {
    expect(
      objectOf("kubernetes_service_v1", (scope, namespace) => {
        new ServiceV1(scope, "svc", {
          provider: provider(scope),
          metadata: { name: "portal", namespace: ns(namespace), labels: LABELS },
          spec: {
            type: "ClusterIP",
            clusterIp: "None",
            selector: { "app.kubernetes.io/name": "portal" },
            port: [
              { name: "http", port: 8080, targetPort: "http", protocol: "TCP" },
              { name: "metrics", port: 9090, targetPort: "9090" },
            ],
          },
          waitForLoadBalancer: false,
        });
      }),
    ).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "portal", namespace: "health-prod", labels: LABELS },
      spec: {
        clusterIP: "None",
        ports: [
          { name: "http", port: 8080, protocol: "TCP", targetPort: "http" },
          { name: "metrics", port: 9090, targetPort: 9090 },
        ],
        selector: { "app.kubernetes.io/name": "portal" },
        type: "ClusterIP",
      },
    });
  });

  it("kubernetes_pod_disruption_budget_v1: maxUnavailable as an integer, minAvailable percentages as strings", () => {
    const objects = convert((scope, namespace) => {
      const selector = { matchLabels: { "app.kubernetes.io/name": "portal" } };
      new PodDisruptionBudgetV1(scope, "pdb", { provider: provider(scope), metadata: { name: "portal", namespace: ns(namespace) }, spec: { maxUnavailable: "1", selector } });
      new PodDisruptionBudgetV1(scope, "pdb-pct", { provider: provider(scope), metadata: { name: "api", namespace: ns(namespace) }, spec: { minAvailable: "50%", selector } });
    }).filter((r) => r.address.startsWith("kubernetes_pod_disruption_budget_v1."));
    const selector = { matchLabels: { "app.kubernetes.io/name": "portal" } };
    expect(objects.map((o) => o.object)).toEqual([
      { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "portal", namespace: "health-prod" }, spec: { maxUnavailable: 1, selector } },
      { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "api", namespace: "health-prod" }, spec: { minAvailable: "50%", selector } },
    ]);
  });

  it("kubernetes_horizontal_pod_autoscaler_v2: scaleTargetRef, `metric` → metrics with a single target, behavior policies", () => {
    expect(
      objectOf("kubernetes_horizontal_pod_autoscaler_v2", (scope, namespace) => {
        new HorizontalPodAutoscalerV2(scope, "hpa", {
          provider: provider(scope),
          metadata: { name: "api", namespace: ns(namespace) },
          spec: {
            minReplicas: 2,
            maxReplicas: 6,
            scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
            metric: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
            behavior: { scaleDown: [{ stabilizationWindowSeconds: 300, policy: [{ type: "Pods", value: 1, periodSeconds: 60 }] }] },
          },
        });
      }),
    ).toEqual({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "api", namespace: "health-prod" },
      spec: {
        behavior: { scaleDown: { policies: [{ periodSeconds: 60, type: "Pods", value: 1 }], stabilizationWindowSeconds: 300 } },
        maxReplicas: 6,
        metrics: [{ resource: { name: "cpu", target: { averageUtilization: 70, type: "Utilization" } }, type: "Resource" }],
        minReplicas: 2,
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "api" },
      },
    });
  });

  it("kubernetes_ingress_v1: `rule` → rules, `path` → paths, backend service port by name", () => {
    expect(
      objectOf("kubernetes_ingress_v1", (scope, namespace) => {
        new IngressV1(scope, "ingress", {
          provider: provider(scope),
          metadata: { name: "portal", namespace: ns(namespace), annotations: { "nginx.ingress.kubernetes.io/whitelist-source-range": "59.202.0.0/16" } },
          spec: {
            ingressClassName: "govcloud-nginx",
            rule: [{ host: "portal.gov.example", http: { path: [{ path: "/", pathType: "Prefix", backend: { service: { name: "portal", port: { name: "http" } } } }] } }],
            tls: [{ hosts: ["portal.gov.example"], secretName: "portal-tls" }],
          },
        });
      }),
    ).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "portal", namespace: "health-prod", annotations: { "nginx.ingress.kubernetes.io/whitelist-source-range": "59.202.0.0/16" } },
      spec: {
        ingressClassName: "govcloud-nginx",
        rules: [{ host: "portal.gov.example", http: { paths: [{ backend: { service: { name: "portal", port: { name: "http" } } }, path: "/", pathType: "Prefix" }] } }],
        tls: [{ hosts: ["portal.gov.example"], secretName: "portal-tls" }],
      },
    });
  });

  it("kubernetes_persistent_volume_claim_v1: resources.requests keeps `storage`; wait_until_bound dropped", () => {
    expect(
      objectOf("kubernetes_persistent_volume_claim_v1", (scope, namespace) => {
        new PersistentVolumeClaimV1(scope, "pvc", {
          provider: provider(scope),
          metadata: { name: "backup", namespace: ns(namespace) },
          spec: { accessModes: ["ReadWriteOnce"], storageClassName: "local-ssd", resources: { requests: { storage: "500Gi" } } },
          waitUntilBound: false,
        });
      }),
    ).toEqual({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "backup", namespace: "health-prod" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "500Gi" } }, storageClassName: "local-ssd" },
    });
  });
});

/** A hardened pod from the templates' own builders, and the pod spec Kubernetes must receive. */
const container = hardenedContainer({
  name: "portal",
  image: "registry.gov.example/health/portal:1.0",
  resources: { cpu: "500m", memory: "512Mi" },
  ports: [{ name: "http", containerPort: 8080 }],
  livenessProbe: { tcpSocket: [{ port: "http" }], periodSeconds: 10 },
  readinessProbe: { httpGet: { path: "/ready", port: "8080" }, periodSeconds: 5 },
  env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
});
const podSpec = hardenedPodSpec({
  props: { level: 3, nodePool: "level3", priorityClassName: "govcloud-level-3" },
  serviceAccountName: "portal",
  userId: 10001,
  containers: [container],
  volumes: [{ name: "config", configMap: { name: "portal", defaultMode: "0644" } }],
  spreadSelector: { "app.kubernetes.io/name": "portal" },
  terminationGracePeriodSeconds: 30,
});
const expectedPodSpec = {
  automountServiceAccountToken: false,
  containers: [
    {
      env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { key: "password", name: "db" } } }],
      image: "registry.gov.example/health/portal:1.0",
      imagePullPolicy: "Always",
      livenessProbe: { periodSeconds: 10, tcpSocket: { port: "http" } },
      name: "portal",
      ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
      readinessProbe: { httpGet: { path: "/ready", port: 8080 }, periodSeconds: 5 },
      resources: { limits: { cpu: "500m", memory: "512Mi" }, requests: { cpu: "500m", memory: "512Mi" } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, privileged: false, readOnlyRootFilesystem: true },
      volumeMounts: [{ mountPath: "/tmp", name: "tmp" }],
    },
  ],
  enableServiceLinks: false,
  nodeSelector: { "govcloud/node-pool": "level3" },
  priorityClassName: "govcloud-level-3",
  securityContext: { fsGroup: 10001, runAsGroup: 10001, runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
  serviceAccountName: "portal",
  terminationGracePeriodSeconds: 30,
  tolerations: [{ effect: "NoSchedule", key: "govcloud/dedicated", operator: "Equal", value: "level3" }],
  topologySpreadConstraints: [
    { labelSelector: { matchLabels: { "app.kubernetes.io/name": "portal" } }, maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule" },
  ],
  volumes: [
    { emptyDir: { sizeLimit: "1Gi" }, name: "tmp" },
    { configMap: { defaultMode: 0o644, name: "portal" }, name: "config" },
  ],
};
const template = { metadata: { labels: LABELS }, spec: podSpec };
const expectedTemplate = { metadata: { labels: LABELS }, spec: expectedPodSpec };
const selector = { matchLabels: { "app.kubernetes.io/name": "portal" } };

describe("conversion of workloads", () => {
  it("kubernetes_deployment_v1: replicas and user ids become integers, singular blocks become the API's lists, tcp_socket a single object", () => {
    expect(
      objectOf("kubernetes_deployment_v1", (scope, namespace) => {
        new DeploymentV1(scope, "deployment", {
          provider: provider(scope),
          metadata: { name: "portal", namespace: ns(namespace), labels: LABELS },
          spec: { replicas: "2", selector, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "0" } }, template },
          waitForRollout: false,
        });
      }),
    ).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "portal", namespace: "health-prod", labels: LABELS },
      spec: { replicas: 2, selector, strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 }, type: "RollingUpdate" }, template: expectedTemplate },
    });
  });

  it("kubernetes_stateful_set_v1: volume_claim_template → volumeClaimTemplates, one-item lists → objects", () => {
    expect(
      objectOf("kubernetes_stateful_set_v1", (scope, namespace) => {
        new StatefulSetV1(scope, "stateful-set", {
          provider: provider(scope),
          metadata: { name: "db", namespace: ns(namespace) },
          spec: {
            replicas: "1",
            serviceName: "db-headless",
            selector,
            template,
            updateStrategy: [{ type: "RollingUpdate", rollingUpdate: [{ partition: 0 }] }],
            persistentVolumeClaimRetentionPolicy: [{ whenDeleted: "Retain", whenScaled: "Retain" }],
            volumeClaimTemplate: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } }],
          },
        });
      }),
    ).toEqual({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "health-prod" },
      spec: {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
        replicas: 1,
        selector,
        serviceName: "db-headless",
        template: expectedTemplate,
        updateStrategy: { rollingUpdate: { partition: 0 }, type: "RollingUpdate" },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } }],
      },
    });
  });

  it("kubernetes_cron_job_v1: jobTemplate with its pod template, timezone → timeZone, ttl as an integer", () => {
    expect(
      objectOf("kubernetes_cron_job_v1", (scope, namespace) => {
        new CronJobV1(scope, "cron", {
          provider: provider(scope),
          metadata: { name: "report", namespace: ns(namespace) },
          spec: {
            schedule: "0 1 * * *",
            timezone: "Asia/Shanghai",
            concurrencyPolicy: "Forbid",
            jobTemplate: { metadata: { labels: LABELS }, spec: { backoffLimit: 2, ttlSecondsAfterFinished: "3600", template } },
          },
        });
      }),
    ).toEqual({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "health-prod" },
      spec: {
        concurrencyPolicy: "Forbid",
        jobTemplate: { metadata: { labels: LABELS }, spec: { backoffLimit: 2, template: expectedTemplate, ttlSecondsAfterFinished: 3600 } },
        schedule: "0 1 * * *",
        timeZone: "Asia/Shanghai",
      },
    });
  });
});
