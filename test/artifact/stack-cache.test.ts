import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStacks } from "../../artifact/stack-builder";
import { StackCache } from "../../artifact/stack-cache";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { planStacks } from "../../stacks/govcloud-app";
import { materialize } from "../config/declaration-fixtures";

describe("the stack cache", () => {
  it("gives a reused stack the dependencies its plan has now, not those it was built with", () => {
    // A platform stack reads nothing of how its cluster is provisioned, so turning a registered
    // cluster into a provisioned one (or back) leaves it cached; only its plan follows the change.
    const root = materialize();
    const where = mkdtempSync(join(tmpdir(), "govcloud-cache-"));
    try {
      const model = readPlatformOrThrow(join(root, "config"));
      const plan = planStacks(model, { outdir: join(root, "cdktf.out"), projectRoot: root }).find((p) => p.name === "platform-secure-l4")!;
      expect(plan.dependsOn).toEqual([]);
      const cache = new StackCache(join(where, "cache"), "code");
      withPlainStackTraces(() => buildStacks([plan], join(where, "built"), { cache }));

      const provisioned = cache.reuse({ ...plan, dependsOn: ["clusters-shared"] }, join(where, "first"));
      expect(provisioned?.manifest.dependencies).toEqual(["clusters-shared"]);
      const registered = cache.reuse(plan, join(where, "second"));
      expect(registered?.manifest.dependencies).toEqual([]);
    } finally {
      rmSync(where, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });
});
