/**
 * How a granted (apiGroup, resource, verb) covers a request, wildcards included, as the API
 * server's RBAC authorizer matches them: `*` anywhere, `pods/*` for every subresource of pods,
 * `*∕scale` for one subresource of every resource.
 */
export const WILDCARD = "*";

/** Verbs that only read. Anything else changes something, or (escalate, bind, impersonate) lends power. */
export const READ_VERBS: ReadonlySet<string> = new Set(["get", "list", "watch"]);
export const CHANGE_VERBS = ["create", "update", "patch", "delete", "deletecollection"] as const;
/** Verbs that let a subject grant or assume more than it holds. */
export const ESCALATION_VERBS = ["escalate", "bind", "impersonate"] as const;

export const RBAC_GROUP = "rbac.authorization.k8s.io";
export const ADMISSION_GROUP = "admissionregistration.k8s.io";

export function groupMatches(granted: string, apiGroup: string): boolean {
  return granted === WILDCARD || granted === apiGroup;
}

/** `resource` undefined asks for any resource of the group. */
export function resourceMatches(granted: string, resource: string | undefined): boolean {
  if (granted === WILDCARD || resource === undefined) return true;
  if (granted === resource) return true;
  if (granted.endsWith("/*")) return resource.startsWith(granted.slice(0, -1));
  if (granted.startsWith("*/")) return resource.includes("/") && resource.endsWith(granted.slice(1));
  return false;
}

export function verbMatches(granted: string, verb: string): boolean {
  return granted === WILDCARD || granted === verb;
}

/** A request the checks ask about: `resource` undefined means any resource of `apiGroup`. */
export interface Target {
  readonly apiGroup: string;
  readonly resource?: string;
  /** How findings name the target, e.g. `networking.k8s.io/networkpolicies`. */
  readonly label: string;
}

export function target(apiGroup: string, resource?: string): Target {
  return { apiGroup, ...(resource !== undefined ? { resource } : {}), label: `${apiGroup === "" ? "core" : apiGroup}/${resource ?? "*"}` };
}

/** The verbs of `verbs` that a grant of (groups, resources, grantedVerbs) allows on `t`, in the order asked. */
export function allowedVerbs(
  grant: { readonly apiGroups: readonly string[]; readonly resources: readonly string[]; readonly verbs: readonly string[] },
  t: Target,
  verbs: readonly string[],
): string[] {
  const covers = grant.apiGroups.some((g) => groupMatches(g, t.apiGroup)) && grant.resources.some((r) => resourceMatches(r, t.resource));
  return covers ? verbs.filter((verb) => grant.verbs.some((granted) => verbMatches(granted, verb))) : [];
}
