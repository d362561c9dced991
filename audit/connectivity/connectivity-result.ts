import { Interval } from "./interval-list";
import { formatIpRange, formatIpv4 } from "./ip-range";
import { Labels } from "./label-selector";
import { PortSet } from "./port-set";

export interface WorkloadPeer {
  readonly type: "workload";
  readonly namespace: string;
  readonly name: string;
  /** The controller kind (Deployment, ReplicaSet, DaemonSet, …) or Pod for a bare pod. */
  readonly kind: string;
  readonly labels: Labels;
}

/** A range of IPv4 addresses outside the cluster that every policy treats alike. */
export interface ExternalPeer {
  readonly type: "external";
  readonly range: Interval;
  /** Dotted forms of the range's first and last address. */
  readonly first: string;
  readonly last: string;
}

export type ConnectivityPeer = WorkloadPeer | ExternalPeer;

/** One allowed flow: the ports `src` may open to `dst` (never empty). */
export interface Connection {
  readonly src: ConnectivityPeer;
  readonly dst: ConnectivityPeer;
  readonly conn: PortSet;
}

export interface ConnectivityResult {
  /** Every allowed flow, in the byte-wise order of their connlist lines. */
  readonly connections: readonly Connection[];
  /** Every workload that was analyzed, including those with no allowed flow. */
  readonly workloads: readonly WorkloadPeer[];
}

export function externalPeer(range: Interval): ExternalPeer {
  return { type: "external", range, first: formatIpv4(range.start), last: formatIpv4(range.end) };
}

// Peers are immutable and each appears in many connections; naming each once keeps large reports cheap.
const peerNames = new WeakMap<ConnectivityPeer, string>();

/** `namespace/name[Kind]` or `first-last[External]`, as the connlist grammar names peers. */
export function peerName(peer: ConnectivityPeer): string {
  let name = peerNames.get(peer);
  if (name === undefined) {
    name = peer.type === "workload" ? `${peer.namespace}/${peer.name}[${peer.kind}]` : `${formatIpRange(peer.range)}[External]`;
    peerNames.set(peer, name);
  }
  return name;
}
