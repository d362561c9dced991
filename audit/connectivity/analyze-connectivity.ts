import { ClusterModel } from "./cluster-model";
import { Connection, ConnectivityPeer, ConnectivityResult, WorkloadPeer, externalPeer, peerName } from "./connectivity-result";
import { Interval, IntervalList } from "./interval-list";
import { cutAddressSpace, piecesWithin } from "./ip-range";
import { Labels } from "./label-selector";
import { NamespaceLabelIndex } from "./namespace-label-index";
import { NamedPortRef, NetworkPolicyModel, PolicyRule, RulePeer, resolveRulePorts } from "./policy-model";
import { PortSet } from "./port-set";
import { WorkloadClass, groupWorkloadClasses } from "./workload-classes";
import { groupBy } from "../group-by";

/**
 * What the policies selecting one workload class allow in one direction. Absent (undefined) when no
 * policy selects the class in that direction: then everything is allowed.
 */
interface Allowance {
  /** From rules without from/to: allowed with every peer. */
  anyPeer: PortSet;
  /** Named ports of egress rules without `to`; they depend on the destination, so stay unresolved. */
  anyPeerNamed: NamedPortRef[];
  /** Per workload class index, the ports allowed with it (beyond anyPeer). */
  byClass: Map<number, PortSet>;
  /** Per piece of the direction's cut address space, the ports allowed with it (beyond anyPeer). */
  byPiece: Map<number, PortSet>;
}

/**
 * Computes every allowed flow between workloads, and between workloads and external address ranges.
 *
 * Work is done per equivalence class, never per pod pair: workloads that share namespace, labels and
 * named ports form one class, and the address space is cut at every ipBlock boundary so each piece
 * is wholly inside or outside every ipBlock. Each rule peer is matched once against the classes and
 * pieces; each class then collects, from the policies selecting it, the ports it allows per peer.
 * A flow is allowed where the source's egress and the destination's ingress both allow it.
 */
export function analyzeConnectivity(model: ClusterModel): ConnectivityResult {
  const classes = groupWorkloadClasses(model.workloads);
  const ingressCut = cutAddressSpace(ipBlockRanges(model.policies, "ingress"));
  const egressCut = cutAddressSpace(ipBlockRanges(model.policies, "egress"));
  const matcher = new PeerMatcher(classes, model.namespaces);
  const policiesByNamespace = groupBy(model.policies, (p) => p.namespace);

  const ingress: (Allowance | undefined)[] = [];
  const egress: (Allowance | undefined)[] = [];
  for (const cls of classes) {
    const selecting = (policiesByNamespace.get(cls.namespace) ?? []).filter((p) => p.podSelector.matches(cls.labels));
    const ingressPolicies = selecting.filter((p) => p.affectsIngress);
    const egressPolicies = selecting.filter((p) => p.affectsEgress);
    ingress.push(ingressPolicies.length === 0 ? undefined : buildAllowance(ingressPolicies, "ingress", cls, ingressCut, classes, matcher));
    egress.push(egressPolicies.length === 0 ? undefined : buildAllowance(egressPolicies, "egress", undefined, egressCut, classes, matcher));
  }

  const peers = new Map(model.workloads.map((w) => [w, workloadPeer(w.namespace, w.name, w.kind, w.labels)]));
  const collected: { line: string; connection: Connection }[] = [];
  const emit = (src: ConnectivityPeer, dst: ConnectivityPeer, conn: PortSet) => {
    if (conn.isEmpty()) return;
    collected.push({ line: `${peerName(src)} => ${peerName(dst)} : ${conn}`, connection: { src, dst, conn } });
  };

  for (const src of classes) {
    const out = egress[src.index];
    // A source whose egress names only some classes need not look at the others.
    const candidates = out !== undefined && out.anyPeer.isEmpty() && out.anyPeerNamed.length === 0 ? [...out.byClass.keys()].map((i) => classes[i]) : classes;
    for (const dst of candidates) {
      const conn = towardsClass(out, dst).intersect(towardsClass(ingress[dst.index], src));
      if (conn.isEmpty()) continue;
      for (const from of src.workloads) {
        for (const to of dst.workloads) {
          if (from !== to) emit(peers.get(from)!, peers.get(to)!, conn);
        }
      }
    }
  }

  // An external address allows everything on its own side, so only the workload's side decides.
  const sources = ingressCut.map(externalPeer);
  for (const dst of classes) {
    for (const piece of piecesToVisit(ingress[dst.index], sources.length)) {
      const conn = towardsPiece(ingress[dst.index], piece);
      for (const to of dst.workloads) emit(sources[piece], peers.get(to)!, conn);
    }
  }
  const destinations = egressCut.map(externalPeer);
  for (const src of classes) {
    for (const piece of piecesToVisit(egress[src.index], destinations.length)) {
      const conn = towardsPiece(egress[src.index], piece);
      for (const from of src.workloads) emit(peers.get(from)!, destinations[piece], conn);
    }
  }

  collected.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  return { connections: collected.map((c) => c.connection), workloads: [...peers.values()] };
}

function workloadPeer(namespace: string, name: string, kind: string, labels: Labels): WorkloadPeer {
  return { type: "workload", namespace, name, kind, labels };
}

/**
 * Collects what `policies` (all selecting one class) allow in one direction. For ingress the
 * selected class is the destination, so named ports resolve against it; for egress they resolve
 * against each destination class, and to nothing for external addresses.
 */
function buildAllowance(
  policies: readonly NetworkPolicyModel[],
  direction: "ingress" | "egress",
  selected: WorkloadClass | undefined,
  cut: IntervalList,
  classes: readonly WorkloadClass[],
  matcher: PeerMatcher,
): Allowance {
  const allowance: Allowance = { anyPeer: PortSet.NONE, anyPeerNamed: [], byClass: new Map(), byPiece: new Map() };
  for (const policy of policies) {
    for (const rule of direction === "ingress" ? policy.ingress : policy.egress) {
      const fixedPorts = selected === undefined ? rule.ports.numeric : resolveRulePorts(rule.ports, selected.containerPorts);
      if (rule.peers === undefined) {
        allowance.anyPeer = allowance.anyPeer.union(fixedPorts);
        if (selected === undefined) allowance.anyPeerNamed.push(...rule.ports.named);
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.type === "ipBlock") {
          for (const piece of matcher.pieces(peer.ranges, cut)) addPorts(allowance.byPiece, piece, fixedPorts);
          continue;
        }
        for (const index of matcher.classes(peer, policy.namespace)) {
          const ports = selected === undefined ? resolveRulePorts(rule.ports, classes[index].containerPorts) : fixedPorts;
          addPorts(allowance.byClass, index, ports);
        }
      }
    }
  }
  return allowance;
}

function addPorts(map: Map<number, PortSet>, key: number, ports: PortSet): void {
  if (ports.isEmpty()) return;
  const existing = map.get(key);
  map.set(key, existing === undefined ? ports : existing.union(ports));
}

/** What an allowance permits with one workload class (the peer; also the destination for egress). */
function towardsClass(allowance: Allowance | undefined, peer: WorkloadClass): PortSet {
  if (allowance === undefined) return PortSet.ALL;
  let ports = allowance.anyPeer.union(allowance.byClass.get(peer.index) ?? PortSet.NONE);
  if (allowance.anyPeerNamed.length > 0) ports = ports.union(resolveRulePorts({ numeric: PortSet.NONE, named: allowance.anyPeerNamed }, peer.containerPorts));
  return ports;
}

/** What an allowance permits with one piece of the cut address space. */
function towardsPiece(allowance: Allowance | undefined, piece: number): PortSet {
  if (allowance === undefined) return PortSet.ALL;
  return allowance.anyPeer.union(allowance.byPiece.get(piece) ?? PortSet.NONE);
}

/** The pieces an allowance may permit anything with: all of them, unless it names only some. */
function piecesToVisit(allowance: Allowance | undefined, pieceCount: number): Iterable<number> {
  if (allowance === undefined || !allowance.anyPeer.isEmpty()) return Array.from({ length: pieceCount }, (_, i) => i);
  return allowance.byPiece.keys();
}

/** Every ipBlock range in the rules of one direction of policies that enforce that direction. */
function ipBlockRanges(policies: readonly NetworkPolicyModel[], direction: "ingress" | "egress"): Interval[] {
  const ranges: Interval[] = [];
  for (const policy of policies) {
    if (direction === "ingress" ? !policy.affectsIngress : !policy.affectsEgress) continue;
    const rules: readonly PolicyRule[] = direction === "ingress" ? policy.ingress : policy.egress;
    for (const rule of rules) {
      for (const peer of rule.peers ?? []) if (peer.type === "ipBlock") ranges.push(...peer.ranges);
    }
  }
  return ranges;
}

/**
 * Matches rule peers against workload classes and address pieces, once per peer: a policy
 * selecting many classes reuses the answer for each of them.
 */
class PeerMatcher {
  private readonly classesByNamespace: Map<string, WorkloadClass[]>;
  private readonly namespaceIndex: NamespaceLabelIndex;
  private readonly classCache = new Map<RulePeer, readonly number[]>();
  // Keyed by the ranges of one ipBlock peer, which sits in rules of one direction only, so one cut.
  private readonly pieceCache = new Map<IntervalList, readonly number[]>();

  constructor(classes: readonly WorkloadClass[], namespaces: ReadonlyMap<string, Labels>) {
    this.classesByNamespace = groupBy(classes, (c) => c.namespace);
    this.namespaceIndex = new NamespaceLabelIndex([...this.classesByNamespace.keys()], (ns) => namespaces.get(ns) ?? {});
  }

  classes(peer: RulePeer & { type: "pods" }, policyNamespace: string): readonly number[] {
    let matched = this.classCache.get(peer);
    if (matched === undefined) {
      // Without a namespaceSelector a peer means the policy's own namespace.
      const namespaces =
        peer.namespaceSelector === undefined ? [policyNamespace] : this.namespaceIndex.selected(peer.namespaceSelector);
      matched = namespaces.flatMap((ns) =>
        (this.classesByNamespace.get(ns) ?? []).filter((c) => peer.podSelector === undefined || peer.podSelector.matches(c.labels)).map((c) => c.index),
      );
      this.classCache.set(peer, matched);
    }
    return matched;
  }

  pieces(ranges: IntervalList, cut: IntervalList): readonly number[] {
    let matched = this.pieceCache.get(ranges);
    if (matched === undefined) {
      matched = piecesWithin(cut, ranges);
      this.pieceCache.set(ranges, matched);
    }
    return matched;
  }
}

