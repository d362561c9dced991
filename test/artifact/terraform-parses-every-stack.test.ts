import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthesizeExample } from "../stacks/example-artifact";
import { findTerraformCli, initEveryStack, initStackWithoutBackend, parsedCleanly } from "./terraform-init";

const cli = findTerraformCli();
if (!cli) {
  // Said once, on the console, so a run without Terraform does not pass in silence.
  console.warn("terraform-parses-every-stack: neither terraform nor tofu is on PATH; Terraform's own parsing of the stacks is skipped");
}
const withTerraform = cli ? describe : describe.skip;

withTerraform(`Terraform's own reading of the bundled example (${cli?.version ?? "no terraform"})`, () => {
  const example = synthesizeExample();

  it("accepts every stack: init fails on nothing but the provider download", () => {
    const outcomes = initEveryStack(cli!, example.outdir);
    expect(outcomes.map((o) => o.stack)).toEqual(expect.arrayContaining(["platform-shared-hz", "platform-secure-l4", "dept-health", "dept-public-security"]));
    expect(outcomes).toHaveLength(16);
    const refused = outcomes.filter((o) => !parsedCleanly(o)).map((o) => `${o.stack}: ${o.errors.join("; ")}\n${o.output}`);
    expect(refused).toEqual([]);
  });

  it("is a check that can fail: a stack with an argument Terraform does not know is refused, naming it", () => {
    const stackDir = join(example.outdir, "stacks", "dept-health");
    const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
    const namespace = Object.values(stack.resource.kubernetes_namespace_v1)[0] as Record<string, any>;
    namespace.lifecycle = { ...namespace.lifecycle, prevent_destroy_everything: true };
    writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(stack));
    const outcome = initStackWithoutBackend(cli!, stackDir, "dept-health");
    expect(parsedCleanly(outcome)).toBe(false);
    expect(outcome.configurationErrors).toEqual(expect.arrayContaining(["Extraneous JSON object property"]));
    expect(outcome.output).toContain('No argument or block type is named "prevent_destroy_everything".');
  });

  it("refuses a Terraform older than the stacks need", () => {
    const stackDir = join(example.outdir, "stacks", "platform-secure-l4");
    const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
    expect(stack.terraform.required_version).toBe(">= 1.7.0");
    stack.terraform.required_version = ">= 99.0.0";
    writeFileSync(join(stackDir, "cdk.tf.json"), JSON.stringify(stack));
    expect(initStackWithoutBackend(cli!, stackDir, "platform-secure-l4").configurationErrors).toEqual(["Unsupported Terraform Core version"]);
  });
});

describe("version floors of the bundled example", () => {
  const example = synthesizeExample();

  it("gives every stack Terraform's floor in required_version and OpenTofu's in a file only OpenTofu reads", () => {
    for (const stack of ["dept-health", "platform-shared-hz"]) {
      const folder = join(example.outdir, "stacks", stack);
      expect(JSON.parse(readFileSync(join(folder, "cdk.tf.json"), "utf8")).terraform.required_version).toBe(">= 1.7.0");
      expect(JSON.parse(readFileSync(join(folder, "opentofu-version.tofu.json"), "utf8"))).toEqual({ terraform: { required_version: ">= 1.10.0" } });
    }
  });
});
