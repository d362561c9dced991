import type { ConnectivityPeer } from "../connectivity/connectivity-result";
import { parseCidr } from "../connectivity/ip-range";
import { parseLabelSelector, type Labels } from "../connectivity/label-selector";
import { PortSet, type Protocol } from "../connectivity/port-set";
import type { ArtifactResource } from "../export/read-artifact";

/**
 * Which policies open a given connection: those selecting the source for egress with a rule that
 * reaches the destination on some of the ports, and those selecting the destination for ingress
 * with a rule admitting the source. What an auditor needs to find and fix an unintended flow.
 */
export function policiesAllowing(
  policies: readonly ArtifactResource[],
  namespaceLabels: ReadonlyMap<string, Labels>,
  src: ConnectivityPeer,
  dst: ConnectivityPeer,
  ports: PortSet,
): string[] {
  const ignore = () => {};
  const selects = (spec: PolicySpec, namespace: string, peer: ConnectivityPeer, type: string) =>
    peer.type === "workload" &&
    peer.namespace === namespace &&
    (spec.policyTypes ?? ["Ingress"]).includes(type) &&
    parseLabelSelector(spec.podSelector, [], ignore).matches(peer.labels);
  const reaches = (entries: PeerEntry[] | undefined, namespace: string, peer: ConnectivityPeer) =>
    entries === undefined ||
    entries.some((entry) => {
      if (entry.ipBlock) {
        const block = parseCidr(entry.ipBlock.cidr);
        return peer.type === "external" && typeof block === "object" && block.start <= peer.range.start && peer.range.end <= block.end;
      }
      if (peer.type !== "workload") return false;
      const inNamespace = entry.namespaceSelector
        ? parseLabelSelector(entry.namespaceSelector, [], ignore).matches(namespaceLabels.get(peer.namespace) ?? { "kubernetes.io/metadata.name": peer.namespace })
        : peer.namespace === namespace;
      return inNamespace && parseLabelSelector(entry.podSelector, [], ignore).matches(peer.labels);
    });
  const opens = (rulePorts: RulePort[] | undefined) =>
    rulePorts === undefined ||
    rulePorts.some((p) => {
      const protocol = (p.protocol ?? "TCP") as Protocol;
      if (typeof p.port !== "number") return true; // a named or absent port: the rule may open it
      return !ports.intersect(PortSet.range(protocol, p.port, p.endPort ?? p.port)).isEmpty();
    });

  const found: string[] = [];
  for (const policy of policies) {
    const namespace = policy.object.metadata.namespace ?? "default";
    const spec = policy.object.spec as PolicySpec;
    const label = `${namespace}/${policy.object.metadata.name} (${policy.address})`;
    if (selects(spec, namespace, src, "Egress") && (spec.egress ?? []).some((rule) => reaches(rule.to, namespace, dst) && opens(rule.ports))) found.push(label);
    if (selects(spec, namespace, dst, "Ingress") && (spec.ingress ?? []).some((rule) => reaches(rule.from, namespace, src) && opens(rule.ports))) found.push(label);
  }
  return found;
}

interface PeerEntry {
  readonly ipBlock?: { readonly cidr: string };
  readonly namespaceSelector?: unknown;
  readonly podSelector?: unknown;
}
interface RulePort {
  readonly port?: number | string;
  readonly endPort?: number;
  readonly protocol?: string;
}
interface PolicySpec {
  readonly podSelector?: unknown;
  readonly policyTypes?: string[];
  readonly ingress?: Array<{ from?: PeerEntry[]; ports?: RulePort[] }>;
  readonly egress?: Array<{ to?: PeerEntry[]; ports?: RulePort[] }>;
}
