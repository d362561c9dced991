import type { FlowEndpoint } from "../../config/model/network-flow";
import { ZONE_SIDE_KINDS } from "../../config/model/network-flow";
import { parseCidr, ipBlockRanges } from "../connectivity/ip-range";
import { normalizeIntervals, type IntervalList } from "../connectivity/interval-list";
import { PortSet } from "../connectivity/port-set";
import type { ConnectivityPeer } from "../connectivity/connectivity-result";
import type { ProvedFlow } from "./cluster-flow-inputs";

/**
 * The connections the declaration intends on one cluster, as matchers over the analyzer's peers.
 * They come from the declared flows (config/model/network-flows.ts, the one statement of what
 * DESIGN's "Zones and flows" allows); what the audit proves is that the artifact's policies,
 * read with independent NetworkPolicy semantics, allow exactly these connections.
 */
export interface IntendedConnection {
  readonly flow: ProvedFlow;
  readonly from: PeerMatcher;
  readonly to: PeerMatcher;
  readonly ports: PortSet;
}

export interface PeerMatcher {
  readonly describe: string;
  /** The one namespace whose pods it can match, when it matches pods of one namespace only. */
  readonly namespace?: string;
  matches(peer: ConnectivityPeer): boolean;
  /** For address matchers, which match external ranges only: the IPv4 ranges they cover. */
  readonly addresses?: IntervalList;
}

export function intendedConnections(flows: readonly ProvedFlow[], cluster: string, tenantNamespaces: ReadonlySet<string>): IntendedConnection[] {
  return flows
    .filter((flow) => flow.cluster === cluster && !ZONE_SIDE_KINDS.has(flow.kind))
    .map((flow) => ({ flow, from: matcher(flow.from, tenantNamespaces), to: matcher(flow.to, tenantNamespaces), ports: portsOf(flow) }));
}

function portsOf(flow: ProvedFlow): PortSet {
  if (flow.ports === undefined) return PortSet.ALL;
  return flow.ports.reduce((set, p) => set.union(PortSet.range(p.protocol, p.port, p.port)), PortSet.NONE);
}

function matcher(endpoint: FlowEndpoint, tenantNamespaces: ReadonlySet<string>): PeerMatcher {
  switch (endpoint.kind) {
    case "pods": {
      const wanted = Object.entries(endpoint.podLabels);
      return {
        describe: `${endpoint.namespace}/${wanted.map(([k, v]) => `${k}=${v}`).join(",") || "*"}`,
        namespace: endpoint.namespace,
        matches: (peer) => peer.type === "workload" && peer.namespace === endpoint.namespace && wanted.every(([k, v]) => peer.labels[k] === v),
      };
    }
    case "tenant-namespaces":
      return { describe: "every tenant namespace", matches: (peer) => peer.type === "workload" && tenantNamespaces.has(peer.namespace) };
    case "addresses": {
      const excepts = endpoint.except.map((c) => parseCidr(c)).filter((r): r is Exclude<typeof r, "ipv6" | undefined> => typeof r === "object");
      const addresses = normalizeIntervals(
        endpoint.cidrs.flatMap((c) => {
          const range = parseCidr(c);
          return typeof range === "object" ? ipBlockRanges(range, excepts) : [];
        }),
      );
      return {
        describe: endpoint.name,
        addresses,
        matches: (peer) => peer.type === "external" && addresses.some((r) => r.start <= peer.range.start && peer.range.end <= r.end),
      };
    }
  }
}
