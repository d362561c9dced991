import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { registeredTokens, releasingTokens } from "../../artifact/cdktf-token-registry";
import { buildStacks } from "../../artifact/stack-builder";
import { StackCache } from "../../artifact/stack-cache";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { planStacks } from "../../stacks/govcloud-app";
import { EXAMPLE_CONFIG, PROJECT_ROOT } from "./example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

describe("cdktf's token registry while stacks are built one App each", () => {
  const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
  const where = mkdtempSync(join(tmpdir(), "govcloud-tokens-"));
  afterAll(() => rmSync(where, { recursive: true, force: true }));
  const plans = planStacks(model, { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT });
  const department = plans.find((plan) => plan.department !== undefined)!;

  it("keeps every token of an App it was not told to release (what would hold each built App in memory)", () => {
    const before = registeredTokens();
    withPlainStackTraces(() => {
      const app = new App({ outdir: join(where, "kept"), skipValidation: false });
      department.build(app, department.inputs);
      app.synth();
    });
    expect(registeredTokens()).toBeGreaterThan(before);
  });

  it("holds no token of the stacks built once they are written, and tokens from before stay", () => {
    const before = registeredTokens();
    const built = withPlainStackTraces(() => buildStacks(plans, join(where, "released"), { cache: new StackCache(join(where, "cache"), "code") }));
    expect(built).toHaveLength(plans.length);
    expect(registeredTokens()).toBe(before);
    expect(releasingTokens(() => registeredTokens())).toBe(before);
  });
});
