import type { StatefulLock } from "../declaration/stateful-lock";

/**
 * Which data claims of a store Terraform imports rather than creates. A StatefulSet applied
 * before govcloud managed its data claims created them itself, so they exist in the cluster but
 * not in state: creating them would fail ("already exists"), importing them adopts them.
 * - `madeByStatefulSet`: the record has the StatefulSet and none of its data claims (the first
 *   synthesis since claims are managed): the claims of the replicas that exist are imported.
 * - `addresses`: claims imported by an earlier synthesis, still imported (a no-op once they are in
 *   state), so a fresh clone that synthesizes again before applying imports rather than fails.
 */
export type ClaimImport =
  | {
      readonly madeByStatefulSet: true;
      /**
       * How many replicas the StatefulSet had as last synthesized (so how many claims it made):
       * only those claims are imported, a replica added in the same synthesis gets a new claim.
       * Unknown without the previous output; then every declared replica's claim is imported.
       */
      readonly appliedReplicas?: number;
    }
  | { readonly addresses: readonly string[] };

// The stateful-store template's construct ids, as Terraform addresses end: `..._stateful-set_<hash>`
// for the StatefulSet and `..._data-claim-<ordinal>_<hash>` for each replica's claim.
const STATEFUL_SET = /^kubernetes_stateful_set_v1\./;
const DATA_CLAIM = /^kubernetes_persistent_volume_claim_v1\.\S*_data-claim-\d+_[0-9A-F]{8}$/;

/**
 * The claim imports of every recorded store that needs one, by service key
 * (`department/environment/service`). Decided from the record alone, so a store with nothing
 * to import reads the same whether the record is new or already lists its claims.
 */
export function claimImports(lock: StatefulLock): ReadonlyMap<string, ClaimImport> {
  const found = new Map<string, ClaimImport>();
  for (const entry of lock.entries) {
    if (entry.kind !== "service" || entry.retired) continue;
    if (entry.imported) found.set(entry.key, { addresses: entry.imported });
    else if (entry.resources.some((a) => STATEFUL_SET.test(a)) && !entry.resources.some((a) => DATA_CLAIM.test(a))) found.set(entry.key, { madeByStatefulSet: true });
  }
  return found;
}
