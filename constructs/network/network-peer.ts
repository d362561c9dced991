import { NAMESPACE_NAME_LABEL } from "../labels";

/**
 * The other end of an allowed flow. Namespaces are selected by their `kubernetes.io/metadata.name`
 * label, which Kubernetes sets and tenants cannot forge; pods by labels inside that namespace.
 */
export type NetworkPeer =
  | {
      readonly kind: "pods";
      /** Namespace of the peer pods; `undefined` means the policy's own namespace. */
      readonly namespace?: string;
      /** Labels of the peer pods; `{}` selects every pod of the namespace. */
      readonly podLabels: Readonly<Record<string, string>>;
    }
  | {
      /** Every pod in every namespace whose labels match (e.g. a zone). */
      readonly kind: "namespaces";
      readonly namespaceLabels: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: "addresses";
      readonly cidr: string;
      readonly except?: readonly string[];
    };

export type Protocol = "TCP" | "UDP" | "SCTP";

export interface PortRange {
  readonly port: number;
  /** @default "TCP" */
  readonly protocol?: Protocol;
  /** Last port of an inclusive range starting at `port`. @default - only `port` */
  readonly endPort?: number;
}

export const Peer = {
  podsInNamespace(namespace: string, podLabels: Readonly<Record<string, string>> = {}): NetworkPeer {
    return { kind: "pods", namespace, podLabels };
  },
  podsHere(podLabels: Readonly<Record<string, string>> = {}): NetworkPeer {
    return { kind: "pods", podLabels };
  },
  namespacesLabelled(namespaceLabels: Readonly<Record<string, string>>): NetworkPeer {
    return { kind: "namespaces", namespaceLabels };
  },
  addresses(cidr: string, except: readonly string[] = []): NetworkPeer {
    return { kind: "addresses", cidr, except };
  },
};

/** The provider's `from`/`to` block for a peer. */
export function peerBlock(peer: NetworkPeer): Record<string, unknown> {
  switch (peer.kind) {
    case "pods":
      return {
        ...(peer.namespace !== undefined
          ? { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.namespace } } }
          : {}),
        podSelector: { matchLabels: { ...peer.podLabels } },
      };
    case "namespaces":
      return { namespaceSelector: { matchLabels: { ...peer.namespaceLabels } } };
    case "addresses":
      return { ipBlock: { cidr: peer.cidr, ...(peer.except && peer.except.length > 0 ? { except: [...peer.except] } : {}) } };
  }
}

export function portBlock(range: PortRange): { port: string; protocol: Protocol; endPort?: number } {
  return {
    port: String(range.port),
    protocol: range.protocol ?? "TCP",
    ...(range.endPort !== undefined ? { endPort: range.endPort } : {}),
  };
}
