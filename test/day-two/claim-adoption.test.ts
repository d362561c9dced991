import { DayTwoProject } from "./day-two-project";
import { recordWithoutDataClaims } from "./day-two-scenarios";

/**
 * A platform whose record predates managed data claims: its StatefulSets created their claims
 * themselves, so the claims exist in the cluster but not in state. The next synthesis imports
 * them (creating them would fail: they exist), and keeps importing them.
 */
const STACK = "dept-natural-resources";
const FILE = "departments/natural-resources.yaml";

const importsOf = (project: DayTwoProject) => (project.stack(STACK).import ?? []) as Array<{ to: string; id: string; provider: string }>;
const claimOf = (project: DayTwoProject, ordinal: number, service = "db") =>
  Object.keys(project.stack(STACK).resource.kubernetes_persistent_volume_claim_v1).find((name) => name.startsWith(`tenant_prod_svc-${service}_data-claim-${ordinal}_`))!;

describe("data claims a StatefulSet made before govcloud managed them", () => {
  const project = new DayTwoProject();
  recordWithoutDataClaims(project);
  const preview = project.preview();
  project.synthOrFail();

  it("are previewed as imports, in Terraform's words", () => {
    expect(preview.refusals).toEqual([]);
    const section = preview.text.split("\n\n").find((s) => s.startsWith(`${STACK}:`))!;
    expect(section.split("\n").filter((l) => l.includes("svc-db_data-claim-") && l.includes("tenant_prod_"))).toEqual([
      `    kubernetes_persistent_volume_claim_v1.${claimOf(project, 0)} will be imported`,
      `    kubernetes_persistent_volume_claim_v1.${claimOf(project, 1)} will be imported`,
    ]);
    expect(section).toMatch(/\n {2}Plan: \d+ to import, 0 to add, 0 to change, 0 to destroy\.$/);
  });

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

describe("adding a replica in the synthesis that first imports the claims", () => {
  it("imports only the claims of the replicas the StatefulSet had, and creates the new replica's", () => {
    const project = new DayTwoProject();
    recordWithoutDataClaims(project);
    project.edit(FILE, (d) => d.setIn(["services", project.indexOf(FILE, ["services"], "db"), "environments", "prod", "replicas"], 3));
    const { text } = project.preview();
    project.synthOrFail();
    const prodClaims = importsOf(project).filter((i) => i.id.startsWith("natural-resources-prod/data-db-"));
    expect(prodClaims.map((i) => i.id)).toEqual(["natural-resources-prod/data-db-0", "natural-resources-prod/data-db-1"]);
    expect(text).toContain(`  + kubernetes_persistent_volume_claim_v1.${claimOf(project, 2)} will be created\n`);
    expect(project.lock().entries.find((e: { key: string }) => e.key === "natural-resources/prod/db").imported).toEqual(prodClaims.map((i) => i.to));
  });
});
