import type { MlpsRule, RuleContext, RuleOutcome } from "../mlps-rule";
import { flowOf, ref, viewArtifact, type NamespaceView } from "../artifact-view";
import { REQUIREMENTS } from "../requirements";

const ALL = [1, 2, 3, 4] as const;

function perNamespace(context: RuleContext, levels: readonly number[], judge: (ns: NamespaceView) => Omit<RuleOutcome, "target" | "level">): RuleOutcome[] {
  return viewArtifact(context.stacks)
    .namespaces.filter((ns) => levels.includes(ns.level))
    .map((ns) => ({ target: ns.target, level: ns.level, ...judge(ns) }));
}

/** Area boundary: deny by default, only declared connections, restricted outbound, the gateway as the only entry. */
export const BOUNDARY_RULES: readonly MlpsRule[] = [
  {
    id: "MLPS-NET-01",
    title: "Default deny at every tenant boundary",
    levels: ALL,
    requirement: REQUIREMENTS.boundaryAccessControl,
    severity: "error",
    remedy: "Every tenant namespace needs the default-deny NetworkPolicy (all pods, Ingress and Egress, no rules); re-synthesize with govcloud synth.",
    evaluate: (context) =>
      perNamespace(context, ALL, (ns) => {
        const deny = ns.policies.find((p) => {
          const spec = p.object.spec as { podSelector?: { matchLabels?: object; matchExpressions?: unknown[] }; policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
          const all = Object.keys(spec.podSelector?.matchLabels ?? {}).length === 0 && (spec.podSelector?.matchExpressions ?? []).length === 0;
          return all && ["Ingress", "Egress"].every((t) => spec.policyTypes?.includes(t)) && !spec.ingress?.length && !spec.egress?.length;
        });
        return deny
          ? { met: true, message: "default-deny for ingress and egress selects every pod", evidence: [ref(deny)] }
          : { met: false, message: `namespace ${ns.namespace} has no default-deny policy for both directions`, evidence: [ref(ns.resource)] };
      }),
  },
  {
    id: "MLPS-NET-02",
    title: "Only declared connections cross or stay inside a level 3–4 zone",
    levels: [3, 4],
    requirement: REQUIREMENTS.boundaryAccessControl,
    severity: "error",
    remedy: "Declare the connection (connectsTo, an exposure or a sharing agreement), or remove the policy that allows it; govcloud audit lists each difference.",
    evaluate: (context) =>
      perNamespace(context, [3, 4], (ns) => {
        const cluster = context.flows.clusters.find((c) => c.cluster === ns.cluster);
        const touches = (peer: string) => peer.startsWith(`${ns.namespace}/`);
        const differences = (cluster?.differences ?? []).filter((d) => touches(d.src) || touches(d.dst));
        const open = ns.policies.filter((p) => flowOf(p) === "same-namespace");
        if (differences.length === 0 && open.length === 0) {
          return { met: true, message: "the connectivity proof finds no connection beyond the declared flows", evidence: [`connectivity proof on ${ns.cluster}`] };
        }
        return {
          met: false,
          message: [...differences.map((d) => `${d.kind} ${d.src} => ${d.dst} : ${d.ports}`), ...open.map((p) => `namespace-wide allowance ${p.object.metadata.name}`)].join("; "),
          evidence: open.map(ref),
        };
      }),
  },
  {
    id: "MLPS-NET-03",
    title: "Outbound connections to external networks only where declared, never from level 4",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.boundaryAccessControl,
    severity: "error",
    remedy: "Name the external network in the service's egressTo (where the platform allows the level); level 4 reaches other clusters only through a sharing agreement.",
    evaluate: (context) =>
      perNamespace(context, [2, 3, 4], (ns) => {
        const outward = ns.policies.filter((p) => JSON.stringify(p.object.spec ?? {}).includes('"ipBlock"') && (p.object.spec as { policyTypes?: string[] }).policyTypes?.includes("Egress"));
        const undeclared = outward.filter((p) => !["external-egress", "backup-egress", "sharing-via-gateway"].includes(flowOf(p) ?? ""));
        const fromLevel4 = ns.level === 4 ? outward.filter((p) => flowOf(p) !== "sharing-via-gateway") : [];
        const bad = [...new Set([...undeclared, ...fromLevel4])];
        return bad.length === 0
          ? { met: true, message: `${outward.length} egress allowance(s) to addresses, each a declared flow`, evidence: outward.map(ref) }
          : { met: false, message: `egress to addresses not allowed here: ${bad.map((p) => p.object.metadata.name).join(", ")}`, evidence: bad.map(ref) };
      }),
  },
  {
    id: "MLPS-NET-04",
    title: "No service reaches the whole internet",
    levels: [2, 3],
    requirement: REQUIREMENTS.boundaryAccessControl,
    severity: "warning",
    remedy: "Declare the specific destination as an external network with its CIDRs instead of the internet, or record an approved waiver.",
    evaluate: (context) =>
      viewArtifact(context.stacks).namespaces.flatMap((ns) =>
        ns.policies
          .filter((p) => flowOf(p) === "external-egress" && JSON.stringify(p.object.spec).includes('"0.0.0.0/0"'))
          .map((p) => {
            const service = (p.object.spec as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector?.matchLabels?.["govcloud/service"] ?? "?";
            return { target: `${ns.target}/${service}`, level: ns.level, met: false, message: `${service} may open connections to any internet address (${p.object.metadata.name})`, evidence: [ref(p)] };
          }),
      ),
  },
  {
    id: "MLPS-NET-05",
    title: "The gateway is the only entry: no NodePort or LoadBalancer services",
    levels: ALL,
    requirement: REQUIREMENTS.boundaryProtection,
    severity: "error",
    remedy: "Keep services.nodeports and services.loadbalancers at 0 in every quota and the govcloud-no-node-ports admission policy bound to tenant namespaces.",
    evaluate: (context) => fromTenancyCheck(context, "block-use-of-nodeport-services"),
  },
  {
    id: "MLPS-NET-06",
    title: "Exposures terminate TLS at the gateway",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.transmission,
    severity: "error",
    remedy: "Give the exposure a TLS Secret (tlsSecret) so its Ingress serves HTTPS.",
    evaluate: (context) => {
      const view = viewArtifact(context.stacks);
      return view.resources
        .filter((r) => r.object.kind === "Ingress")
        .flatMap((ingress) => {
          const ns = view.namespaces.find((n) => n.cluster === ingress.cluster && n.namespace === ingress.object.metadata.namespace);
          if (!ns || ns.level < 2) return [];
          const service = ingress.object.metadata.labels?.["govcloud/service"] ?? ingress.object.metadata.name;
          const tls = (ingress.object.spec as { tls?: Array<{ secretName?: string }> }).tls ?? [];
          const met = tls.length > 0 && tls.every((t) => t.secretName);
          return [{ target: `${ns.target}/${service}`, level: ns.level, met, message: met ? `TLS from Secret ${tls[0].secretName}` : "the Ingress serves no TLS", evidence: [ref(ingress)] }];
        });
    },
  },
];

/** A platform-wide verdict taken from a tenancy benchmark check, with its evidence. */
export function fromTenancyCheck(context: RuleContext, key: string): RuleOutcome[] {
  const check = context.tenancy.checks.find((c) => c.key === key);
  if (!check) return [{ target: "platform", met: false, message: `the tenancy benchmark has no check ${key}`, evidence: [] }];
  return [
    {
      target: "platform",
      met: check.status !== "fail",
      message: check.status === "fail" ? check.findings.map((f) => f.message).slice(0, 3).join("; ") : `${check.id} ${check.title}: ${check.status}`,
      evidence: [`${check.id} ${check.title}`, ...check.evidence.map((e) => e.statement)],
    },
  ];
}

/**
 * A platform-wide verdict taken from an RBAC check, with its evidence. A check the report does
 * not have is not met: a renamed check must not pass the rule silently.
 */
export function fromRbacCheck(context: RuleContext, id: string): RuleOutcome {
  const check = context.rbac.checks.find((c) => c.id === id);
  return {
    target: "platform",
    met: check !== undefined && check.status !== "fail",
    message: check ? `${check.title}: ${check.status}` : `no RBAC check ${id}`,
    evidence: [id, ...(check?.evidence.map((e) => e.statement) ?? [])],
  };
}
