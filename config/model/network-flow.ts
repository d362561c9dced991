/**
 * The network flows the platform intends, and nothing else. Each flow is one allowed
 * connection with a purpose, and names the NetworkPolicies that implement it, so an auditor
 * (and the audit) can trace every allow rule in the artifact back to one declared flow.
 */

export type FlowKind =
  | "dns"
  | "same-namespace"
  | "connects-to"
  | "exposure"
  | "mgmt-metrics"
  | "log-intake"
  | "external-egress"
  | "replication"
  | "backup-read"
  | "backup-egress"
  | "sharing"
  | "sharing-via-gateway"
  | "gateway-entry"
  | "gateway-to-tenants"
  | "mgmt-scrape"
  | "mgmt-log-intake"
  | "api-server"
  | "admission-webhook";

/**
 * Zone-side halves: a platform zone's broad allowance towards every tenant, which opens nothing
 * by itself; the tenant-side flows (exposure, sharing via the gateway, mgmt-metrics, log-intake)
 * say which connections exist. The audit compares connections, so it leaves these out.
 */
export const ZONE_SIDE_KINDS: ReadonlySet<FlowKind> = new Set(["gateway-to-tenants", "mgmt-scrape", "mgmt-log-intake"]);

export type FlowEndpoint =
  /** Pods of one namespace, selected by labels (`{}`: all of them). */
  | { readonly kind: "pods"; readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> }
  /** Every tenant namespace of the cluster, whatever department. */
  | { readonly kind: "tenant-namespaces" }
  /** A named address range outside the cluster. */
  | { readonly kind: "addresses"; readonly name: string; readonly cidrs: readonly string[]; readonly except: readonly string[] };

export interface FlowPort {
  readonly port: number;
  readonly protocol: "TCP" | "UDP";
}

/** Where a flow is enforced: a policy in `namespace` selecting the flow's endpoint on that side. */
export interface PolicyPlacement {
  readonly namespace: string;
  readonly name: string;
  /** `egress`: the policy selects the `from` pods; `ingress`: the `to` pods. */
  readonly direction: "ingress" | "egress";
}

export interface NetworkFlow {
  readonly kind: FlowKind;
  readonly cluster: string;
  readonly purpose: string;
  readonly from: FlowEndpoint;
  readonly to: FlowEndpoint;
  /** `undefined`: every port. */
  readonly ports?: readonly FlowPort[];
  readonly policies: readonly PolicyPlacement[];
  /** Facts an auditor needs beside the purpose (approval, expiry, data class), kept as annotations. */
  readonly details?: Readonly<Record<string, string>>;
}

/** The policy enforcing one side of a flow; its name says what it allows and in which direction. */
export function egressPolicy(namespace: string, name: string): PolicyPlacement {
  return { namespace, name: `${name}-egress`, direction: "egress" };
}

export function ingressPolicy(namespace: string, name: string): PolicyPlacement {
  return { namespace, name: `${name}-ingress`, direction: "ingress" };
}

// Leaves room for the `-ingress`/`-egress` suffix within Kubernetes' 253 characters.
const MAX_POLICY_NAME = 245;

/** A policy name from readable parts; cut with a stable hash suffix if it would exceed Kubernetes' limit. */
export function policyName(...parts: string[]): string {
  const name = parts.join("-");
  if (name.length <= MAX_POLICY_NAME) return name;
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `${name.slice(0, MAX_POLICY_NAME - 9)}-${hash.toString(16).padStart(8, "0")}`;
}
