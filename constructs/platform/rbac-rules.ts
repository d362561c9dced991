/**
 * RBAC rules of the platform's roles, written out resource by resource: no wildcards, so the
 * audit can read exactly what each role allows, and new resource kinds are not granted silently.
 */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export const READ = ["get", "list", "watch"] as const;
export const WRITE = ["get", "list", "watch", "create", "update", "patch", "delete"] as const;

/** What tenants run and manage themselves. */
const WORKLOADS: PolicyRule[] = [
  { apiGroups: [""], resources: ["pods", "services", "configmaps", "persistentvolumeclaims", "serviceaccounts"], verbs: WRITE },
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "replicasets", "daemonsets"], verbs: WRITE },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: WRITE },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: WRITE },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: WRITE },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: WRITE },
];

/** Objects of a tenant namespace that tenants may see but never change: the platform sets them. */
const GUARDRAILS_READ_ONLY: PolicyRule[] = [
  { apiGroups: [""], resources: ["resourcequotas", "limitranges", "events"], verbs: READ },
  { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: READ },
];

const WORKLOADS_READ_ONLY: PolicyRule[] = [
  { apiGroups: [""], resources: ["pods", "pods/log", "services", "configmaps", "persistentvolumeclaims", "serviceaccounts", "endpoints"], verbs: READ },
  { apiGroups: ["apps"], resources: ["deployments", "statefulsets", "replicasets", "daemonsets"], verbs: READ },
  { apiGroups: ["batch"], resources: ["jobs", "cronjobs"], verbs: READ },
  { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], verbs: READ },
  { apiGroups: ["policy"], resources: ["poddisruptionbudgets"], verbs: READ },
  { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: READ },
];

export const TENANT_ROLE_RULES = {
  /** Department admins: workloads and Secrets of their namespaces; guardrails read-only. */
  admin: [
    ...WORKLOADS,
    { apiGroups: [""], resources: ["secrets"], verbs: WRITE },
    { apiGroups: [""], resources: ["pods/log"], verbs: READ },
    { apiGroups: [""], resources: ["pods/exec", "pods/portforward"], verbs: ["create"] },
    ...GUARDRAILS_READ_ONLY,
  ],
  /** Developers: workloads, no Secrets (templates reference them by name), no exec. */
  developer: [...WORKLOADS, { apiGroups: [""], resources: ["pods/log"], verbs: READ }, ...GUARDRAILS_READ_ONLY],
  /** Viewers: read workloads and guardrails; no Secrets. */
  viewer: [...WORKLOADS_READ_ONLY, ...GUARDRAILS_READ_ONLY],
} satisfies Record<string, PolicyRule[]>;

export type TenantRole = keyof typeof TENANT_ROLE_RULES;
export const TENANT_ROLES = Object.keys(TENANT_ROLE_RULES) as TenantRole[];

/** Everything an auditor may read: every kind the platform creates, cluster-scoped ones too; never Secrets. */
const AUDITOR: PolicyRule[] = [
  ...WORKLOADS_READ_ONLY,
  ...GUARDRAILS_READ_ONLY,
  { apiGroups: [""], resources: ["namespaces", "nodes", "persistentvolumes"], verbs: READ },
  { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"], verbs: READ },
  { apiGroups: ["scheduling.k8s.io"], resources: ["priorityclasses"], verbs: READ },
  { apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingadmissionpolicies", "validatingadmissionpolicybindings"], verbs: READ },
  { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: READ },
  // The certificates of cross-cluster sharing (their keys stay in Secrets, which auditors never read).
  { apiGroups: ["cert-manager.io"], resources: ["certificates", "clusterissuers"], verbs: READ },
  // Where the Secrets come from (a store and a key), never their values.
  { apiGroups: ["external-secrets.io"], resources: ["externalsecrets"], verbs: READ },
];

/**
 * Separation of duties (三权分立). System admins operate the cluster and its tenants' resources
 * but cannot change security policy; security admins own RBAC, network and admission policy but
 * cannot run workloads; audit admins hold the auditor role: read everything except Secrets.
 */
export const ADMIN_ROLE_RULES = {
  system: [
    ...WORKLOADS,
    { apiGroups: [""], resources: ["namespaces", "nodes", "persistentvolumes", "resourcequotas", "limitranges"], verbs: WRITE },
    { apiGroups: [""], resources: ["pods/log", "events"], verbs: READ },
    { apiGroups: ["scheduling.k8s.io"], resources: ["priorityclasses"], verbs: WRITE },
    { apiGroups: ["storage.k8s.io"], resources: ["storageclasses"], verbs: WRITE },
  ],
  security: [
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: WRITE },
    { apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"], verbs: WRITE },
    { apiGroups: ["admissionregistration.k8s.io"], resources: ["validatingadmissionpolicies", "validatingadmissionpolicybindings"], verbs: WRITE },
    { apiGroups: [""], resources: ["namespaces"], verbs: READ },
  ],
  audit: AUDITOR,
} satisfies Record<string, PolicyRule[]>;

export type AdminDuty = keyof typeof ADMIN_ROLE_RULES;
export const ADMIN_DUTIES = Object.keys(ADMIN_ROLE_RULES) as AdminDuty[];

export function tenantClusterRoleName(role: TenantRole): string {
  return `govcloud-tenant-${role}`;
}

export const AUDITOR_CLUSTER_ROLE = "govcloud-auditor";

export function adminClusterRoleName(duty: AdminDuty): string {
  return duty === "audit" ? AUDITOR_CLUSTER_ROLE : `govcloud-${duty}-admin`;
}
