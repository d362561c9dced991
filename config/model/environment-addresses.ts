import type { StatefulLock } from "../declaration/stateful-lock";

/**
 * The construct id an environment's objects are addressed under in its department stack (the
 * `<id>` of `tenant_<id>_namespace_<hash>`).
 *
 * Terraform knows an object by its address. A changed `provider` on an address already in state
 * does not move the object: Terraform reads it through the new provider, finds nothing on that
 * cluster, plans a create there, and the object on the old cluster is left running, no longer
 * managed (hashicorp/terraform#29294). So an environment that moves cluster (allowed only for one
 * without data) gets new addresses, `<name>-on-<cluster>`: Terraform then destroys the old
 * objects through the old cluster's provider and creates the new ones. Nothing else changes an
 * address: a recorded environment keeps the id its record has, a new one is addressed by its name.
 */
export function environmentConstructId(name: string, cluster: string, recorded: StatefulLock["environments"][string] | undefined): string {
  if (!recorded) return name;
  if (recorded.cluster === cluster) return recorded.id ?? name;
  return `${name}-on-${cluster}`;
}
