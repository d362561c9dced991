import type { ConnectivityPeer, WorkloadPeer } from "../connectivity/connectivity-result";
import { groupBy } from "../group-by";
import type { PeerMatcher } from "./intended-connections";

/**
 * The analyzer's peers of one cluster, grouped so that an end of an intended connection is tried
 * only against the peers it can match: a pods end against its own namespace's workloads, an
 * addresses end against the external ranges. At province scale, trying every intended connection
 * against every workload was quadratic (10,000 flows × 9,000 workloads per cluster).
 */
export class PeerCandidates {
  private readonly byNamespace: ReadonlyMap<string, readonly WorkloadPeer[]>;

  constructor(
    private readonly workloads: readonly WorkloadPeer[],
    private readonly externals: readonly ConnectivityPeer[] = [],
  ) {
    this.byNamespace = groupBy(workloads, (w) => w.namespace);
  }

  /** The workloads of `namespace`, in the analyzer's order. */
  inNamespace(namespace: string): readonly WorkloadPeer[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /** The peers `matcher` matches, in the order of the workloads then the externals. */
  matching(matcher: PeerMatcher): ConnectivityPeer[] {
    if (matcher.namespace !== undefined) return this.inNamespace(matcher.namespace).filter((p) => matcher.matches(p));
    if (matcher.addresses !== undefined) return this.externals.filter((p) => matcher.matches(p));
    return [...this.workloads, ...this.externals].filter((p) => matcher.matches(p));
  }
}
