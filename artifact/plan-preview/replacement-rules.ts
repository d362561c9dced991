/**
 * Which attributes force Terraform to replace an object, per resource type of the
 * hashicorp/kubernetes provider 2.38 (read from its source at v2.38.0; the project's reference
 * table lists file and line for each). Paths are Terraform attribute paths with block indexes
 * left out. `count` marks a ForceNew nested block: in the provider's SDK that flag reacts only
 * to adding or removing the block, never to edits inside it. `computed` marks an Optional and
 * Computed attribute: leaving it out keeps the value in state, so only a new value replaces.
 */
export interface ReplacementRule {
  readonly path: readonly string[];
  readonly count?: true;
  readonly computed?: true;
}

const rule = (path: string, flags: { count?: true; computed?: true } = {}): ReplacementRule => ({ path: path.split("."), ...flags });

const NAMESPACED_METADATA = (prefix = "metadata") => [rule(`${prefix}.name`, { computed: true }), rule(`${prefix}.namespace`), rule(`${prefix}.generate_name`)];
const CLUSTER_METADATA = [rule("metadata.name", { computed: true }), rule("metadata.generate_name")];

const labelSelector = (prefix: string) => [
  rule(`${prefix}.match_expressions`, { count: true }),
  rule(`${prefix}.match_expressions.key`),
  rule(`${prefix}.match_expressions.operator`),
  rule(`${prefix}.match_expressions.values`),
  rule(`${prefix}.match_labels`),
];

const claimSpec = (prefix: string) => [
  rule(`${prefix}.access_modes`),
  rule(`${prefix}.resources.limits`),
  rule(`${prefix}.selector`, { count: true }),
  ...labelSelector(`${prefix}.selector`),
  rule(`${prefix}.volume_name`, { computed: true }),
  rule(`${prefix}.storage_class_name`, { computed: true }),
  rule(`${prefix}.volume_mode`, { computed: true }),
];

/** The pod-spec attributes that force replacement whatever the caller (the reference's set P). */
const podSpec = (root: string) => {
  const required = `${root}.affinity.node_affinity.required_during_scheduling_ignored_during_execution.node_selector_term.match_fields`;
  const preferred = `${root}.affinity.node_affinity.preferred_during_scheduling_ignored_during_execution.preference.match_fields`;
  return [
    ...[required, preferred].flatMap((p) => [rule(p, { count: true }), rule(`${p}.key`), rule(`${p}.operator`), rule(`${p}.values`)]),
    rule(`${root}.volume.azure_file.secret_namespace`),
    ...claimSpec(`${root}.volume.ephemeral.volume_claim_template.spec`),
  ];
};

export const REPLACEMENT_RULES: Readonly<Record<string, readonly ReplacementRule[]>> = {
  kubernetes_namespace_v1: CLUSTER_METADATA,
  kubernetes_network_policy_v1: NAMESPACED_METADATA(),
  kubernetes_deployment_v1: [
    ...NAMESPACED_METADATA(),
    rule("spec.selector", { count: true }),
    ...labelSelector("spec.selector"),
    ...NAMESPACED_METADATA("spec.template.metadata"),
    ...podSpec("spec.template.spec"),
  ],
  kubernetes_stateful_set_v1: [
    ...NAMESPACED_METADATA(),
    rule("spec.pod_management_policy", { computed: true }),
    rule("spec.revision_history_limit", { computed: true }),
    rule("spec.service_name"),
    ...labelSelector("spec.selector"),
    rule("spec.volume_claim_template", { count: true }),
    ...NAMESPACED_METADATA("spec.volume_claim_template.metadata"),
    ...claimSpec("spec.volume_claim_template.spec"),
    ...NAMESPACED_METADATA("spec.template.metadata"),
    ...podSpec("spec.template.spec"),
  ],
  kubernetes_service_v1: [
    ...NAMESPACED_METADATA(),
    rule("spec.cluster_ip", { computed: true }),
    rule("spec.cluster_ips", { computed: true }),
    rule("spec.load_balancer_class"),
    rule("spec.health_check_node_port", { computed: true }),
  ],
  kubernetes_service_account_v1: NAMESPACED_METADATA(),
  kubernetes_ingress_v1: NAMESPACED_METADATA(),
  kubernetes_cron_job_v1: [
    ...NAMESPACED_METADATA(),
    ...NAMESPACED_METADATA("spec.job_template.metadata"),
    rule("spec.job_template.spec.backoff_limit_per_index"),
    rule("spec.job_template.spec.completions"),
    rule("spec.job_template.spec.completion_mode", { computed: true }),
    rule("spec.job_template.spec.pod_failure_policy", { count: true }),
    rule("spec.job_template.spec.selector", { count: true }),
    ...labelSelector("spec.job_template.spec.selector"),
    rule("spec.job_template.spec.template.metadata.name", { computed: true }),
    rule("spec.job_template.spec.template.metadata.generate_name"),
    rule("spec.job_template.spec.template.spec", { count: true }),
    ...podSpec("spec.job_template.spec.template.spec"),
  ],
  kubernetes_resource_quota_v1: [...NAMESPACED_METADATA(), rule("spec.scopes")],
  kubernetes_limit_range_v1: NAMESPACED_METADATA(),
  kubernetes_role_v1: NAMESPACED_METADATA(),
  kubernetes_role_binding_v1: [...NAMESPACED_METADATA(), rule("role_ref.api_group"), rule("role_ref.kind"), rule("role_ref.name")],
  kubernetes_cluster_role_v1: CLUSTER_METADATA,
  kubernetes_cluster_role_binding_v1: [...CLUSTER_METADATA, rule("role_ref.api_group"), rule("role_ref.kind"), rule("role_ref.name")],
  kubernetes_persistent_volume_claim_v1: [...NAMESPACED_METADATA(), ...claimSpec("spec")],
  kubernetes_pod_disruption_budget_v1: [...NAMESPACED_METADATA(), rule("spec.max_unavailable"), rule("spec.min_available"), ...labelSelector("spec.selector")],
  kubernetes_horizontal_pod_autoscaler_v2: NAMESPACED_METADATA(),
  kubernetes_priority_class_v1: [...CLUSTER_METADATA, rule("value"), rule("preemption_policy")],
  // Replacement of raw manifests is decided by the provider's plan itself: identity fields only
  // (for the structural kinds govcloud emits).
  kubernetes_manifest: [rule("manifest.apiVersion"), rule("manifest.kind"), rule("manifest.metadata.name"), rule("manifest.metadata.namespace")],
};

/** The path of a volume claim's storage request, which may grow in place but never shrink (the PVC's CustomizeDiff). */
export const CLAIM_STORAGE_PATH = ["spec", "resources", "requests", "storage"];
