import { type Block, int, intOrString, many, map, octal, one } from "./field-rules";
import { LABEL_SELECTOR, OBJECT_META } from "./object-meta-block";

/**
 * The pod template shared by Deployment, StatefulSet and CronJob (provider `template`): the
 * provider names repeated blocks in the singular (`container`, `volume_mount`, `toleration`) and
 * keeps several integers as strings (`run_as_user`, `toleration_seconds`, `default_mode`).
 */

/** Handlers of probes and lifecycle hooks: the provider holds `tcp_socket` and `grpc` as lists, the API as objects. */
const HANDLER: Block = {
  exec: one({}),
  http_get: one({ port: intOrString(), http_header: many({}, "httpHeaders") }),
  tcp_socket: one({ port: intOrString() }),
  grpc: one({}),
};

const PROBE: Block = HANDLER;

const LIFECYCLE: Block = {
  post_start: one(HANDLER),
  pre_stop: one(HANDLER),
};

const SECURITY_CONTEXT_COMMON: Block = {
  run_as_user: int(),
  run_as_group: int(),
  se_linux_options: one({}),
  seccomp_profile: one({}),
  app_armor_profile: one({}),
};

const CONTAINER_SECURITY_CONTEXT: Block = {
  ...SECURITY_CONTEXT_COMMON,
  capabilities: one({}),
};

const POD_SECURITY_CONTEXT: Block = {
  ...SECURITY_CONTEXT_COMMON,
  fs_group: int(),
  sysctl: many({}, "sysctls"),
  windows_options: one({ run_as_username: { rule: "scalar", to: "runAsUserName" } }),
};

const KEY_TO_PATH: Block = { mode: octal() };

const CONTAINER: Block = {
  port: many({}, "ports"),
  env: many({
    value_from: one({
      config_map_key_ref: one({}),
      secret_key_ref: one({}),
      field_ref: one({}),
      resource_field_ref: one({}),
    }),
  }),
  env_from: many({ config_map_ref: one({}), secret_ref: one({}) }),
  resources: one({ limits: map(), requests: map() }),
  security_context: one(CONTAINER_SECURITY_CONTEXT),
  liveness_probe: one(PROBE),
  readiness_probe: one(PROBE),
  startup_probe: one(PROBE),
  lifecycle: one(LIFECYCLE),
  volume_mount: many({}, "volumeMounts"),
  volume_device: many({}, "volumeDevices"),
};

const VOLUME: Block = {
  empty_dir: one({}),
  config_map: one({ default_mode: octal(), items: many(KEY_TO_PATH) }),
  secret: one({ default_mode: octal(), items: many(KEY_TO_PATH) }),
  persistent_volume_claim: one({}),
  host_path: one({}),
  downward_api: one(
    { default_mode: octal(), items: many({ ...KEY_TO_PATH, field_ref: one({}), resource_field_ref: one({}) }) },
    "downwardAPI",
  ),
  nfs: one({}),
};

const NODE_SELECTOR_TERM: Block = { match_expressions: many({}), match_fields: many({}) };

const POD_AFFINITY_TERM: Block = {
  label_selector: one(LABEL_SELECTOR),
  namespace_selector: one(LABEL_SELECTOR),
};

const POD_AFFINITY: Block = {
  required_during_scheduling_ignored_during_execution: many(POD_AFFINITY_TERM),
  preferred_during_scheduling_ignored_during_execution: many({ pod_affinity_term: one(POD_AFFINITY_TERM) }),
};

const AFFINITY: Block = {
  node_affinity: one({
    required_during_scheduling_ignored_during_execution: one({ node_selector_term: many(NODE_SELECTOR_TERM, "nodeSelectorTerms") }),
    preferred_during_scheduling_ignored_during_execution: many({ preference: one(NODE_SELECTOR_TERM) }),
  }),
  pod_affinity: one(POD_AFFINITY),
  pod_anti_affinity: one(POD_AFFINITY),
};

export const POD_SPEC: Block = {
  container: many(CONTAINER, "containers"),
  init_container: many(CONTAINER, "initContainers"),
  volume: many(VOLUME, "volumes"),
  toleration: many({ toleration_seconds: int() }, "tolerations"),
  topology_spread_constraint: many({ label_selector: one(LABEL_SELECTOR) }, "topologySpreadConstraints"),
  node_selector: map(),
  security_context: one(POD_SECURITY_CONTEXT),
  affinity: one(AFFINITY),
  image_pull_secrets: many({}),
  host_aliases: many({}),
  readiness_gate: many({}, "readinessGates"),
  dns_config: one({ option: many({}, "options") }),
  os: one({}),
};

export const POD_TEMPLATE: Block = {
  metadata: one(OBJECT_META),
  spec: one(POD_SPEC),
};

export const PERSISTENT_VOLUME_CLAIM_SPEC: Block = {
  resources: one({ limits: map(), requests: map() }),
  selector: one(LABEL_SELECTOR),
};
