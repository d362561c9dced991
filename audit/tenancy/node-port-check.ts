import type { ArtifactStack } from "../export";
import { type CheckEvidence, type CheckFinding, decidedCheck, findingAt, plural, resourceRef } from "../rbac";
import type { AdmissionGuards } from "./admission-guards";
import { asMtbCheck, MTB, type TenancyCheck } from "./mtb-catalog";
import { namespaceFinding, objectsIn, type TenantNamespace } from "./tenant-namespaces";

export const NO_NODE_PORTS_POLICY = "govcloud-no-node-ports";
const ZERO_QUOTAS = ["services.nodeports", "services.loadbalancers"] as const;
const EXPOSED_TYPES: ReadonlySet<string> = new Set(["NodePort", "LoadBalancer"]);

/**
 * MTB-PL1-BC-HI-1 (NodePort): three locks, each must hold. No Service of the artifact opens a
 * node port or a load balancer; every tenant namespace's quota allows none; and the admission
 * policy denies them for what tenants apply themselves.
 */
export function nodePortCheck(stacks: readonly ArtifactStack[], namespaces: readonly TenantNamespace[], guards: AdmissionGuards): TenancyCheck {
  const findings: CheckFinding[] = [];
  const services = stacks.flatMap((s) => s.resources).filter((r) => r.object.kind === "Service");
  for (const service of services) {
    const type = (service.object.spec as { type?: unknown } | undefined)?.type;
    if (typeof type === "string" && EXPOSED_TYPES.has(type)) findings.push(findingAt(service, `is ${type}: the gateway is the only entry`, "spec.type"));
  }
  const quotaRefs: string[] = [];
  const policyRefs = new Set<string>();
  for (const namespace of namespaces) {
    const quotas = objectsIn(stacks, "ResourceQuota", namespace);
    for (const key of ZERO_QUOTAS) {
      const zero = quotas.find((q) => {
        const value = (q.object.spec as { hard?: Record<string, unknown> } | undefined)?.hard?.[key];
        return value !== undefined && Number(value) === 0;
      });
      if (zero) quotaRefs.push(resourceRef(zero));
      else if (quotas.length > 0) findings.push(findingAt(quotas[0], `does not set ${key} to 0`, `spec.hard["${key}"]`));
      else findings.push(namespaceFinding(namespace, `has no ResourceQuota setting ${key} to 0`));
    }
    const guard = guards.guarding(NO_NODE_PORTS_POLICY, namespace);
    if (guard) policyRefs.add(resourceRef(guard.policy)).add(resourceRef(guard.binding));
    else findings.push(namespaceFinding(namespace, `is not selected by a Deny binding of ValidatingAdmissionPolicy ${NO_NODE_PORTS_POLICY}`));
  }
  const evidence: CheckEvidence[] = [
    { statement: `${plural(services.length, "Service")} in the artifact, none of type NodePort or LoadBalancer`, objects: [] },
    { statement: `services.nodeports=0 and services.loadbalancers=0 in the ResourceQuota of ${plural(namespaces.length, "tenant namespace")}`, objects: [...new Set(quotaRefs)].sort() },
    { statement: `ValidatingAdmissionPolicy ${NO_NODE_PORTS_POLICY} denies NodePort and LoadBalancer Services in every tenant namespace`, objects: [...policyRefs].sort() },
  ];
  return asMtbCheck(MTB.nodePorts, decidedCheck(MTB.nodePorts.id, MTB.nodePorts.title, evidence, findings));
}
