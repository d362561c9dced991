import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, visit } from "yaml";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { copyExampleProject, readTree } from "./example-project";

function synthesizeProject(root: string): Map<string, string> {
  const model = readPlatformOrThrow(join(root, "config"));
  synthesizePlatform(model, { outdir: join(root, "cdktf.out"), projectRoot: root, configDir: join(root, "config") });
  return readTree(join(root, "cdktf.out"));
}

/** Reverses every list and the order of every mapping's keys in a YAML file. */
function reverseEverything(file: string): void {
  const document = parseDocument(readFileSync(file, "utf8"));
  visit(document, {
    Seq(_, node) {
      node.items.reverse();
    },
    Map(_, node) {
      node.items.reverse();
    },
  });
  writeFileSync(file, document.toString());
}

describe("synthesis of the bundled example", () => {
  const original = copyExampleProject();
  const first = synthesizeProject(original);

  it("writes a clusters stack per management cluster, a platform stack per cluster and a department stack per department", () => {
    expect([...new Set([...first.keys()].map((path) => path.split("/")[1]).filter(Boolean))].slice(0, 4)).toEqual([
      "clusters-shared-hz",
      "dept-big-data",
      "dept-civil-affairs",
      "dept-ecology-environment",
    ]);
    expect([...first.keys()]).toEqual(expect.arrayContaining(["stacks/platform-shared-hz/cdk.tf.json", "stacks/platform-secure-l4/cdk.tf.json", "manifest.json"]));
  });

  it("is byte-identical when run twice", () => {
    const again = copyExampleProject();
    expect(synthesizeProject(again)).toEqual(first);
  });

  it("is byte-identical when every list and every mapping in the declaration is reordered", () => {
    const shuffled = copyExampleProject();
    const config = join(shuffled, "config");
    reverseEverything(join(config, "platform.yaml"));
    reverseEverything(join(config, "waivers.yaml"));
    for (const name of readdirSync(join(config, "departments"))) reverseEverything(join(config, "departments", name));
    // The reordering really happened: the first environment of a department is now its last.
    expect(readFileSync(join(config, "departments", "health.yaml"), "utf8").indexOf("name: prod")).toBeLessThan(
      readFileSync(join(config, "departments", "health.yaml"), "utf8").indexOf("name: dev"),
    );
    expect(synthesizeProject(shuffled)).toEqual(first);
  });

  it("keeps local state paths relative, so the output does not depend on where the project lives", () => {
    const stack = JSON.parse(first.get("stacks/dept-health/cdk.tf.json")!);
    expect(stack.terraform.backend).toEqual({ local: { path: "../../../terraform-state/dept-health.tfstate" } });
    for (const [path, bytes] of first) expect({ path, hasTmp: bytes.includes(original) }).toEqual({ path, hasTmp: false });
  });
});
