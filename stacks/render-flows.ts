import { cidrContains } from "../config/model/ipv4";
import type { FlowEndpoint, NetworkFlow, PolicyPlacement } from "../config/model/network-flow";
import { LABEL } from "../constructs/labels";
import type { NetworkPeer } from "../constructs/network/network-peer";
import type { NamespaceFirewall } from "../constructs/network/namespace-firewall";

/** The policies to create in each namespace of one cluster: `<cluster>/<namespace>` → placements. */
export type PoliciesByNamespace = ReadonlyMap<string, ReadonlyArray<{ flow: NetworkFlow; placement: PolicyPlacement }>>;

export function indexPolicies(flows: readonly NetworkFlow[]): PoliciesByNamespace {
  const index = new Map<string, Array<{ flow: NetworkFlow; placement: PolicyPlacement }>>();
  for (const flow of flows) {
    for (const placement of flow.policies) {
      const key = `${flow.cluster}/${placement.namespace}`;
      const list = index.get(key) ?? [];
      list.push({ flow, placement });
      index.set(key, list);
    }
  }
  return index;
}

/** Adds to `firewall` one policy per placement of a flow in `namespace` on `cluster`, in name order. */
export function renderFlows(firewall: NamespaceFirewall, cluster: string, namespace: string, policies: PoliciesByNamespace): void {
  const here = [...(policies.get(`${cluster}/${namespace}`) ?? [])].sort((a, b) =>
    a.placement.name < b.placement.name ? -1 : a.placement.name > b.placement.name ? 1 : 0,
  );
  for (const { flow, placement } of here) {
    const selected = placement.direction === "egress" ? flow.from : flow.to;
    const other = placement.direction === "egress" ? flow.to : flow.from;
    if (selected.kind !== "pods" || selected.namespace !== namespace) {
      throw new Error(`flow ${flow.kind} places a policy in ${namespace} that does not select its pods`);
    }
    const props = {
      flow: flow.kind,
      purpose: flow.purpose,
      podLabels: selected.podLabels,
      peers: peersOf(other, namespace),
      ports: flow.ports,
      annotations: flow.details,
    };
    if (placement.direction === "egress") firewall.allowEgress(placement.name, props);
    else firewall.allowIngress(placement.name, props);
  }
}

/** The NetworkPolicy peers for a flow's other end, seen from `namespace`. */
function peersOf(endpoint: FlowEndpoint, namespace: string): NetworkPeer[] {
  switch (endpoint.kind) {
    case "pods":
      return [
        endpoint.namespace === namespace
          ? { kind: "pods", podLabels: endpoint.podLabels }
          : { kind: "pods", namespace: endpoint.namespace, podLabels: endpoint.podLabels },
      ];
    case "tenant-namespaces":
      return [{ kind: "namespaces", namespaceLabels: { [LABEL.tenant]: "true" } }];
    case "addresses":
      // Kubernetes requires each exception to lie inside its own block.
      return endpoint.cidrs.map((cidr) => ({
        kind: "addresses",
        cidr,
        except: endpoint.except.filter((except) => cidrContains(cidr, except) && except !== cidr),
      }));
  }
}
