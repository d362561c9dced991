import { rmSync } from "node:fs";
import { DayTwoProject } from "./day-two-project";
import { setProdDatabaseStorage } from "./day-two-scenarios";

/**
 * A fresh clone has the record but no `cdktf.out`: the record's replacement fields of each object
 * holding data (the provider's replacement table, a claim's storage request) still tell a
 * replacement, and it is refused just as with the previous output at hand.
 */
const STACK = "dept-natural-resources";
const entryOf = (project: DayTwoProject) => project.lock().entries.find((e: { key: string }) => e.key === "natural-resources/prod/db");
const claimAddress = (project: DayTwoProject, ordinal: number) => entryOf(project).resources.find((a: string) => a.includes(`_data-claim-${ordinal}_`)) as string;

describe("a replacement of data on a clone without the previous output", () => {
  const project = new DayTwoProject();

  it("is told from the record: the claims' storage and the StatefulSet's replacement fields are kept there", () => {
    const { fields } = entryOf(project);
    expect(fields[claimAddress(project, 0)]).toEqual(expect.objectContaining({ "metadata.name": "data-db-0", "spec.access_modes": ["ReadWriteOnce"], "spec.resources.requests.storage": "500Gi" }));
    const statefulSet = entryOf(project).resources.find((a: string) => a.startsWith("kubernetes_stateful_set_v1."));
    expect(fields[statefulSet]).toEqual(expect.objectContaining({ "metadata.name": "db", "spec.service_name": "db-headless", "spec.volume_claim_template.#": 1 }));
  });

  it("refuses shrinking a claim with the same message as with the previous output", () => {
    rmSync(project.outdir, { recursive: true, force: true });
    setProdDatabaseStorage(project, "400Gi");
    const refusal = (ordinal: number) =>
      `${STACK}: ${claimAddress(project, ordinal)} would be replaced: spec.resources.requests.storage "500Gi" -> "400Gi" forces replacement, and replacing it deletes its data. A volume never shrinks: keep storage at "500Gi", or move the data to a new, smaller service (declare it, restore from backup, retire this one)`;
    expect(project.synth().problems).toEqual([refusal(0), refusal(1)]);
  });

  it("records the new size once a growth is synthesized", () => {
    setProdDatabaseStorage(project, "600Gi");
    project.synthOrFail();
    expect(entryOf(project).fields[claimAddress(project, 1)]["spec.resources.requests.storage"]).toBe("600Gi");
  });
});
