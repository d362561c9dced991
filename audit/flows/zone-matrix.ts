import type { Connection, ConnectivityPeer, WorkloadPeer } from "../connectivity/connectivity-result";
import { ipBlockRanges, parseCidr } from "../connectivity/ip-range";
import type { IntervalList } from "../connectivity/interval-list";
import { PortSet } from "../connectivity/port-set";
import type { ArtifactResource } from "../export/read-artifact";
import type { ClusterFlowInputs, NamedNetwork } from "./cluster-flow-inputs";
import type { IntendedConnection } from "./intended-connections";
import { PeerCandidates } from "./peer-candidates";

/**
 * Zone to zone, what may flow: the auditor's one-page view. Rows and columns are the gateway,
 * the management zone, the level zones, the cluster DNS and the named external networks.
 */
export interface ZoneMatrixCell {
  readonly from: string;
  readonly to: string;
  readonly effective: string;
  readonly intended: string;
  readonly agrees: boolean;
}

export interface ZoneMatrix {
  readonly zones: readonly string[];
  readonly cells: readonly ZoneMatrixCell[];
}

export function buildZoneMatrix(
  inputs: Pick<ClusterFlowInputs, "dnsNamespace" | "namedNetworks">,
  resources: readonly ArtifactResource[],
  connections: readonly Connection[],
  intended: readonly IntendedConnection[],
  workloads: readonly WorkloadPeer[],
): ZoneMatrix {
  const namespaceZones = new Map<string, string>();
  for (const r of resources) {
    const zone = r.object.kind === "Namespace" ? r.object.metadata.labels?.["govcloud/zone"] : undefined;
    if (zone && r.object.metadata.name) namespaceZones.set(r.object.metadata.name, zone);
  }
  namespaceZones.set(inputs.dnsNamespace, "dns");
  const named = inputs.namedNetworks.map(withRanges);
  const zoneOf = (peer: ConnectivityPeer): string => {
    if (peer.type === "workload") return namespaceZones.get(peer.namespace) ?? "other";
    // The most specific name wins: a cluster's gateway range lies inside "internet"'s 0.0.0.0/0.
    const within = named.filter((n) => n.ranges.some((r) => r.start <= peer.range.start && peer.range.end <= r.end));
    within.sort((a, b) => a.size - b.size);
    return within[0]?.name ?? "external";
  };

  const effective = new Map<string, PortSet>();
  const add = (map: Map<string, PortSet>, from: string, to: string, ports: PortSet) =>
    map.set(`${from}\u0000${to}`, (map.get(`${from}\u0000${to}`) ?? PortSet.NONE).union(ports));
  for (const c of connections) add(effective, zoneOf(c.src), zoneOf(c.dst), c.conn);

  // An intended connection counts in every zone pair its matching peers fall into.
  const planned = new Map<string, PortSet>();
  // The analyzer cuts source ranges at ingress blocks and destination ranges at egress blocks, so
  // an intended connection is placed with the ranges as they appear on its side.
  const sources = new PeerCandidates(workloads, [...new Set(connections.map((c) => c.src).filter((p) => p.type === "external"))]);
  const destinations = new PeerCandidates(workloads, [...new Set(connections.map((c) => c.dst).filter((p) => p.type === "external"))]);
  for (const i of intended) {
    const fromZones = new Set(sources.matching(i.from).map(zoneOf));
    const toZones = new Set(destinations.matching(i.to).map(zoneOf));
    for (const from of fromZones) for (const to of toZones) add(planned, from, to, i.ports);
  }

  // Between two ends govcloud does not govern (the cluster DNS and the outside world) it has nothing to say.
  const ungoverned = new Set(["dns", "external", "other", ...named.map((n) => n.name)]);
  const keys = [...new Set([...effective.keys(), ...planned.keys()])]
    .filter((key) => key.split("\u0000").some((zone) => !ungoverned.has(zone)))
    .sort();
  const cells = keys.map((key) => {
    const [from, to] = key.split("\u0000");
    const e = effective.get(key) ?? PortSet.NONE;
    const p = planned.get(key) ?? PortSet.NONE;
    return { from, to, effective: e.isEmpty() ? "-" : e.toString(), intended: p.isEmpty() ? "-" : p.toString(), agrees: e.equals(p) };
  });
  const order = ["external", ...named.map((n) => n.name), "gateway", "mgmt", "dns", "level-1", "level-2", "level-3", "level-4", "other"];
  const zones = order.filter((z) => cells.some((c) => c.from === z || c.to === z));
  return { zones, cells };
}

/** A named network's ranges, and how many addresses they hold (the most specific name wins). */
function withRanges(network: NamedNetwork): { name: string; ranges: IntervalList; size: number } {
  const cut = network.except.map(parseCidr).filter((r) => typeof r === "object");
  const ranges = network.cidrs.map(parseCidr).flatMap((r) => (typeof r === "object" ? ipBlockRanges(r, cut) : []));
  return { name: network.name, ranges, size: ranges.reduce((total, r) => total + (r.end - r.start + 1), 0) };
}
