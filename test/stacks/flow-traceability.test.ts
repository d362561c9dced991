import { networkFlows } from "../../config/model/network-flows";
import { synthesizeExample } from "./example-artifact";

/**
 * Over the whole bundled example: every tenant namespace is closed both ways by default, and
 * every allow policy in the artifact is one placement of exactly one declared flow (by name,
 * namespace and flow label), selecting that flow's pods on its ports. The reverse holds too:
 * every declared flow is in the artifact.
 */
const example = synthesizeExample();
const flows = networkFlows(example.model);
const stacks = [...example.model.clusters.map((c) => ({ stack: `platform-${c.name}` })), ...example.model.departments.map((d) => ({ stack: `dept-${d.name}` }))];

interface RenderedPolicy {
  stack: string;
  cluster: string;
  namespace: string;
  name: string;
  flow: string;
  spec: Record<string, any>;
}

function renderedPolicies(): RenderedPolicy[] {
  return stacks.flatMap(({ stack }) =>
    example.policies(stack).map(({ namespace, resource: p }) => ({
      stack,
      cluster: p.provider.replace(/^kubernetes\./, ""),
      namespace,
      name: p.metadata.name,
      flow: p.metadata.labels["govcloud/flow"],
      spec: p.spec,
    })),
  );
}

const policies = renderedPolicies();

describe("flow traceability over the bundled example", () => {
  it("closes every tenant namespace in both directions by default", () => {
    const tenantNamespaces = example.model.departments.flatMap((d) => d.environments.map((e) => e.namespace));
    expect(tenantNamespaces.length).toBe(40);
    for (const namespace of tenantNamespaces) {
      const denies = policies.filter((p) => p.namespace === namespace && p.name === "default-deny");
      expect({ namespace, specs: denies.map((d) => d.spec) }).toEqual({
        namespace,
        specs: [{ pod_selector: { match_labels: {} }, policy_types: ["Ingress", "Egress"] }],
      });
    }
  });

  it("traces every allow policy to exactly one declared flow, with that flow's pods and ports", () => {
    const allows = policies.filter((p) => p.name !== "default-deny");
    expect(allows.length).toBeGreaterThan(300);
    for (const policy of allows) {
      const matches = flows.flatMap((flow) =>
        flow.policies
          .filter((placement) => placement.namespace === policy.namespace && placement.name === policy.name && flow.cluster === policy.cluster)
          .map((placement) => ({ flow, placement })),
      );
      expect({ policy: `${policy.stack} ${policy.namespace}/${policy.name}`, matches: matches.length }).toEqual({
        policy: `${policy.stack} ${policy.namespace}/${policy.name}`,
        matches: 1,
      });
      const { flow, placement } = matches[0];
      expect(policy.flow).toBe(flow.kind);
      const selected = placement.direction === "egress" ? flow.from : flow.to;
      expect(selected.kind === "pods" ? selected.podLabels : undefined).toEqual(policy.spec.pod_selector.match_labels);
      const rule = placement.direction === "egress" ? policy.spec.egress[0] : policy.spec.ingress[0];
      expect(policy.spec.policy_types).toEqual([placement.direction === "egress" ? "Egress" : "Ingress"]);
      expect(rule.ports ?? null).toEqual(flow.ports?.map((p) => ({ port: String(p.port), protocol: p.protocol })) ?? null);
    }
  });

  it("renders every declared flow that is in force", () => {
    const rendered = new Set(policies.map((p) => `${p.cluster} ${p.namespace}/${p.name}`));
    const missing = flows.flatMap((flow) => flow.policies.map((p) => `${flow.cluster} ${p.namespace}/${p.name}`)).filter((key) => !rendered.has(key));
    expect(missing).toEqual([]);
  });
});
