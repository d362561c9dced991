/**
 * The kinds a live snapshot holds: exactly what govcloud reasons about, and what the README's
 * `kubectl get` command asks for. Secrets are never among them (their data is never read), and
 * any other kind in a snapshot is reported, not guessed at.
 */
export interface SnapshotKind {
  /** `group/version`, or `v1` for the core group. */
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The resource name `kubectl get` takes. */
  readonly resource: string;
}

export const SNAPSHOT_KINDS: readonly SnapshotKind[] = [
  { apiVersion: "v1", kind: "Namespace", namespaced: false, resource: "namespaces" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", namespaced: true, resource: "networkpolicies.networking.k8s.io" },
  { apiVersion: "v1", kind: "Pod", namespaced: true, resource: "pods" },
  { apiVersion: "apps/v1", kind: "Deployment", namespaced: true, resource: "deployments.apps" },
  { apiVersion: "apps/v1", kind: "ReplicaSet", namespaced: true, resource: "replicasets.apps" },
  { apiVersion: "apps/v1", kind: "StatefulSet", namespaced: true, resource: "statefulsets.apps" },
  { apiVersion: "apps/v1", kind: "DaemonSet", namespaced: true, resource: "daemonsets.apps" },
  { apiVersion: "batch/v1", kind: "Job", namespaced: true, resource: "jobs.batch" },
  { apiVersion: "batch/v1", kind: "CronJob", namespaced: true, resource: "cronjobs.batch" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", namespaced: true, resource: "horizontalpodautoscalers.autoscaling" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", namespaced: true, resource: "poddisruptionbudgets.policy" },
  { apiVersion: "v1", kind: "Service", namespaced: true, resource: "services" },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespaced: true, resource: "ingresses.networking.k8s.io" },
  { apiVersion: "v1", kind: "ServiceAccount", namespaced: true, resource: "serviceaccounts" },
  { apiVersion: "v1", kind: "PersistentVolumeClaim", namespaced: true, resource: "persistentvolumeclaims" },
  { apiVersion: "v1", kind: "ResourceQuota", namespaced: true, resource: "resourcequotas" },
  { apiVersion: "v1", kind: "LimitRange", namespaced: true, resource: "limitranges" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", namespaced: true, resource: "roles.rbac.authorization.k8s.io" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", namespaced: true, resource: "rolebindings.rbac.authorization.k8s.io" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", namespaced: false, resource: "clusterroles.rbac.authorization.k8s.io" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", namespaced: false, resource: "clusterrolebindings.rbac.authorization.k8s.io" },
  { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", namespaced: false, resource: "priorityclasses.scheduling.k8s.io" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", namespaced: false, resource: "validatingadmissionpolicies.admissionregistration.k8s.io" },
  {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    namespaced: false,
    resource: "validatingadmissionpolicybindings.admissionregistration.k8s.io",
  },
  // Cross-cluster sharing: the client and server certificates and the CA that signs them.
  { apiVersion: "cert-manager.io/v1", kind: "Certificate", namespaced: true, resource: "certificates.cert-manager.io" },
  { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", namespaced: false, resource: "clusterissuers.cert-manager.io" },
  // Where each tenant Secret comes from, when the platform names a secret store (never the Secrets themselves).
  { apiVersion: "external-secrets.io/v1", kind: "ExternalSecret", namespaced: true, resource: "externalsecrets.external-secrets.io" },
];

const BY_KEY = new Map(SNAPSHOT_KINDS.map((k) => [`${k.apiVersion}/${k.kind}`, k]));

export function snapshotKind(apiVersion: string, kind: string): SnapshotKind | undefined {
  return BY_KEY.get(`${apiVersion}/${kind}`);
}

/** The file of a cluster's snapshot folder that says when it was taken (an RFC 3339 UTC time). */
export const TAKEN_AT_FILE = "taken-at";

/**
 * The read-only commands that capture one cluster into `<snapshot>/<cluster>/`: list form, every
 * namespace, the kinds above by their full resource names (so no CRD with a short name of its own
 * can stand in). The auditor ClusterRole the platform defines is enough to run them.
 */
export function captureCommands(cluster: string, context = "<context>"): string[] {
  const resources = SNAPSHOT_KINDS.map((k) => k.resource).join(",");
  return [
    `mkdir -p snapshot/${cluster}`,
    `date -u +%Y-%m-%dT%H:%M:%SZ > snapshot/${cluster}/${TAKEN_AT_FILE}`,
    `kubectl --context ${context} get ${resources} --all-namespaces -o yaml > snapshot/${cluster}/objects.yaml`,
  ];
}
