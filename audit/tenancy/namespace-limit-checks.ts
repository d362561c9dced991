import type { ArtifactResource, ArtifactStack } from "../export";
import { type CheckFinding, decidedCheck, findingAt, plural, resourceRef } from "../rbac";
import { asMtbCheck, MTB, type TenancyCheck } from "./mtb-catalog";
import { field, records } from "./pod-templates";
import { namespaceFinding, objectsIn, type TenantNamespace } from "./tenant-namespaces";

/** What a tenant quota must cap; any of the listed keys caps it (all quotas of a namespace apply together). */
const QUOTA_CAPS: ReadonlyArray<{ readonly what: string; readonly keys: readonly string[] }> = [
  { what: "cpu", keys: ["requests.cpu", "limits.cpu", "cpu"] },
  { what: "memory", keys: ["requests.memory", "limits.memory", "memory"] },
  { what: "storage", keys: ["requests.storage"] },
  { what: "pods", keys: ["pods", "count/pods"] },
];
const ZERO_CAPS = ["services.nodeports", "services.loadbalancers"] as const;

function hard(quota: ArtifactResource): Record<string, unknown> {
  return (field(quota.object, "spec", "hard") ?? {}) as Record<string, unknown>;
}

/** MTB-PL1-CC-FNS-1: every tenant namespace is capped in cpu, memory, storage and pods, with no node ports or load balancers. */
export function resourceQuotaCheck(stacks: readonly ArtifactStack[], namespaces: readonly TenantNamespace[]): TenancyCheck {
  const findings: CheckFinding[] = [];
  const proven: string[] = [];
  for (const namespace of namespaces) {
    const quotas = objectsIn(stacks, "ResourceQuota", namespace);
    if (quotas.length === 0) {
      findings.push(namespaceFinding(namespace, "has no ResourceQuota"));
      continue;
    }
    const before = findings.length;
    for (const cap of QUOTA_CAPS) {
      if (!quotas.some((q) => cap.keys.some((key) => hard(q)[key] !== undefined))) {
        findings.push(findingAt(quotas[0], `caps no ${cap.what} (${cap.keys.join(", ")})`, "spec.hard"));
      }
    }
    for (const key of ZERO_CAPS) {
      if (!quotas.some((q) => hard(q)[key] !== undefined && Number(hard(q)[key]) === 0)) {
        findings.push(findingAt(quotas[0], `is ${String(hard(quotas[0])[key] ?? "not set")}, not 0`, `spec.hard["${key}"]`));
      }
    }
    if (findings.length === before) proven.push(...quotas.map(resourceRef));
  }
  const evidence = [
    { statement: `ResourceQuota with cpu, memory, requests.storage, pods, services.nodeports=0 and services.loadbalancers=0 in ${plural(proven.length, "tenant namespace")} of ${namespaces.length}`, objects: proven.sort() },
  ];
  return asMtbCheck(MTB.resourceQuotas, decidedCheck(MTB.resourceQuotas.id, MTB.resourceQuotas.title, evidence, findings));
}

const CONTAINER_LIMITS = ["default", "defaultRequest", "max"] as const;

/**
 * MTB-PL1-CC-FNS-2: every tenant namespace has a LimitRange giving containers default requests
 * and limits (so a container that states none is still bounded and counted) and a maximum, for
 * both cpu and memory.
 */
export function objectLimitCheck(stacks: readonly ArtifactStack[], namespaces: readonly TenantNamespace[]): TenancyCheck {
  const findings: CheckFinding[] = [];
  const proven: string[] = [];
  for (const namespace of namespaces) {
    const ranges = objectsIn(stacks, "LimitRange", namespace);
    if (ranges.length === 0) {
      findings.push(namespaceFinding(namespace, "has no LimitRange"));
      continue;
    }
    const containerLimits = ranges.flatMap((range) => records(field(range.object, "spec", "limits")).map((limit, i) => ({ range, limit, i }))).filter((l) => l.limit.type === "Container");
    if (containerLimits.length === 0) {
      findings.push(findingAt(ranges[0], "has no limit of type Container", "spec.limits"));
      continue;
    }
    const before = findings.length;
    for (const kind of CONTAINER_LIMITS) {
      for (const resource of ["cpu", "memory"]) {
        if (!containerLimits.some(({ limit }) => field(limit, kind, resource) !== undefined)) {
          const { range, i } = containerLimits[0];
          findings.push(findingAt(range, "is not set", `spec.limits[${i}].${kind}.${resource}`));
        }
      }
    }
    if (findings.length === before) proven.push(...ranges.map(resourceRef));
  }
  const evidence = [
    { statement: `LimitRange with Container default, defaultRequest and max for cpu and memory in ${plural(proven.length, "tenant namespace")} of ${namespaces.length}`, objects: proven.sort() },
  ];
  return asMtbCheck(MTB.objectLimits, decidedCheck(MTB.objectLimits.id, MTB.objectLimits.title, evidence, findings));
}
