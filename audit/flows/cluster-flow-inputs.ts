import type { NetworkFlow } from "../../config/model/network-flow";
import type { PlatformModel } from "../../config/model/platform-model";
import { platformPeers, type PlatformPeer } from "./platform-peers";

/** A named address range the zone matrix places external peers in: its CIDRs less its exceptions. */
export interface NamedNetwork {
  readonly name: string;
  readonly cidrs: readonly string[];
  readonly except: readonly string[];
}

/**
 * A declared flow as the proof reads it: its ends, ports and kind. Its purpose is read only to
 * describe a connection it declares that is missing (a kept proof records the purposes it read);
 * its policy names and details are the artifact's business, not the proof's.
 */
export type ProvedFlow = Pick<NetworkFlow, "kind" | "cluster" | "from" | "to" | "ports">;

/**
 * Everything the connectivity proof of one cluster reads of the declaration, as plain data: the
 * proof is computed from this and the cluster's objects only, so that a proof kept with a digest
 * of both is recalled exactly when nothing it depends on changed (a changed image is not read).
 */
export interface ClusterFlowInputs {
  readonly cluster: string;
  /** The declared flows on this cluster. */
  readonly flows: readonly ProvedFlow[];
  /** The artifact is part of the platform's (see `VerifyOptions.partial`). */
  readonly partial: boolean;
  /** The namespaces of the departments' environments on this cluster. */
  readonly tenantNamespaces: readonly string[];
  readonly gatewayNamespace: string;
  readonly managementNamespace: string;
  readonly dnsNamespace: string;
  /** The platform components standing as pods in the analysis. */
  readonly peers: readonly PlatformPeer[];
  /** The external networks, each cluster's gateway range and its control plane, by name. */
  readonly namedNetworks: readonly NamedNetwork[];
}

/** The declared flows on `cluster`, in the order of `ClusterFlowInputs.flows`. */
export function clusterFlows(flows: readonly NetworkFlow[], cluster: string): NetworkFlow[] {
  return flows.filter((flow) => flow.cluster === cluster);
}

/** What the proof of `cluster` reads of `model`; `flows` are the declaration's (`networkFlows(model)`). */
export function clusterFlowInputs(model: PlatformModel, flows: readonly NetworkFlow[], cluster: string, partial: boolean): ClusterFlowInputs {
  const { gateway, management, dns } = model.network;
  return {
    cluster,
    flows: clusterFlows(flows, cluster).map(({ kind, cluster, from, to, ports }) => ({ kind, cluster, from, to, ...(ports === undefined ? {} : { ports }) })),
    partial,
    tenantNamespaces: model.departments.flatMap((d) => d.environments).filter((e) => e.cluster === cluster).map((e) => e.namespace),
    gatewayNamespace: gateway.namespace,
    managementNamespace: management.namespace,
    dnsNamespace: dns.namespace,
    peers: platformPeers(model),
    namedNetworks: namedNetworks(model),
  };
}

function namedNetworks(model: PlatformModel): NamedNetwork[] {
  return [
    ...model.network.externalNetworks.map((n) => ({ name: n.name, cidrs: n.cidrs, except: n.except })),
    ...model.clusters.filter((c) => c.gatewayAddresses).map((c) => ({ name: `gateway-${c.name}`, cidrs: [c.gatewayAddresses!], except: [] })),
    // The API server's endpoints and the sources of its webhook calls: one control plane.
    ...model.clusters
      .filter((c) => c.apiServer)
      .map((c) => ({ name: `control-plane-${c.name}`, cidrs: [...new Set([...c.apiServer!.addresses, ...c.apiServer!.controlPlaneRanges])], except: [] })),
  ];
}
