import type { AuditCheck } from "../rbac";

/** Where a check comes from: MTB profile 1 or 2, or a check proposed upstream but never finished. */
export type MtbProfile = 1 | 2 | "draft";

export interface MtbEntry {
  /** The MTB id; upstream gives two checks MTB-PL1-BC-HI-1, so `key` is what is unique. */
  readonly id: string;
  /** Upstream's name of the check, kebab-case. */
  readonly key: string;
  readonly title: string;
  readonly profile: MtbProfile;
  readonly category: string;
}

export interface TenancyCheck extends AuditCheck, MtbEntry {}

/** The benchmark as `shared/reference/MTB-profile-1.md` lists it, plus the unfinished storage items. */
export const MTB = {
  clusterResources: { id: "MTB-PL1-CC-CPI-1", key: "block-access-to-cluster-resources", title: "Block access to cluster resources", profile: 1, category: "Control plane isolation" },
  multitenantResources: { id: "MTB-PL1-BC-CPI-2", key: "block-multitenant-resources", title: "Block multitenant resources", profile: 1, category: "Tenant isolation" },
  addCapabilities: { id: "MTB-PL1-BC-CPI-3", key: "block-add-capabilities", title: "Block add capabilities", profile: 1, category: "Control plane isolation" },
  runAsNonRoot: { id: "MTB-PL1-BC-CPI-4", key: "require-run-as-non-root-user", title: "Require run as non-root user", profile: 1, category: "Control plane isolation" },
  privileged: { id: "MTB-PL1-BC-CPI-5", key: "block-privileged-containers", title: "Block privileged containers", profile: 1, category: "Control plane isolation" },
  privilegeEscalation: { id: "MTB-PL1-BC-CPI-6", key: "block-privilege-escalation", title: "Block privilege escalation", profile: 1, category: "Control plane isolation" },
  hostPath: { id: "MTB-PL1-BC-HI-1", key: "block-use-of-host-path-volumes", title: "Block use of host path volumes", profile: 1, category: "Host protection" },
  nodePorts: { id: "MTB-PL1-BC-HI-1", key: "block-use-of-nodeport-services", title: "Block use of NodePort services", profile: 1, category: "Host isolation" },
  hostNetwork: { id: "MTB-PL1-BC-HI-3", key: "block-use-of-host-networking-and-ports", title: "Block use of host networking and ports", profile: 1, category: "Host isolation" },
  hostPid: { id: "MTB-PL1-BC-HI-4", key: "block-use-of-host-pid", title: "Block use of host PID", profile: 1, category: "Host isolation" },
  hostIpc: { id: "MTB-PL1-BC-HI-5", key: "block-use-of-host-ipc", title: "Block use of host IPC", profile: 1, category: "Host isolation" },
  imagePullPolicy: { id: "MTB-PL1-CC-DI-1", key: "require-always-imagepullpolicy", title: "Require always imagePullPolicy", profile: 1, category: "Data isolation" },
  resourceQuotas: { id: "MTB-PL1-CC-FNS-1", key: "configure-namespace-resource-quotas", title: "Configure namespace resource quotas", profile: 1, category: "Fairness" },
  objectLimits: { id: "MTB-PL1-CC-FNS-2", key: "configure-namespace-object-limits", title: "Configure namespace object limits", profile: 1, category: "Fairness" },
  quotaModification: { id: "MTB-PL1-CC-TI-1", key: "block-modification-of-resource-quotas", title: "Block modification of resource quotas", profile: 1, category: "Tenant isolation" },
  otherTenants: { id: "MTB-PL1-CC-TI-2", key: "block-access-to-other-tenant-resources", title: "Block access to other tenant resources", profile: 2, category: "Tenant isolation" },
  roleEscalation: { id: "MTB-PL2-CC-TI-1", key: "block-role-privilege-escalation", title: "Block role privilege escalation", profile: 2, category: "Tenant isolation" },
  selfServiceRoleBindings: { id: "MTB-PL2-BC-OPS-3", key: "create-role-bindings", title: "Create role bindings (tenant self-service)", profile: 2, category: "Self-service operations" },
  selfServiceNetworkPolicies: { id: "MTB-PL2-BC-OPS-4", key: "create-network-policies", title: "Create network policies (tenant self-service)", profile: 2, category: "Self-service operations" },
  networkDefaultDeny: { id: "MTB-PL1-BC-NI-1", key: "default-deny-network-connections-across-tenants", title: "Default deny network connections across tenants", profile: "draft", category: "Network isolation" },
  requirePvcs: { id: "MTB-DRAFT-ST-1", key: "require-persistentvolumeclaims-for-storage", title: "Require PersistentVolumeClaims for storage", profile: "draft", category: "Storage isolation" },
  existingPvs: { id: "MTB-DRAFT-ST-2", key: "block-use-of-existing-persistent-volumes", title: "Block use of existing PersistentVolumes", profile: "draft", category: "Storage isolation" },
  reclaimPolicy: { id: "MTB-DRAFT-ST-3", key: "require-persistentvolume-reclaim-policy-delete", title: "Require PersistentVolume reclaim policy Delete", profile: "draft", category: "Storage isolation" },
} satisfies Record<string, MtbEntry>;

/** The result of a decided check under its benchmark entry. */
export function asMtbCheck(entry: MtbEntry, check: AuditCheck): TenancyCheck {
  return { ...entry, status: check.status, ...(check.reason !== undefined ? { reason: check.reason } : {}), evidence: check.evidence, findings: check.findings };
}
