import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
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

  it("copies a stack only while every file it kept has its digest, and hands on the document's", () => {
    const root = materialize();
    const where = mkdtempSync(join(tmpdir(), "govcloud-cache-"));
    try {
      const model = readPlatformOrThrow(join(root, "config"));
      const plan = planStacks(model, { outdir: join(root, "cdktf.out"), projectRoot: root }).find((p) => p.name === "dept-health")!;
      const cache = new StackCache(join(where, "cache"), "code");
      withPlainStackTraces(() => buildStacks([plan], join(where, "built"), { cache }));
      const built = readFileSync(join(where, "built", "stacks", "dept-health", "cdk.tf.json"));

      const intact = cache.reuse(plan, join(where, "intact"));
      const copied = readFileSync(join(where, "intact", "stacks", "dept-health", "cdk.tf.json"));
      expect(copied.equals(built)).toBe(true);
      expect(intact?.documentDigest).toBe(createHash("sha256").update(built).digest("hex"));

      const kept = join(where, "cache", "dept-health", "stack", "cdk.tf.json");
      const damaged = Buffer.from(built);
      damaged[Math.floor(damaged.length / 2)] ^= 1;
      writeFileSync(kept, damaged);
      expect(cache.reuse(plan, join(where, "damaged"))).toBeUndefined();
      expect(existsSync(join(where, "damaged", "stacks", "dept-health"))).toBe(false);

      unlinkSync(kept);
      expect(cache.reuse(plan, join(where, "missing"))).toBeUndefined();
      expect(existsSync(join(where, "missing", "stacks", "dept-health"))).toBe(false);
    } finally {
      rmSync(where, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("links a stack from an earlier output known to hold the same files, and copies it from the cache otherwise", () => {
    const root = materialize();
    const where = mkdtempSync(join(tmpdir(), "govcloud-cache-"));
    try {
      const model = readPlatformOrThrow(join(root, "config"));
      const plan = planStacks(model, { outdir: join(root, "cdktf.out"), projectRoot: root }).find((p) => p.name === "dept-health")!;
      const cache = new StackCache(join(where, "cache"), "code");
      withPlainStackTraces(() => buildStacks([plan], join(where, "built"), { cache }));
      const earlierFolder = join(where, "earlier");
      cpSync(join(where, "built"), earlierFolder, { recursive: true });
      const document = join("stacks", "dept-health", "cdk.tf.json");
      const digest = (path: string) => createHash("sha256").update(readFileSync(join(earlierFolder, path))).digest("hex");
      const inode = (folder: string) => statSync(join(folder, document)).ino;

      const known = { folder: earlierFolder, digestOf: digest };
      expect(cache.reuse(plan, join(where, "linked"), known)).toBeDefined();
      expect(inode(join(where, "linked"))).toBe(inode(earlierFolder));

      // The earlier output holds other bytes there (the stack changed since): copied from the cache instead.
      writeFileSync(join(earlierFolder, document), "{}");
      expect(cache.reuse(plan, join(where, "copied"), known)).toBeDefined();
      expect(inode(join(where, "copied"))).not.toBe(inode(earlierFolder));
      expect(readFileSync(join(where, "copied", document)).equals(readFileSync(join(where, "built", document)))).toBe(true);

      // Nothing known of the earlier output: copied too.
      const unknown = { folder: earlierFolder, digestOf: () => undefined };
      expect(cache.reuse(plan, join(where, "unknown"), unknown)).toBeDefined();
      expect(inode(join(where, "unknown"))).not.toBe(inode(earlierFolder));
    } finally {
      rmSync(where, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });
});
