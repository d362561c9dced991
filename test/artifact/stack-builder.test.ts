import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStacks, writeManifest } from "../../artifact/stack-builder";
import { buildStacksInParallel } from "../../artifact/parallel-build";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { buildGovcloudApp, planStacks } from "../../stacks/govcloud-app";
import { EXAMPLE_CONFIG, PROJECT_ROOT, readTree } from "./example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

describe("building stacks one App each", () => {
  it("writes every byte a single cdktf App holding all the stacks writes, manifest included, in this thread or on any number of workers, recording reads or not", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-builder-"));
    try {
      const options = { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT };
      withPlainStackTraces(() => buildGovcloudApp(model, { ...options, writeTo: join(where, "together") }).app.synth());
      const plans = planStacks(model, options);
      const ways = [
        { folder: "apart", workers: 1, recordReads: false },
        { folder: "two-workers-recording", workers: 2, recordReads: true },
        { folder: "three-workers", workers: 3, recordReads: false },
      ];
      for (const { folder, workers, recordReads } of ways) {
        const into = join(where, folder);
        const built =
          workers === 1
            ? withPlainStackTraces(() => buildStacks(plans, into, { recordReads }))
            : buildStacksInParallel(model, options, plans.map((p) => p.name), into, { workers, recordReads });
        writeManifest(into, built);
        expect(built.map((stack) => stack.name)).toEqual(plans.map((p) => p.name));
        expect(built.every((stack) => (stack.reads !== undefined) === recordReads)).toBe(true);
      }
      const together = readTree(join(where, "together"));
      expect(together.size).toBe(33); // manifest.json, and cdk.tf.json and the OpenTofu version file of each of the 16 stacks
      for (const { folder } of ways) expect({ folder, tree: readTree(join(where, folder)) }).toEqual({ folder, tree: together });
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 120_000);

  it("hands each stack's reads to the caller as it is built, and keeps none of them when told to", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-builder-"));
    try {
      const plans = planStacks(model, { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT }).slice(0, 3);
      const handed: string[] = [];
      const built = withPlainStackTraces(() =>
        buildStacks(plans, join(where, "out"), { recordReads: true, handOverReads: true, onBuilt: (stack) => stack.reads && handed.push(stack.name) }),
      );
      expect(handed).toEqual(plans.map((p) => p.name));
      expect(built.map((stack) => [stack.name, stack.reads])).toEqual(plans.map((p) => [p.name, undefined]));
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 60_000);
});
