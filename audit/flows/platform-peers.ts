import type { PlatformModel } from "../../config/model/platform-model";

/**
 * The platform components govcloud does not deploy (the platform team installs them), standing
 * in the analysis as pods with the labels the declaration says they carry: the gateway's
 * ingress controller, the cluster DNS, the management zone's collectors and log intake.
 */
export interface PlatformPeer {
  readonly role: "ingress-controller" | "dns" | "collectors" | "log-intake";
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

export function platformPeers(model: PlatformModel): PlatformPeer[] {
  const { gateway, management, dns } = model.network;
  return [
    { role: "ingress-controller", namespace: gateway.namespace, labels: gateway.ingressController.podLabels },
    { role: "dns", namespace: dns.namespace, labels: dns.podLabels },
    { role: "collectors", namespace: management.namespace, labels: management.collectors.podLabels },
    { role: "log-intake", namespace: management.namespace, labels: management.logIntake.podLabels },
  ];
}

/** A bare Pod object for the analyzer; named after its role so reports read naturally. */
export function peerPod(peer: PlatformPeer): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `platform-${peer.role}`, namespace: peer.namespace, labels: { ...peer.labels } },
    spec: { containers: [{ name: peer.role, image: "platform-component" }] },
  };
}
