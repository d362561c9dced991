import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactStack } from "../export";
import type { RbacReport } from "../rbac";
import { AdmissionGuards } from "./admission-guards";
import type { TenancyCheck } from "./mtb-catalog";
import { objectLimitCheck, resourceQuotaCheck } from "./namespace-limit-checks";
import { networkDefaultDenyCheck } from "./network-default-deny-check";
import { nodePortCheck } from "./node-port-check";
import { podSecurityChecks } from "./pod-security-checks";
import { podTemplates } from "./pod-templates";
import { rbacIsolationChecks } from "./rbac-isolation-checks";
import { selfServiceChecks } from "./self-service-checks";
import { storageChecks } from "./storage-checks";
import { platformNamespaces, tenantNamespaces } from "./tenant-namespaces";

export interface TenancyReport {
  /** `fail` when any check fails; not-applicable checks do not count. */
  readonly status: "pass" | "fail";
  /** Tenant namespaces the benchmark judged, as `cluster/namespace`. */
  readonly namespaces: readonly string[];
  /** In the benchmark's order: profile 1, then the profile-2 checks govcloud holds, the self-service ones, the proposed ones. */
  readonly checks: readonly TenancyCheck[];
}

/**
 * The Multi-Tenancy Benchmark, decided statically from the artifact: objects from `stacks`,
 * RBAC from the RBAC analysis of the same stacks; the model says only which namespaces are
 * declared tenants and which are the platform's own.
 */
export function runTenancyBenchmark(stacks: readonly ArtifactStack[], model: PlatformModel, rbac: RbacReport): TenancyReport {
  const namespaces = tenantNamespaces(stacks, model);
  const platform = platformNamespaces(model);
  const pods = podTemplates(stacks).filter((pod) => !platform.has(pod.namespace));
  const guards = new AdmissionGuards(stacks);
  const [clusterResources, multitenant, quotaModification, otherTenants, roleEscalation] = rbacIsolationChecks(rbac);
  const [addCapabilities, runAsNonRoot, privileged, privilegeEscalation, hostPath, hostNetwork, hostPid, hostIpc, imagePullPolicy] = podSecurityChecks(pods, namespaces, guards);
  const checks = [
    clusterResources,
    multitenant,
    addCapabilities,
    runAsNonRoot,
    privileged,
    privilegeEscalation,
    hostPath,
    nodePortCheck(stacks, namespaces, guards),
    hostNetwork,
    hostPid,
    hostIpc,
    imagePullPolicy,
    resourceQuotaCheck(stacks, namespaces),
    objectLimitCheck(stacks, namespaces),
    quotaModification,
    otherTenants,
    roleEscalation,
    ...selfServiceChecks(rbac),
    networkDefaultDenyCheck(stacks, namespaces),
    ...storageChecks(stacks, pods, namespaces, model),
  ];
  return {
    status: checks.some((c) => c.status === "fail") ? "fail" : "pass",
    namespaces: namespaces.map((n) => `${n.cluster}/${n.name}`),
    checks,
  };
}
