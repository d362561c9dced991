import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readArtifact } from "../../audit/export";
import { analyzeRbac } from "../../audit/rbac";
import { MTB, runTenancyBenchmark } from "../../audit/tenancy";
import { dataLossRefusals, planPreview } from "../../artifact/plan-preview";
import { synthesizeExample } from "../stacks/example-artifact";

/**
 * The audit and the plan preview read the same artifact and must agree on what holds data: every
 * tenant volume the audit's storage check counts (each declared PersistentVolumeClaim and each
 * StatefulSet that claims through a template) is an object the preview refuses to lose, and the
 * preview guards nothing else but the namespaces those volumes are in (and the provisioned
 * clusters they run on).
 */
describe("the audit and the plan preview on the bundled example", () => {
  const example = synthesizeExample();
  const stacks = readArtifact(example.outdir);
  const tenancy = runTenancyBenchmark(stacks, example.model, analyzeRbac(stacks, example.model));
  const storage = tenancy.checks.find((c) => c.id === MTB.requirePvcs.id && c.key === MTB.requirePvcs.key)!;
  // What the audit counts as tenant storage: its evidence lists the claims; StatefulSets claim through templates.
  const auditedClaims = storage.evidence.flatMap((e) => e.objects ?? []);
  const tenantNamespaces = new Set(tenancy.namespaces);
  const auditedStatefulSets = stacks
    .flatMap((s) => s.resources)
    .filter((r) => r.object.kind === "StatefulSet" && tenantNamespaces.has(`${r.cluster}/${r.object.metadata.namespace}`) && Array.isArray((r.object as { spec?: { volumeClaimTemplates?: unknown } }).spec?.volumeClaimTemplates))
    .map((r) => `${r.stack}: ${r.address}`);
  const audited = [...auditedClaims, ...auditedStatefulSets].sort();

  // The preview of a configuration that manages nothing: Terraform would destroy every object in
  // the record, and what the preview refuses is exactly what it guards as data.
  const empty = mkdtempSync(join(tmpdir(), "govcloud-empty-output-"));
  const plans = planPreview(example.model.statefulLock, empty, example.outdir, stacks.map((s) => s.name));
  rmSync(empty, { recursive: true, force: true });
  const refusals = dataLossRefusals(plans);
  const guarded = plans.flatMap((p) => p.changes.filter((c) => c.holdsData).map((c) => `${p.stack}: ${c.address}`)).sort();

  it("the audit counts the example's tenant storage (a check that cannot pass empty)", () => {
    expect(storage.status).toBe("pass");
    expect(auditedClaims.length).toBeGreaterThan(50);
    expect(auditedStatefulSets.length).toBeGreaterThan(30);
  });

  it("guards every volume the audit counts, and refuses destroying each", () => {
    expect(audited.filter((object) => !guarded.includes(object))).toEqual([]);
    expect(refusals).toHaveLength(guarded.length);
  });

  it("guards nothing else but the namespaces holding those volumes, and the clusters they are on", () => {
    const objects = new Map(stacks.flatMap((s) => s.resources).map((r) => [`${r.stack}: ${r.address}`, r]));
    const others = guarded.filter((object) => !audited.includes(object)).map((object) => ({ object, resource: objects.get(object)! }));
    // Deleting a provisioned cluster deletes every volume on it.
    expect(others.filter((o) => o.resource.object.kind === "Cluster").map((o) => o.object)).toEqual(["clusters-shared-hz: kubernetes_manifest.secure-l4_cluster_112E7A1E"]);
    const namespaces = others.filter((o) => o.resource.object.kind !== "Cluster");
    expect(namespaces.filter((o) => o.resource.object.kind !== "Namespace").map((o) => o.object)).toEqual([]);
    const namespaceOf = (object: string) => {
      const r = objects.get(object)!;
      return `${r.cluster}/${r.object.metadata.namespace ?? r.object.metadata.name}`;
    };
    expect(new Set(namespaces.map((o) => namespaceOf(o.object)))).toEqual(new Set(audited.map(namespaceOf)));
  });
});
