import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { verifyFlows, type KeptClusterReport } from "../../../audit/flows";
import { connectivityDigests } from "../../../audit/flows/connectivity-resources";
import { synthesizeExample } from "../../stacks/example-artifact";

/**
 * The connectivity proof on the bundled example: it passes as synthesized, and it fails,
 * precisely, when the artifact allows more or less than the declaration.
 */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);

/** A copy of the artifact with the policies of one stack changed. */
function withPolicies(stack: string, change: (resources: ArtifactStack["resources"]) => ArtifactStack["resources"]): ArtifactStack[] {
  return stacks.map((s) => (s.name === stack ? { ...s, resources: change(s.resources) } : s));
}
const policyNamed = (namespace: string, name: string) => (r: ArtifactStack["resources"][number]) =>
  r.object.kind === "NetworkPolicy" && r.object.metadata.namespace === namespace && r.object.metadata.name === name;

describe("verifyFlows on the bundled example", () => {
  const report = verifyFlows(stacks, example.model);

  it("finds the artifact allows exactly the declared flows on every cluster", () => {
    expect(report.clusters.map((c) => [c.cluster, c.differences])).toEqual([
      ["secure-l4", []],
      ["shared-hz", []],
    ]);
    expect(report.passed).toBe(true);
    const shared = report.clusters.find((c) => c.cluster === "shared-hz")!;
    expect(shared.workloads).toBeGreaterThan(150);
    expect(shared.effectiveConnections).toBeGreaterThan(500);
  });

  it("summarises zone to zone flows, intended against effective", () => {
    const l4 = report.clusters.find((c) => c.cluster === "secure-l4")!;
    expect(l4.matrix.cells.map((c) => `${c.from} -> ${c.to}: ${c.effective}${c.agrees ? "" : ` (intended ${c.intended})`}`)).toEqual([
      // The control plane reaches the gateway as anyone does (80, 443), and the admission webhook (8443).
      "control-plane-secure-l4 -> gateway: TCP 80,443,8443",
      "external -> gateway: TCP 80,443",
      "gateway -> control-plane-secure-l4: TCP 6443",
      "gateway -> dns: TCP 53,UDP 53",
      "level-4 -> dns: TCP 53,UDP 53",
      "level-4 -> gateway-shared-hz: TCP 80,443",
      "level-4 -> level-4: TCP 5432",
      "level-4 -> mgmt: TCP 24224",
      "mgmt -> control-plane-secure-l4: TCP 6443",
      "mgmt -> dns: TCP 53,UDP 53",
      "mgmt -> level-4: TCP 9090",
    ]);
    expect(l4.matrix.cells.every((c) => c.agrees)).toBe(true);
  });

  it("reports a declared flow the policies do not allow, naming the flow", () => {
    const broken = withPolicies("dept-health", (rs) => rs.filter((r) => !policyNamed("health-prod", "exposure-portal-ingress")(r)));
    const shared = verifyFlows(broken, example.model).clusters.find((c) => c.cluster === "shared-hz")!;
    expect(shared.differences).toEqual([
      {
        cluster: "shared-hz",
        kind: "missing",
        src: "govcloud-gateway/platform-ingress-controller[Pod]",
        dst: "health-prod/portal[Deployment]",
        ports: "TCP 8080",
        detail: 'declared by the exposure flow "portal is exposed to the internet through the gateway", not allowed by the policies',
      },
    ]);
  });

  it("reports a connection nothing declares, naming the policies that allow it", () => {
    const [template] = stacks.find((s) => s.name === "dept-health")!.resources.filter(policyNamed("health-prod", "dns-egress"));
    const rogue = (name: string, spec: Record<string, unknown>) => ({
      ...template,
      address: `kubernetes_network_policy_v1.${name}`,
      object: { ...template.object, metadata: { ...template.object.metadata, name }, spec },
    });
    const broken = withPolicies("dept-health", (rs) => [
      ...rs,
      rogue("rogue-egress", {
        podSelector: { matchLabels: { "govcloud/service": "portal" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ podSelector: { matchLabels: { "govcloud/service": "db" } } }], ports: [{ port: 5432, protocol: "TCP" }] }],
      }),
      rogue("rogue-ingress", {
        podSelector: { matchLabels: { "govcloud/service": "db" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { "govcloud/service": "portal" } } }], ports: [{ port: 5432, protocol: "TCP" }] }],
      }),
    ]);
    const shared = verifyFlows(broken, example.model).clusters.find((c) => c.cluster === "shared-hz")!;
    // The rogue ingress selects the service label, which the backup job's pods carry too.
    const detail = "allowed by health-prod/rogue-egress (kubernetes_network_policy_v1.rogue-egress), health-prod/rogue-ingress (kubernetes_network_policy_v1.rogue-ingress)";
    expect(shared.differences).toEqual([
      { cluster: "shared-hz", kind: "unintended", src: "health-prod/portal[Deployment]", dst: "health-prod/db-backup[CronJob]", ports: "TCP 5432", detail },
      { cluster: "shared-hz", kind: "unintended", src: "health-prod/portal[Deployment]", dst: "health-prod/db[StatefulSet]", ports: "TCP 5432", detail },
    ]);
  });

  it("reports the outside range a workload can no longer reach, and only that workload's", () => {
    const broken = withPolicies("dept-public-security", (rs) => rs.filter((r) => !policyNamed("public-security-core", "share-population-api-to-big-data-prod-identity-egress")(r)));
    const l4 = verifyFlows(broken, example.model).clusters.find((c) => c.cluster === "secure-l4")!;
    const flow =
      'declared by the sharing-via-gateway flow "Data sharing JNDSJ-2026-012: public-security/core/population-api uses big-data/prod/identity (统一身份认证：为各部门互联网门户提供单点登录和实名认证); across clusters through the gateway of shared-hz", not allowed by the policies';
    const missing = (range: string) => ({ cluster: "secure-l4", kind: "missing", src: "public-security-core/population-api[Deployment]", dst: `${range}[External]`, ports: "TCP 80,443", detail: flow });
    expect(l4.differences).toEqual([missing("10.40.0.0-10.40.0.255")]);

    // Half the gateway's range still reachable: the other half is missing.
    const narrowed = withPolicies("dept-public-security", (rs) =>
      rs.map((r) =>
        policyNamed("public-security-core", "share-population-api-to-big-data-prod-identity-egress")(r)
          ? { ...r, object: { ...r.object, spec: { ...(r.object.spec as object), egress: [{ ports: [{ port: 80, protocol: "TCP" }, { port: 443, protocol: "TCP" }], to: [{ ipBlock: { cidr: "10.40.0.0/25" } }] }] } } }
          : r,
      ),
    );
    expect(verifyFlows(narrowed, example.model).clusters.find((c) => c.cluster === "secure-l4")!.differences).toEqual([missing("10.40.0.128-10.40.0.255")]);
  });
});

describe("verifyFlows with kept cluster reports", () => {
  /** A store in memory, recording the digest each cluster was read and written under. */
  function keptInMemory() {
    const entries = new Map<string, { digest: string; kept: KeptClusterReport }>();
    const reads: Record<string, string> = {};
    const writes: string[] = [];
    return {
      entries,
      reads,
      writes,
      read(cluster: string, digest: string) {
        reads[cluster] = digest;
        const entry = entries.get(cluster);
        return entry?.digest === digest ? entry.kept : undefined;
      },
      write(cluster: string, digest: string, kept: KeptClusterReport) {
        writes.push(cluster);
        entries.set(cluster, { digest, kept });
      },
    };
  }
  const plain = verifyFlows(stacks, example.model);
  const withImage = (image: string) =>
    withPolicies("dept-health", (rs) =>
      rs.map((r) => {
        if (r.object.kind !== "Deployment") return r;
        const spec = r.object.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
        const containers = spec.template.spec.containers.map((c) => ({ ...c, image }));
        return { ...r, object: { ...r.object, spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers } } } } };
      }),
    );

  it("proves each cluster once and keeps its report, the same as without keeping", () => {
    const kept = keptInMemory();
    expect(verifyFlows(stacks, example.model, { kept })).toEqual(plain);
    expect(kept.writes).toEqual(["secure-l4", "shared-hz"]);
  });

  it("hands back a kept report for the same input, without proving it again", () => {
    const kept = keptInMemory();
    verifyFlows(stacks, example.model, { kept });
    const entry = kept.entries.get("shared-hz")!;
    const marked = { ...entry.kept.report, workloads: -1 };
    kept.entries.set("shared-hz", { digest: entry.digest, kept: { ...entry.kept, report: marked } });
    kept.writes.length = 0;
    const report = verifyFlows(stacks, example.model, { kept });
    expect(report.clusters.find((c) => c.cluster === "shared-hz")).toBe(marked);
    expect(kept.writes).toEqual([]);
  });

  it("keys a report on what connectivity depends on: an image changed is the same input, a policy changed is not", () => {
    const kept = keptInMemory();
    verifyFlows(stacks, example.model, { kept });
    const before = { ...kept.reads };
    verifyFlows(withImage("registry.example/health/portal:9.9.9"), example.model, { kept });
    expect(kept.reads).toEqual(before);

    const broken = withPolicies("dept-health", (rs) => rs.filter((r) => !policyNamed("health-prod", "exposure-portal-ingress")(r)));
    const report = verifyFlows(broken, example.model, { kept });
    expect(kept.reads["shared-hz"]).not.toBe(before["shared-hz"]);
    expect(kept.reads["secure-l4"]).toBe(before["secure-l4"]);
    // Proved again, so the difference is found.
    expect(report.passed).toBe(false);
    expect(report).toEqual(verifyFlows(broken, example.model));
  });

  it("keys a report on each stack's connectivity digests, taken as given when known", () => {
    const kept = keptInMemory();
    verifyFlows(stacks, example.model, { kept });
    const made = { ...kept.reads };
    const digests = new Map(stacks.map((s) => [s.name, connectivityDigests(s)]));
    verifyFlows(stacks, example.model, { kept, digestsOf: (stack) => digests.get(stack) });
    expect(kept.reads).toEqual(made);
    // Given digests are believed: the same digests for another artifact recall the same reports.
    const broken = withPolicies("dept-health", (rs) => rs.filter((r) => !policyNamed("health-prod", "exposure-portal-ingress")(r)));
    expect(verifyFlows(broken, example.model, { kept, digestsOf: (stack) => digests.get(stack) }).passed).toBe(true);
    expect(verifyFlows(broken, example.model, { kept }).passed).toBe(false);
  });

  it("keys a report on the declared flows' ends and ports, and holds it while the purposes it names are unchanged", () => {
    const agreement = example.model.sharingAgreements.find((a) => a.consumer.department === "public-security" && a.provider.department === "big-data")!;
    const reworded = { ...example.model, sharingAgreements: example.model.sharingAgreements.map((a) => (a === agreement ? { ...a, purpose: `${a.purpose} (reworded)` } : a)) };
    const kept = keptInMemory();
    verifyFlows(stacks, example.model, { kept });
    const before = { ...kept.reads };
    kept.writes.length = 0;
    // A passing proof names no purpose: reworded, it holds.
    expect(verifyFlows(stacks, reworded, { kept })).toEqual(verifyFlows(stacks, reworded));
    expect(kept.reads).toEqual(before);
    expect(kept.writes).toEqual([]);

    // One missing connection of the agreement's is described by its purpose: reworded, it is proved again.
    const broken = withPolicies("dept-public-security", (rs) => rs.filter((r) => !policyNamed("public-security-core", "share-population-api-to-big-data-prod-identity-egress")(r)));
    verifyFlows(broken, example.model, { kept });
    kept.writes.length = 0;
    const report = verifyFlows(broken, reworded, { kept });
    expect(kept.writes).toEqual(["secure-l4"]);
    expect(report).toEqual(verifyFlows(broken, reworded));
    expect(report.clusters.find((c) => c.cluster === "secure-l4")!.differences.map((d) => d.detail).join("\n")).toContain("(reworded)");
  });
});
