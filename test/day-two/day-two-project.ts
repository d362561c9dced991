import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { SynthesisRefusedError, synthesizePlatform } from "../../artifact/synthesize-platform";
import { dataLossRefusals, formatPlanPreview, previewDeclaration } from "../../artifact/plan-preview";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { EXAMPLE_TODAY, synthesizeExample } from "../stacks/example-artifact";

/**
 * A private copy of the bundled example, synthesized once as "what was applied", on which a test
 * makes the changes a platform team makes over a year and synthesizes again.
 */
export class DayTwoProject {
  readonly root: string;
  readonly config: string;
  readonly outdir: string;

  constructor() {
    const example = synthesizeExample();
    this.outdir = example.outdir;
    this.root = join(example.outdir, "..");
    this.config = join(this.root, "config");
  }

  /** Edits one YAML file of the declaration, keeping its comments. */
  edit(file: string, change: (document: Document) => void): void {
    const path = join(this.config, file);
    const document = parseDocument(readFileSync(path, "utf8"));
    change(document);
    writeFileSync(path, document.toString());
  }

  /** The index of the item named `name` in the sequence at `path`. */
  indexOf(file: string, path: readonly (string | number)[], name: string): number {
    const document = parseDocument(readFileSync(join(this.config, file), "utf8"));
    const items = document.getIn(path);
    if (!isSeq(items)) throw new Error(`${file}: ${path.join(".")} is not a list`);
    const index = items.items.findIndex((item) => (isMap(item) ? item.get("name") === name : isScalar(item) && item.value === name));
    if (index < 0) throw new Error(`${file}: no "${name}" in ${path.join(".")}`);
    return index;
  }

  /** Removes `value` from the list at `path`. */
  removeFromList(file: string, path: readonly (string | number)[], value: string): void {
    const index = this.indexOf(file, path, value);
    this.edit(file, (d) => d.deleteIn([...path, index]));
  }

  /** Validates and synthesizes; the formatted problems when the declaration is refused. */
  synth(): { problems: string[] } {
    const { model, problems } = readPlatform(this.config, this.root, { today: EXAMPLE_TODAY });
    if (!model) return { problems: problems.filter((p) => p.severity === "error").map(formatProblem) };
    try {
      synthesizePlatform(model, { outdir: this.outdir, projectRoot: this.root, configDir: this.config });
    } catch (e) {
      if (e instanceof SynthesisRefusedError) return { problems: [...e.errors] };
      throw e;
    }
    return { problems: [] };
  }

  /** Synthesizes, failing the test with the problems when the declaration is refused. */
  synthOrFail(): void {
    const { problems } = this.synth();
    if (problems.length > 0) throw new Error(problems.join("\n"));
  }

  /** `govcloud diff`'s plan preview of the declaration as it stands, and its data-loss refusals. */
  preview(): { text: string; refusals: string[] } {
    const { model, problems } = readPlatform(this.config, this.root, { today: EXAMPLE_TODAY });
    if (!model) throw new Error(problems.map(formatProblem).join("\n"));
    const plans = previewDeclaration(model, { outdir: this.outdir, projectRoot: this.root });
    return { text: formatPlanPreview(plans), refusals: dataLossRefusals(plans) };
  }

  stack(name: string): Record<string, any> {
    return JSON.parse(readFileSync(join(this.outdir, "stacks", name, "cdk.tf.json"), "utf8"));
  }

  lock(): Record<string, any> {
    return JSON.parse(readFileSync(join(this.config, "stateful.lock.json"), "utf8"));
  }

  lockText(): string {
    return readFileSync(join(this.config, "stateful.lock.json"), "utf8");
  }
}
