import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { NetworkPolicyV1 } from "@cdktf/provider-kubernetes/lib/network-policy-v1";
import { MANAGED_LABELS } from "../labels";
import { peerBlock, portBlock, type NetworkPeer, type PortRange } from "./network-peer";

/** Label on every policy naming the kind of declared flow it implements, for auditors and the audit. */
export const FLOW_LABEL = "govcloud/flow";
export const PURPOSE_ANNOTATION = "govcloud/purpose";

export interface NamespaceFirewallProps {
  /** Namespace name; pass the namespace resource's name attribute so Terraform orders creation. */
  readonly namespace: string;
  readonly provider: TerraformProvider;
}

export interface FlowProps {
  /** Which flow this allowance implements (`dns`, `exposure`, `sharing`, …): the policy's `govcloud/flow` label. */
  readonly flow: string;
  /** Why the flow exists, in words an auditor reads. */
  readonly purpose: string;
  /** Pods of this namespace the allowance applies to. @default - every pod of the namespace */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Who may be reached or reach. An empty list allows nothing; use it only with care. */
  readonly peers: readonly NetworkPeer[];
  /** @default - every port: pass ports explicitly for every flow between zones */
  readonly ports?: readonly PortRange[];
  /** Facts for auditors kept on the policy (approval reference, expiry, …). @default - none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * A namespace's isolation: created, it denies all ingress and egress. Every flow, DNS included,
 * is an explicit allowance, `allowIngress`/`allowEgress`, each a NetworkPolicy of its own
 * whose name says what it is for.
 */
export class NamespaceFirewall extends Construct {
  private readonly props: NamespaceFirewallProps;
  private readonly names = new Set<string>();

  constructor(scope: Construct, id: string, props: NamespaceFirewallProps) {
    super(scope, id);
    this.props = props;
    this.policy("default-deny", { flow: "default-deny", purpose: "Deny all ingress and egress not allowed by another policy", peers: [] }, "both");
  }

  allowIngress(name: string, flow: FlowProps): NetworkPolicyV1 {
    return this.policy(name, flow, "ingress");
  }

  allowEgress(name: string, flow: FlowProps): NetworkPolicyV1 {
    return this.policy(name, flow, "egress");
  }

  private policy(name: string, flow: FlowProps, direction: "ingress" | "egress" | "both"): NetworkPolicyV1 {
    if (this.names.has(name)) throw new Error(`NetworkPolicy "${name}" is declared twice in namespace ${this.props.namespace}`);
    this.names.add(name);
    const rule = { ...(flow.ports ? { ports: flow.ports.map(portBlock) } : {}) };
    const peers = flow.peers.map(peerBlock);
    return new NetworkPolicyV1(this, name, {
      provider: this.props.provider,
      metadata: {
        name,
        namespace: this.props.namespace,
        labels: { ...MANAGED_LABELS, [FLOW_LABEL]: flow.flow },
        annotations: { ...(flow.annotations ?? {}), [PURPOSE_ANNOTATION]: flow.purpose },
      },
      spec: {
        podSelector: { matchLabels: { ...(flow.podLabels ?? {}) } },
        policyTypes: direction === "both" ? ["Ingress", "Egress"] : direction === "ingress" ? ["Ingress"] : ["Egress"],
        ...(direction === "ingress" && peers.length > 0 ? { ingress: [{ ...rule, from: peers }] } : {}),
        ...(direction === "egress" && peers.length > 0 ? { egress: [{ ...rule, to: peers }] } : {}),
      },
    });
  }
}
