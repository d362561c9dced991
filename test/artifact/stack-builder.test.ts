import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStacks, writeManifest } from "../../artifact/stack-builder";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { buildGovcloudApp, planStacks } from "../../stacks/govcloud-app";
import { EXAMPLE_CONFIG, PROJECT_ROOT, readTree } from "./example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

describe("building stacks one App each", () => {
  it("writes every byte a single cdktf App holding all the stacks writes, manifest included, whether reads are recorded or not", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-builder-"));
    try {
      const options = { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT };
      withPlainStackTraces(() => buildGovcloudApp(model, { ...options, writeTo: join(where, "together") }).app.synth());
      for (const [folder, recordReads] of [["apart", false], ["recorded", true]] as const) {
        const built = withPlainStackTraces(() => buildStacks(planStacks(model, options), join(where, folder), { recordReads }));
        writeManifest(join(where, folder), built);
        expect(built.every((stack) => (stack.reads !== undefined) === recordReads)).toBe(true);
      }
      const together = readTree(join(where, "together"));
      expect(together.size).toBe(16);
      expect(readTree(join(where, "apart"))).toEqual(together);
      expect(readTree(join(where, "recorded"))).toEqual(together);
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  }, 120_000);
});
