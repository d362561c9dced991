import { notApplicable, type RbacReport, TENANT_ROLE_LIMITS_CHECK } from "../rbac";
import { asMtbCheck, MTB, type TenancyCheck } from "./mtb-catalog";

/** Why govcloud does not offer MTB profile 2's self-service, in the words of the benchmark reference. */
export const SELF_SERVICE_REASON =
  "not applicable by design: profile-2 self-service (tenants editing their own network policies and role bindings) conflicts with zones that only the platform may open; flows and role bindings come from the declaration";

export function selfServiceChecks(rbac: RbacReport): TenancyCheck[] {
  const limits = rbac.checks.find((c) => c.id === TENANT_ROLE_LIMITS_CHECK);
  const evidence = limits ? [{ statement: `tenants cannot change RBAC or network policy: RBAC check ${limits.id} is ${limits.status}`, objects: [] }] : [];
  return [MTB.selfServiceRoleBindings, MTB.selfServiceNetworkPolicies].map((entry) => asMtbCheck(entry, notApplicable(entry.id, entry.title, SELF_SERVICE_REASON, evidence)));
}
