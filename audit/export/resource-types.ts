import { type Block, int, intOrString, many, map, one, renamed } from "./field-rules";
import { LABEL_SELECTOR, OBJECT_META } from "./object-meta-block";
import { PERSISTENT_VOLUME_CLAIM_SPEC, POD_TEMPLATE } from "./pod-template-block";

/** How one Terraform resource type of the Kubernetes provider becomes one Kubernetes object. */
export interface ResourceType {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The resource's top-level attributes (besides `metadata`, which every type has). */
  readonly block: Block;
  /** Top-level attributes that steer Terraform or the provider and are not part of the object. */
  readonly terraformOnly?: readonly string[];
}

/** Terraform meta-arguments and cdktf metadata, on every resource. */
export const TERRAFORM_META_ARGUMENTS: ReadonlySet<string> = new Set([
  "//",
  "provider",
  "depends_on",
  "count",
  "for_each",
  "lifecycle",
  "provisioner",
  "connection",
  "timeouts",
]);

const ROLE_REF_AND_SUBJECTS: Block = {
  role_ref: one({}),
  subject: many({}, "subjects"),
};

const WORKLOAD_SELECTOR = one(LABEL_SELECTOR);

const JOB_SPEC: Block = {
  selector: WORKLOAD_SELECTOR,
  template: one(POD_TEMPLATE),
  ttl_seconds_after_finished: int(),
  pod_failure_policy: one({ rule: many({ on_exit_codes: one({}), on_pod_condition: many({}, "onPodConditions") }, "rules") }),
};

const METRIC_TARGET = one({});
const METRIC_IDENTIFIER = one({ selector: one(LABEL_SELECTOR) });
const SCALING_RULES = one({ policy: many({}, "policies") });

/** The provider's resource types that the platform emits, by Terraform type. */
export const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  kubernetes_namespace_v1: {
    apiVersion: "v1",
    kind: "Namespace",
    namespaced: false,
    block: {},
    terraformOnly: ["wait_for_default_service_account"],
  },
  kubernetes_resource_quota_v1: {
    apiVersion: "v1",
    kind: "ResourceQuota",
    namespaced: true,
    block: { spec: one({ hard: map(), scope_selector: one({ match_expression: many({}, "matchExpressions") }) }) },
  },
  kubernetes_limit_range_v1: {
    apiVersion: "v1",
    kind: "LimitRange",
    namespaced: true,
    block: {
      spec: one({
        limit: many(
          { default: map(), default_request: map(), max: map(), min: map(), max_limit_request_ratio: map() },
          "limits",
        ),
      }),
    },
  },
  kubernetes_network_policy_v1: {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    namespaced: true,
    block: {
      spec: one({
        pod_selector: one(LABEL_SELECTOR),
        ingress: many({ from: many(peerBlock()), ports: many({ port: intOrString() }) }),
        egress: many({ to: many(peerBlock()), ports: many({ port: intOrString() }) }),
      }),
    },
  },
  kubernetes_role_binding_v1: {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    namespaced: true,
    block: ROLE_REF_AND_SUBJECTS,
  },
  kubernetes_cluster_role_binding_v1: {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    namespaced: false,
    block: ROLE_REF_AND_SUBJECTS,
  },
  kubernetes_role_v1: {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    namespaced: true,
    block: { rule: many({}, "rules") },
  },
  kubernetes_cluster_role_v1: {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    namespaced: false,
    block: {
      rule: many({}, "rules"),
      aggregation_rule: one({ cluster_role_selectors: many(LABEL_SELECTOR) }),
    },
  },
  kubernetes_priority_class_v1: {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    namespaced: false,
    block: {},
  },
  kubernetes_service_account_v1: {
    apiVersion: "v1",
    kind: "ServiceAccount",
    namespaced: true,
    block: { secret: many({}, "secrets"), image_pull_secret: many({}, "imagePullSecrets") },
  },
  kubernetes_deployment_v1: {
    apiVersion: "apps/v1",
    kind: "Deployment",
    namespaced: true,
    block: {
      spec: one({
        replicas: int(),
        selector: WORKLOAD_SELECTOR,
        strategy: one({ rolling_update: one({ max_surge: intOrString(), max_unavailable: intOrString() }) }),
        template: one(POD_TEMPLATE),
      }),
    },
    terraformOnly: ["wait_for_rollout"],
  },
  kubernetes_stateful_set_v1: {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    namespaced: true,
    block: {
      spec: one({
        replicas: int(),
        selector: WORKLOAD_SELECTOR,
        template: one(POD_TEMPLATE),
        update_strategy: one({ rolling_update: one({ partition: int(), max_unavailable: intOrString() }) }),
        persistent_volume_claim_retention_policy: one({}),
        volume_claim_template: many({ metadata: one(OBJECT_META), spec: one(PERSISTENT_VOLUME_CLAIM_SPEC) }, "volumeClaimTemplates"),
      }),
    },
    terraformOnly: ["wait_for_rollout"],
  },
  kubernetes_cron_job_v1: {
    apiVersion: "batch/v1",
    kind: "CronJob",
    namespaced: true,
    block: {
      spec: one({
        timezone: renamed("timeZone"),
        job_template: one({ metadata: one(OBJECT_META), spec: one(JOB_SPEC) }),
      }),
    },
  },
  kubernetes_job_v1: {
    apiVersion: "batch/v1",
    kind: "Job",
    namespaced: true,
    block: { spec: one(JOB_SPEC) },
    terraformOnly: ["wait_for_completion"],
  },
  kubernetes_service_v1: {
    apiVersion: "v1",
    kind: "Service",
    namespaced: true,
    block: {
      spec: one({
        selector: map(),
        port: many({ target_port: intOrString() }, "ports"),
        session_affinity_config: one({ client_ip: one({}) }),
      }),
    },
    terraformOnly: ["wait_for_load_balancer"],
  },
  kubernetes_pod_disruption_budget_v1: {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    namespaced: true,
    block: {
      spec: one({ selector: one(LABEL_SELECTOR), max_unavailable: intOrString(), min_available: intOrString() }),
    },
  },
  kubernetes_horizontal_pod_autoscaler_v2: {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    namespaced: true,
    block: {
      spec: one({
        scale_target_ref: one({}),
        metric: many(
          {
            resource: one({ target: METRIC_TARGET }),
            container_resource: one({ target: METRIC_TARGET }),
            pods: one({ metric: METRIC_IDENTIFIER, target: METRIC_TARGET }),
            object: one({ described_object: one({}), metric: METRIC_IDENTIFIER, target: METRIC_TARGET }),
            external: one({ metric: METRIC_IDENTIFIER, target: METRIC_TARGET }),
          },
          "metrics",
        ),
        behavior: one({ scale_up: SCALING_RULES, scale_down: SCALING_RULES }),
      }),
    },
  },
  kubernetes_ingress_v1: {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    namespaced: true,
    block: {
      spec: one({
        default_backend: one(ingressBackend()),
        rule: many({ http: one({ path: many({ backend: one(ingressBackend()) }, "paths") }) }, "rules"),
        tls: many({}),
      }),
    },
    terraformOnly: ["wait_for_load_balancer"],
  },
  kubernetes_persistent_volume_claim_v1: {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    namespaced: true,
    block: { spec: one(PERSISTENT_VOLUME_CLAIM_SPEC) },
    terraformOnly: ["wait_until_bound"],
  },
  kubernetes_config_map_v1: {
    apiVersion: "v1",
    kind: "ConfigMap",
    namespaced: true,
    block: { data: map(), binary_data: map() },
  },
};

function peerBlock(): Block {
  return { ip_block: one({}), namespace_selector: one(LABEL_SELECTOR), pod_selector: one(LABEL_SELECTOR) };
}

function ingressBackend(): Block {
  return { service: one({ port: one({}) }), resource: one({}) };
}
