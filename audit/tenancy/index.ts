/**
 * The Kubernetes Multi-Tenancy Benchmark (`shared/reference/MTB-profile-1.md`), decided
 * statically from the artifact.
 *
 * - `runTenancyBenchmark(stacks: readonly ArtifactStack[], model: PlatformModel, rbac: RbacReport): TenancyReport`
 *   takes the stacks of `readArtifact(outdir)` (`audit/export`), the model (only for which
 *   namespaces are declared tenants, which are the platform's zones, and which services exist)
 *   and `analyzeRbac(stacks, model)` (`audit/rbac`).
 * - `TenancyReport { status, namespaces, checks }` is plain, serialisable data. Each check is a
 *   `TenancyCheck`: `{ id, key, title, profile: 1 | 2 | "draft", category, status: pass | fail |
 *   not-applicable, reason?, evidence: { statement, objects }[], findings: { message, stack?,
 *   address?, object?, field? }[] }`. `id` is the MTB id; upstream gives host path and NodePort
 *   the same id (MTB-PL1-BC-HI-1), so `key` (upstream's check name) is the unique one.
 *
 * Tenant namespaces are those labelled `govcloud/tenant: "true"` and those the declaration
 * gives an environment (a declared one missing from the artifact fails every namespace check).
 * Tenant pods are the pod templates of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets,
 * Jobs and CronJobs outside the platform's gateway and management namespaces.
 *
 * What proves each check:
 * - CPI-1 cluster resources: no department group holds a ClusterRoleBinding grant (RBAC rows).
 * - CPI-2 multitenant resources, TI-1 quota modification: no department group may create, update,
 *   patch or delete quotas, limit ranges, network policies, RBAC, admission policy, namespaces.
 * - CPI-3..6, HI-1, HI-3..5, DI-1 (pod rules): every tenant container/pod complies in the artifact,
 *   AND every tenant namespace refuses violations from pods tenants create themselves: by its
 *   PSA enforce profile where that profile covers the rule (baseline: capabilities, privileged,
 *   host path, host network/ports, host PID/IPC; restricted: also non-root and privilege
 *   escalation), otherwise by a Deny binding of a named ValidatingAdmissionPolicy selecting it
 *   (`POD_RULES[].policy`; imagePullPolicy has no PSA profile, only `govcloud-always-pull-images`).
 * - HI-1 NodePort: no NodePort/LoadBalancer Service; quota services.nodeports=0 and
 *   services.loadbalancers=0; `govcloud-no-node-ports` denies in every tenant namespace.
 * - FNS-1: a ResourceQuota capping cpu, memory, requests.storage, pods, with nodeports and
 *   loadbalancers 0. FNS-2: a LimitRange with Container default, defaultRequest, max (cpu, memory).
 * - CC-TI-2 other tenants, PL2-CC-TI-1 role escalation: the RBAC checks rbac-department-scope and
 *   rbac-tenant-role-limits, cited.
 * - PL2-BC-OPS-3/4 self-service: not applicable by design (`SELF_SERVICE_REASON`).
 * - NI-1: a NetworkPolicy selecting all pods for Ingress and Egress with no rules, per namespace.
 * - MTB-DRAFT-ST-1..3 storage: pods mount storage only through declared PVCs (of declared
 *   services) or StatefulSet claim templates; no PersistentVolume and no claim naming or selecting
 *   one; reclaim policy Delete, not applicable when the artifact declares no PV or StorageClass.
 */
export { AdmissionGuards } from "./admission-guards";
export { MTB } from "./mtb-catalog";
export type { MtbEntry, MtbProfile, TenancyCheck } from "./mtb-catalog";
export { NO_NODE_PORTS_POLICY } from "./node-port-check";
export { POD_RULES } from "./pod-security-checks";
export { podTemplates } from "./pod-templates";
export type { PodTemplate } from "./pod-templates";
export { runTenancyBenchmark } from "./run-tenancy-benchmark";
export type { TenancyReport } from "./run-tenancy-benchmark";
export { SELF_SERVICE_REASON } from "./self-service-checks";
export { tenantNamespaces } from "./tenant-namespaces";
export type { TenantNamespace } from "./tenant-namespaces";
