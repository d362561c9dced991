/**
 * Fields the API server (and the controllers that run beside it) fill in on objects Terraform
 * applied, so that a live object carrying them is still the declared one. Each entry holds for the
 * kinds named, at a path written with `[]` for any list item and `{pod}` for the pod spec of any
 * workload (`spec` of a Pod, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`), and is
 * ignored only with the value the defaulting gives (or any value, for what the server assigns:
 * cluster IPs, bound volumes, aggregated rules). Taken from the defaulting functions of the API
 * groups (core/v1, apps/v1, batch/v1, networking/v1, rbac/v1, admissionregistration/v1,
 * scheduling/v1) and the admission plugins a cluster runs by default (DefaultStorageClass,
 * DefaultTolerationSeconds, Priority, ServiceAccount).
 */

import type { FieldPath } from "../../../config/declaration/problem";

/** The server assigns the value, whatever it is. */
export const ASSIGNED = Symbol("assigned by the server");

/** A default computed from the object around it (the parent of the field). */
type Fields = Record<string, any>;
type Derived = (parent: Fields, object: Fields) => unknown;

interface ServerField {
  readonly kinds: readonly string[] | "*";
  readonly path: string;
  readonly value: unknown | typeof ASSIGNED | Derived;
}

const WORKLOADS = ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"];
const PODS = ["Pod"];
const JOBS = ["Job", "CronJob"];

/** `Always` for an image without a tag or tagged latest, else `IfNotPresent` (core/v1 SetDefaults_Container). */
const pullPolicyOf: Derived = (container) => {
  const image = String(container.image ?? "");
  const afterSlash = image.slice(image.lastIndexOf("/") + 1);
  return image.includes("@") || (afterSlash.includes(":") && !afterSlash.endsWith(":latest")) ? "IfNotPresent" : "Always";
};

const FIELDS: readonly ServerField[] = [
  // Every object's bookkeeping.
  { kinds: "*", path: "metadata.uid", value: ASSIGNED },
  { kinds: "*", path: "metadata.resourceVersion", value: ASSIGNED },
  { kinds: "*", path: "metadata.generation", value: ASSIGNED },
  { kinds: "*", path: "metadata.creationTimestamp", value: ASSIGNED },
  { kinds: "*", path: "metadata.managedFields", value: ASSIGNED },
  { kinds: "*", path: "metadata.selfLink", value: ASSIGNED },
  { kinds: "*", path: "status", value: ASSIGNED },
  { kinds: "*", path: "metadata.annotations.kubectl.kubernetes.io/last-applied-configuration", value: ASSIGNED },
  { kinds: ["Namespace"], path: "metadata.labels.kubernetes.io/metadata.name", value: (_labels: Fields, object: Fields) => (object.metadata as { name?: string }).name },
  { kinds: ["Namespace"], path: "spec", value: { finalizers: ["kubernetes"] } },
  { kinds: ["Namespace"], path: "spec.finalizers", value: ["kubernetes"] },
  // Pod specs, wherever a workload keeps one.
  { kinds: WORKLOADS, path: "{pod}.dnsPolicy", value: "ClusterFirst" },
  { kinds: WORKLOADS, path: "{pod}.restartPolicy", value: "Always" },
  { kinds: WORKLOADS, path: "{pod}.schedulerName", value: "default-scheduler" },
  { kinds: WORKLOADS, path: "{pod}.securityContext", value: {} },
  { kinds: WORKLOADS, path: "{pod}.terminationGracePeriodSeconds", value: 30 },
  { kinds: WORKLOADS, path: "{pod}.serviceAccount", value: (spec: Fields) => spec.serviceAccountName },
  { kinds: WORKLOADS, path: "{pod}.containers[].terminationMessagePath", value: "/dev/termination-log" },
  { kinds: WORKLOADS, path: "{pod}.containers[].terminationMessagePolicy", value: "File" },
  { kinds: WORKLOADS, path: "{pod}.containers[].imagePullPolicy", value: pullPolicyOf },
  { kinds: WORKLOADS, path: "{pod}.containers[].resources", value: {} },
  { kinds: WORKLOADS, path: "{pod}.containers[].resources.requests", value: (resources: Fields) => resources.limits },
  { kinds: WORKLOADS, path: "{pod}.containers[].ports[].protocol", value: "TCP" },
  { kinds: WORKLOADS, path: "{pod}.initContainers[].terminationMessagePath", value: "/dev/termination-log" },
  { kinds: WORKLOADS, path: "{pod}.initContainers[].terminationMessagePolicy", value: "File" },
  { kinds: WORKLOADS, path: "{pod}.initContainers[].imagePullPolicy", value: pullPolicyOf },
  { kinds: WORKLOADS, path: "{pod}.initContainers[].resources", value: {} },
  { kinds: WORKLOADS, path: "{pod}.initContainers[].resources.requests", value: (resources: Fields) => resources.limits },
  ...["livenessProbe", "readinessProbe", "startupProbe"].flatMap((probe) =>
    ["containers", "initContainers"].flatMap((list) => [
      { kinds: WORKLOADS, path: `{pod}.${list}[].${probe}.timeoutSeconds`, value: 1 },
      { kinds: WORKLOADS, path: `{pod}.${list}[].${probe}.periodSeconds`, value: 10 },
      { kinds: WORKLOADS, path: `{pod}.${list}[].${probe}.successThreshold`, value: 1 },
      { kinds: WORKLOADS, path: `{pod}.${list}[].${probe}.failureThreshold`, value: 3 },
      { kinds: WORKLOADS, path: `{pod}.${list}[].${probe}.httpGet.scheme`, value: "HTTP" },
    ]),
  ),
  { kinds: WORKLOADS, path: "{pod}.containers[].env[].valueFrom.fieldRef.apiVersion", value: "v1" },
  { kinds: WORKLOADS, path: "{pod}.volumes[].configMap.defaultMode", value: 420 },
  { kinds: WORKLOADS, path: "{pod}.volumes[].secret.defaultMode", value: 420 },
  { kinds: WORKLOADS, path: "{pod}.volumes[].projected.defaultMode", value: 420 },
  { kinds: ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"], path: "spec.template.metadata.creationTimestamp", value: null },
  { kinds: ["CronJob"], path: "spec.jobTemplate.spec.template.metadata.creationTimestamp", value: null },
  { kinds: ["CronJob"], path: "spec.jobTemplate.metadata.creationTimestamp", value: null },
  // What only Pods get, from defaulting and admission.
  { kinds: PODS, path: "{pod}.enableServiceLinks", value: true },
  { kinds: PODS, path: "{pod}.nodeName", value: ASSIGNED },
  { kinds: PODS, path: "{pod}.priority", value: ASSIGNED },
  { kinds: PODS, path: "{pod}.preemptionPolicy", value: "PreemptLowerPriority" },
  { kinds: PODS, path: "{pod}.hostname", value: ASSIGNED },
  { kinds: PODS, path: "{pod}.subdomain", value: ASSIGNED },
  // Controllers.
  { kinds: ["Deployment", "StatefulSet", "ReplicaSet"], path: "spec.replicas", value: 1 },
  { kinds: ["Deployment"], path: "spec.progressDeadlineSeconds", value: 600 },
  { kinds: ["Deployment", "StatefulSet", "DaemonSet"], path: "spec.revisionHistoryLimit", value: 10 },
  { kinds: ["Deployment"], path: "spec.strategy", value: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } } },
  { kinds: ["Deployment"], path: "spec.strategy.type", value: "RollingUpdate" },
  { kinds: ["Deployment"], path: "spec.strategy.rollingUpdate", value: { maxSurge: "25%", maxUnavailable: "25%" } },
  { kinds: ["Deployment"], path: "spec.strategy.rollingUpdate.maxSurge", value: "25%" },
  { kinds: ["Deployment"], path: "spec.strategy.rollingUpdate.maxUnavailable", value: "25%" },
  { kinds: ["Deployment"], path: "metadata.annotations.deployment.kubernetes.io/revision", value: ASSIGNED },
  { kinds: ["StatefulSet"], path: "spec.podManagementPolicy", value: "OrderedReady" },
  { kinds: ["StatefulSet"], path: "spec.updateStrategy", value: { type: "RollingUpdate", rollingUpdate: { partition: 0 } } },
  { kinds: ["StatefulSet"], path: "spec.updateStrategy.type", value: "RollingUpdate" },
  { kinds: ["StatefulSet"], path: "spec.updateStrategy.rollingUpdate", value: { partition: 0 } },
  { kinds: ["StatefulSet"], path: "spec.updateStrategy.rollingUpdate.partition", value: 0 },
  { kinds: ["StatefulSet"], path: "spec.persistentVolumeClaimRetentionPolicy", value: { whenDeleted: "Retain", whenScaled: "Retain" } },
  { kinds: ["StatefulSet"], path: "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", value: "Retain" },
  { kinds: ["StatefulSet"], path: "spec.persistentVolumeClaimRetentionPolicy.whenScaled", value: "Retain" },
  { kinds: ["StatefulSet"], path: "spec.volumeClaimTemplates[].apiVersion", value: "v1" },
  { kinds: ["StatefulSet"], path: "spec.volumeClaimTemplates[].kind", value: "PersistentVolumeClaim" },
  { kinds: ["StatefulSet"], path: "spec.volumeClaimTemplates[].spec.volumeMode", value: "Filesystem" },
  { kinds: ["StatefulSet"], path: "spec.volumeClaimTemplates[].status", value: ASSIGNED },
  { kinds: ["StatefulSet"], path: "spec.volumeClaimTemplates[].metadata.creationTimestamp", value: null },
  { kinds: ["CronJob"], path: "spec.concurrencyPolicy", value: "Allow" },
  { kinds: ["CronJob"], path: "spec.suspend", value: false },
  { kinds: ["CronJob"], path: "spec.successfulJobsHistoryLimit", value: 3 },
  { kinds: ["CronJob"], path: "spec.failedJobsHistoryLimit", value: 1 },
  ...[
    ["backoffLimit", 6] as const,
    ["completions", 1],
    ["parallelism", 1],
    ["completionMode", "NonIndexed"],
    ["suspend", false],
    ["podReplacementPolicy", "TerminatingOrFailed"],
    ["manualSelector", ASSIGNED],
    ["selector", ASSIGNED],
  ].flatMap(([field, value]) => [
    // (each Job default, on a Job and inside a CronJob's job template)
    { kinds: ["Job"], path: `spec.${String(field)}`, value },
    { kinds: ["CronJob"], path: `spec.jobTemplate.spec.${String(field)}`, value },
  ]),
  { kinds: JOBS, path: "spec.template.metadata.labels.controller-uid", value: ASSIGNED },
  { kinds: JOBS, path: "spec.template.metadata.labels.job-name", value: ASSIGNED },
  { kinds: JOBS, path: "spec.template.metadata.labels.batch.kubernetes.io/controller-uid", value: ASSIGNED },
  { kinds: JOBS, path: "spec.template.metadata.labels.batch.kubernetes.io/job-name", value: ASSIGNED },
  // Services: addresses are assigned, the rest defaulted.
  { kinds: ["Service"], path: "spec.clusterIP", value: ASSIGNED },
  { kinds: ["Service"], path: "spec.clusterIPs", value: ASSIGNED },
  { kinds: ["Service"], path: "spec.ipFamilies", value: ASSIGNED },
  { kinds: ["Service"], path: "spec.ipFamilyPolicy", value: "SingleStack" },
  { kinds: ["Service"], path: "spec.type", value: "ClusterIP" },
  { kinds: ["Service"], path: "spec.sessionAffinity", value: "None" },
  { kinds: ["Service"], path: "spec.internalTrafficPolicy", value: "Cluster" },
  { kinds: ["Service"], path: "spec.ports[].protocol", value: "TCP" },
  { kinds: ["Service"], path: "spec.ports[].targetPort", value: (port: Fields) => port.port },
  // Network policies: the policy types follow from the rules present (networking/v1 SetDefaults_NetworkPolicy).
  { kinds: ["NetworkPolicy"], path: "spec.policyTypes", value: (spec: Fields) => ["Ingress", ...(spec.egress !== undefined ? ["Egress"] : [])] },
  { kinds: ["NetworkPolicy"], path: "spec.ingress[].ports[].protocol", value: "TCP" },
  { kinds: ["NetworkPolicy"], path: "spec.egress[].ports[].protocol", value: "TCP" },
  // RBAC.
  { kinds: ["RoleBinding", "ClusterRoleBinding"], path: "subjects[].apiGroup", value: (subject: Fields) => (subject.kind === "ServiceAccount" ? "" : "rbac.authorization.k8s.io") },
  { kinds: ["ClusterRole"], path: "rules", value: (role: Fields) => (role.aggregationRule !== undefined ? ASSIGNED : undefined) },
  { kinds: ["ServiceAccount"], path: "secrets", value: ASSIGNED },
  // Claims: the default storage class, and the volume the controller bound.
  { kinds: ["PersistentVolumeClaim"], path: "spec.volumeMode", value: "Filesystem" },
  { kinds: ["PersistentVolumeClaim"], path: "spec.storageClassName", value: ASSIGNED },
  { kinds: ["PersistentVolumeClaim"], path: "spec.volumeName", value: (_spec: Fields, object: Fields) => ((object.metadata as { annotations?: Record<string, string> }).annotations?.["pv.kubernetes.io/bound-by-controller"] === "yes" ? ASSIGNED : undefined) },
  { kinds: ["PersistentVolumeClaim"], path: "metadata.finalizers", value: ["kubernetes.io/pvc-protection"] },
  ...["pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller", "volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/storage-provisioner", "volume.kubernetes.io/selected-node"].map((key) => ({
    kinds: ["PersistentVolumeClaim"],
    path: `metadata.annotations.${key}`,
    value: ASSIGNED,
  })),
  { kinds: ["PriorityClass"], path: "preemptionPolicy", value: "PreemptLowerPriority" },
  // Admission policies.
  { kinds: ["ValidatingAdmissionPolicy"], path: "spec.failurePolicy", value: "Fail" },
  { kinds: ["ValidatingAdmissionPolicy"], path: "spec.matchConstraints.matchPolicy", value: "Equivalent" },
  { kinds: ["ValidatingAdmissionPolicy"], path: "spec.matchConstraints.namespaceSelector", value: {} },
  { kinds: ["ValidatingAdmissionPolicy"], path: "spec.matchConstraints.objectSelector", value: {} },
  { kinds: ["ValidatingAdmissionPolicy"], path: "spec.matchConstraints.resourceRules[].scope", value: "*" },
  { kinds: ["ValidatingAdmissionPolicyBinding"], path: "spec.matchResources", value: { matchPolicy: "Equivalent", namespaceSelector: {}, objectSelector: {} } },
  { kinds: ["ValidatingAdmissionPolicyBinding"], path: "spec.matchResources.matchPolicy", value: "Equivalent" },
  { kinds: ["ValidatingAdmissionPolicyBinding"], path: "spec.matchResources.namespaceSelector", value: {} },
  { kinds: ["ValidatingAdmissionPolicyBinding"], path: "spec.matchResources.objectSelector", value: {} },
  // LimitRange items of type Container: the request defaults to the default limit (core/v1 SetDefaults_LimitRangeItem).
  { kinds: ["LimitRange"], path: "spec.limits[].defaultRequest", value: (item: Fields) => item.default },
  { kinds: ["LimitRange"], path: "spec.limits[].default", value: (item: Fields) => item.max },
];

const POD_SPEC_PREFIXES: ReadonlyArray<[string, string]> = [
  ["spec.jobTemplate.spec.template.spec", "CronJob"],
  ["spec.template.spec", "*"],
];

/** `["spec","template","spec","containers",0,"ports",1,"protocol"]` → `{pod}.containers[].ports[].protocol`. */
export function fieldPattern(kind: string, path: FieldPath): string {
  let pattern = path.map((segment, i) => (typeof segment === "number" ? "[]" : i === 0 ? segment : `.${segment}`)).join("");
  if (kind === "Pod" && (pattern === "spec" || pattern.startsWith("spec."))) return `{pod}${pattern.slice("spec".length)}`;
  for (const [prefix, kinds] of POD_SPEC_PREFIXES) {
    if ((kinds === "*" || kinds === kind) && (pattern === prefix || pattern.startsWith(`${prefix}.`))) {
      pattern = `{pod}${pattern.slice(prefix.length)}`;
      break;
    }
  }
  return pattern;
}

const BY_PATTERN = new Map<string, ServerField[]>();
for (const field of FIELDS) BY_PATTERN.set(field.path, [...(BY_PATTERN.get(field.path) ?? []), field]);

/**
 * Whether a field only the live object has is one the server filled in: `path` is its place in the
 * object, `parent` the live object or list item holding it, `object` the whole live object.
 */
export function isServerFilled(kind: string, path: FieldPath, value: unknown, parent: Record<string, unknown>, object: Record<string, unknown>): boolean {
  for (const field of BY_PATTERN.get(fieldPattern(kind, path)) ?? []) {
    if (field.kinds !== "*" && !field.kinds.includes(kind)) continue;
    const expected = typeof field.value === "function" ? (field.value as Derived)(parent, object) : field.value;
    if (expected === ASSIGNED || sameValue(expected, value)) return true;
  }
  return false;
}

/** Deep equality of plain JSON values, keys in any order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(other).length && keys.every((key) => Object.prototype.hasOwnProperty.call(other, key) && sameValue((a as Record<string, unknown>)[key], other[key]));
}
