import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStacks, writeManifest, type BuiltStack } from "../../artifact/stack-builder";
import { StackCache } from "../../artifact/stack-cache";
import { buildStacksInParallel } from "../../artifact/parallel-build";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { buildGovcloudApp, planStacks } from "../../stacks/govcloud-app";
import { EXAMPLE_CONFIG, PROJECT_ROOT, readTree } from "./example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

describe("building stacks one App each", () => {
  it("writes every byte a single cdktf App holding all the stacks writes, manifest included, in this thread or on any number of workers, caching or not", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-builder-"));
    try {
      const options = { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT };
      withPlainStackTraces(() => buildGovcloudApp(model, { ...options, writeTo: join(where, "together") }).app.synth());
      const plans = planStacks(model, options);
      const ways = [
        { folder: "apart", workers: 1, caching: false },
        { folder: "two-workers-caching", workers: 2, caching: true },
        { folder: "three-workers", workers: 3, caching: false },
      ];
      for (const { folder, workers, caching } of ways) {
        const into = join(where, folder);
        const cache = caching ? new StackCache(join(where, `${folder}.cache`), "code") : undefined;
        const built =
          workers === 1
            ? withPlainStackTraces(() => buildStacks(plans, into, { cache }))
            : buildStacksInParallel(model, options, plans.map((p) => p.name), into, { workers, cache });
        writeManifest(into, built);
        expect(built.map((stack) => stack.name)).toEqual(plans.map((p) => p.name));
      }
      const together = readTree(join(where, "together"));
      expect(together.size).toBe(33); // manifest.json, and cdk.tf.json and the OpenTofu version file of each of the 16 stacks
      for (const { folder } of ways) expect({ folder, tree: readTree(join(where, folder)) }).toEqual({ folder, tree: together });
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 120_000);

  it("stores each stack in the cache before the caller is told it was built, in this thread or on workers, and hands over no reads", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-builder-"));
    try {
      const options = { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT };
      const plans = planStacks(model, options).slice(0, 3);
      const byName = new Map(plans.map((plan) => [plan.name, plan]));
      for (const workers of [1, 2]) {
        const cache = new StackCache(join(where, `cache-${workers}`), "code");
        const cachedWhenTold: string[] = [];
        const onBuilt = (stack: BuiltStack) => {
          expect(Object.keys(stack).sort()).toEqual(["manifest", "name", "record"]);
          if (cache.reuse(byName.get(stack.name)!, join(where, `reused-${workers}`))) cachedWhenTold.push(stack.name);
        };
        const into = join(where, `out-${workers}`);
        if (workers === 1) withPlainStackTraces(() => buildStacks(plans, into, { cache, onBuilt }));
        else buildStacksInParallel(model, options, [...byName.keys()], into, { workers, cache, onBuilt });
        expect({ workers, cached: cachedWhenTold.sort() }).toEqual({ workers, cached: [...byName.keys()].sort() });
      }
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 60_000);
});
