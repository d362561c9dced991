import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DayTwoProject } from "./day-two-project";

/**
 * A platform whose record predates managed data claims: its StatefulSets created their claims
 * themselves, so the claims exist in the cluster but not in state. The next synthesis imports
 * them (creating them would fail: they exist), and keeps importing them.
 */
const DATA_CLAIM = /^kubernetes_persistent_volume_claim_v1\.\S*_data-claim-\d+_[0-9A-F]{8}$/;
const STACK = "dept-natural-resources";
const FILE = "departments/natural-resources.yaml";

/** The record as a synthesis before managed claims wrote it: every data claim left out. */
function recordWithoutDataClaims(project: DayTwoProject): void {
  const lock = project.lock();
  for (const entry of lock.entries) entry.resources = entry.resources.filter((a: string) => !DATA_CLAIM.test(a));
  for (const clusters of Object.values<Record<string, Record<string, string[]>>>(lock.stacks)) {
    for (const namespaces of Object.values(clusters)) {
      for (const [namespace, addresses] of Object.entries(namespaces)) namespaces[namespace] = addresses.filter((a) => !DATA_CLAIM.test(a));
    }
  }
  writeFileSync(join(project.config, "stateful.lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}

const importsOf = (project: DayTwoProject) => (project.stack(STACK).import ?? []) as Array<{ to: string; id: string; provider: string }>;
const claimOf = (project: DayTwoProject, ordinal: number, service = "db") =>
  Object.keys(project.stack(STACK).resource.kubernetes_persistent_volume_claim_v1).find((name) => name.startsWith(`tenant_prod_svc-${service}_data-claim-${ordinal}_`))!;

describe("data claims a StatefulSet made before govcloud managed them", () => {
  const project = new DayTwoProject();
  recordWithoutDataClaims(project);
  project.synthOrFail();

  it("are imported into state by id namespace/name, on the store's cluster", () => {
    expect(importsOf(project).filter((i) => i.id.startsWith("natural-resources-prod/"))).toEqual([
      { to: `kubernetes_persistent_volume_claim_v1.${claimOf(project, 0)}`, id: "natural-resources-prod/data-db-0", provider: "kubernetes.shared-hz" },
      { to: `kubernetes_persistent_volume_claim_v1.${claimOf(project, 1)}`, id: "natural-resources-prod/data-db-1", provider: "kubernetes.shared-hz" },
    ]);
  });

  it("stay imported in the record and in the next synthesis, which a fresh clone makes before it applies", () => {
    const entry = project.lock().entries.find((e: { key: string }) => e.key === "natural-resources/prod/db");
    expect(entry.imported).toEqual([`kubernetes_persistent_volume_claim_v1.${claimOf(project, 0)}`, `kubernetes_persistent_volume_claim_v1.${claimOf(project, 1)}`]);
    const before = importsOf(project);
    project.synthOrFail();
    expect(importsOf(project)).toEqual(before);
  });
});

describe("a store recorded with its claims", () => {
  it("imports nothing: Terraform creates the claims of new stores and new replicas", () => {
    const project = new DayTwoProject();
    project.edit(FILE, (d) => d.setIn(["services", project.indexOf(FILE, ["services"], "db"), "environments", "prod", "replicas"], 3));
    project.synthOrFail();
    expect(importsOf(project)).toEqual([]);
    expect(claimOf(project, 2)).toMatch(/^tenant_prod_svc-db_data-claim-2_[0-9A-F]{8}$/);
  });
});
