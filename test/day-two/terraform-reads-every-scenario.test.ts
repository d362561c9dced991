import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findTerraformCli, initStackWithoutBackend, parsedCleanly } from "../artifact/terraform-init";
import { DayTwoProject } from "./day-two-project";
import {
  addClusterSortingFirst,
  addStatelessDepartment,
  changeReplicasImagesAndDataClass,
  moveStatelessEnvironmentToNbShared,
  recordWithoutDataClaims,
  retireEnvironmentOnSecondCluster,
  retireHousing,
  setProdDatabaseStorage,
} from "./day-two-scenarios";

/**
 * Terraform's own reading of what each day-2 scenario writes: the scenarios run one after another
 * on one copy of the bundled example, and after each synthesis `terraform init -backend=false`
 * reads every stack whose configuration changed (removed, import and lifecycle blocks, provider
 * aliases kept for forgetting or destroying). Refused scenarios write nothing, so there is
 * nothing more to read for them.
 */
const cli = findTerraformCli();
if (!cli) console.warn("terraform-reads-every-scenario: neither terraform nor tofu is on PATH; Terraform's own parsing of the day-2 outputs is skipped");
const withTerraform = cli ? describe : describe.skip;

const SCENARIOS: ReadonlyArray<readonly [string, (project: DayTwoProject) => void]> = [
  ["grow a database's storage", (p) => setProdDatabaseStorage(p, "600Gi")],
  ["change replicas, images and a data class", changeReplicasImagesAndDataClass],
  ["retire an environment on a second cluster", retireEnvironmentOnSecondCluster],
  ["retire a whole department", retireHousing],
  ["add a department without data", addStatelessDepartment],
  ["add a cluster whose name sorts first", addClusterSortingFirst],
  ["move the environment without data to the new cluster", moveStatelessEnvironmentToNbShared],
  ["import data claims a StatefulSet made", recordWithoutDataClaims],
];

function stackFiles(outdir: string): Map<string, string> {
  const stacks = join(outdir, "stacks");
  return new Map(readdirSync(stacks).map((stack) => [stack, readFileSync(join(stacks, stack, "cdk.tf.json"), "utf8")]));
}

withTerraform(`Terraform's own reading of the day-2 scenarios (${cli?.version ?? "no terraform"})`, () => {
  it("accepts every stack each scenario changes: init fails on nothing but the provider download", () => {
    const project = new DayTwoProject();
    let before = stackFiles(project.outdir);
    const read: string[] = [];
    const refused: string[] = [];
    for (const [scenario, change] of SCENARIOS) {
      change(project);
      project.synthOrFail();
      const after = stackFiles(project.outdir);
      const changed = [...after].filter(([stack, text]) => before.get(stack) !== text).map(([stack]) => stack);
      for (const stack of changed) {
        const outcome = initStackWithoutBackend(cli!, join(project.outdir, "stacks", stack), stack);
        read.push(`${scenario}: ${stack}`);
        if (!parsedCleanly(outcome)) refused.push(`${scenario}: ${stack}: ${outcome.errors.join("; ")}\n${outcome.output}`);
      }
      before = after;
    }
    expect(refused).toEqual([]);
    expect(read).toEqual(
      expect.arrayContaining([
        "grow a database's storage: dept-natural-resources",
        "change replicas, images and a data class: dept-natural-resources",
        "retire an environment on a second cluster: dept-public-security",
        "retire a whole department: dept-housing",
        "add a department without data: dept-tourism",
        "add a cluster whose name sorts first: platform-nb-shared",
        "move the environment without data to the new cluster: dept-tourism",
        "import data claims a StatefulSet made: dept-natural-resources",
      ]),
    );
  }, 600_000);
});
