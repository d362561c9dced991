import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rulePackGate } from "../../../audit/mlps/synthesis-check";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";

const example = synthesizeExample();
const stackNames = readdirSync(join(example.outdir, "stacks")).sort();
const parsed = (stack: string): Record<string, any> => JSON.parse(readFileSync(join(example.outdir, "stacks", stack, "cdk.tf.json"), "utf8"));

function gate() {
  const warnings: string[] = [];
  return { check: rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), warnings };
}

describe("the rule pack as a synthesis gate", () => {
  it("gives the same errors and warnings from the stacks the synthesis handed over as from reading the output", () => {
    const read = gate();
    const handed = gate();
    for (const stack of stackNames) handed.check.perStack!.take(stack, handed.check.perStack!.derive(stack, parsed(stack)));
    expect(handed.check.errors(example.outdir)).toEqual(read.check.errors(example.outdir));
    expect(handed.warnings).toEqual(read.warnings);
    expect(read.warnings.length).toBeGreaterThan(0);
  });

  it("judges a stack as it was handed over, not as its file reads, and only for the synthesis it was handed in", () => {
    const stack = stackNames.find((name) => name.startsWith("dept-"))!;
    const broken = parsed(stack);
    broken.resource.kubernetes_unheard_of_v1 = { thing: { provider: "kubernetes.shared-hz" } };
    const { check } = gate();
    check.perStack!.take(stack, check.perStack!.derive(stack, broken));
    expect(() => check.errors(example.outdir)).toThrow(`resource type kubernetes_unheard_of_v1 has no conversion to a Kubernetes object`);
    // Asked again, nothing is handed over: the stack is read from the output.
    expect(check.errors(example.outdir)).toEqual(gate().check.errors(example.outdir));
  });
});
