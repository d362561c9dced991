import type { ArtifactResource, ArtifactStack } from "../export";
import { type CheckFinding, decidedCheck, plural, resourceRef } from "../rbac";
import { asMtbCheck, MTB, type TenancyCheck } from "./mtb-catalog";
import { field } from "./pod-templates";
import { namespaceFinding, objectsIn, type TenantNamespace } from "./tenant-namespaces";

/**
 * A policy that selects every pod of its namespace for both directions and allows nothing:
 * whatever else is allowed must then be allowed by name, and other tenants are denied.
 */
export function isDefaultDeny(policy: ArtifactResource): boolean {
  const selector = field(policy.object, "spec", "podSelector") ?? {};
  const empty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0);
  const types = field(policy.object, "spec", "policyTypes");
  return (
    empty(field(selector, "matchLabels")) &&
    empty(field(selector, "matchExpressions")) &&
    Array.isArray(types) &&
    types.includes("Ingress") &&
    types.includes("Egress") &&
    empty(field(policy.object, "spec", "ingress")) &&
    empty(field(policy.object, "spec", "egress"))
  );
}

/** MTB-PL1-BC-NI-1 (proposed upstream): a default-deny NetworkPolicy in every tenant namespace. */
export function networkDefaultDenyCheck(stacks: readonly ArtifactStack[], namespaces: readonly TenantNamespace[]): TenancyCheck {
  const findings: CheckFinding[] = [];
  const proven: string[] = [];
  for (const namespace of namespaces) {
    const policy = objectsIn(stacks, "NetworkPolicy", namespace).find(isDefaultDeny);
    if (policy) proven.push(resourceRef(policy));
    else findings.push(namespaceFinding(namespace, "has no NetworkPolicy selecting every pod (podSelector {}) with policyTypes [Ingress, Egress] and no rules: other tenants are not denied by default"));
  }
  const evidence = [{ statement: `default-deny NetworkPolicy (all pods, Ingress and Egress, no rules) in ${plural(proven.length, "tenant namespace")} of ${namespaces.length}`, objects: proven.sort() }];
  return asMtbCheck(MTB.networkDefaultDeny, decidedCheck(MTB.networkDefaultDeny.id, MTB.networkDefaultDeny.title, evidence, findings));
}
