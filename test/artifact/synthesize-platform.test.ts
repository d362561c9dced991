import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { likelyChecksOnHelper, synthesizePlatform } from "../../artifact/synthesize-platform";
import type { PlatformModel } from "../../config/model/platform-model";
import { readPlatformOrThrow } from "../../config/read-platform";
import { readTree } from "./example-project";
import { materialize } from "../config/declaration-fixtures";

describe("synthesizePlatform", () => {
  // The small fixture platform: this tests the mechanics, the bundled example is covered elsewhere.
  const root = materialize();
  const outdir = join(root, "cdktf.out");
  const model = readPlatformOrThrow(join(root, "config"));
  const summary = synthesizePlatform(model, { outdir, projectRoot: root, configDir: join(root, "config") });
  const before = readTree(outdir);

  it("summarises resources and namespaces per stack", () => {
    const health = summary.find((s) => s.name === "dept-health")!;
    expect(health.namespaces).toBe(2);
    expect(health.resources).toBeGreaterThan(health.namespaces * 5);
    expect(summary.map((s) => s.name)).toEqual(["dept-health", "dept-insurance", "dept-public-security", "platform-secure-l4", "platform-shared"]);
  });

  it("leaves the previous output exactly as it was when synthesis fails midway", () => {
    // A model that slipped past validation with a duplicate environment makes a construct throw.
    const health = model.departments.find((d) => d.name === "health")!;
    const broken: PlatformModel = {
      ...model,
      departments: model.departments.map((d) => (d === health ? { ...d, environments: [...d.environments, d.environments[0]] } : d)),
    };
    expect(() => synthesizePlatform(broken, { outdir, projectRoot: root, configDir: join(root, "config") })).toThrow(
      'DepartmentTenant health: environment "dev" is declared twice',
    );
    expect(readTree(outdir)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(["cdktf.out", "config"]);
  });

  it("replaces only the named department's stack with --department", () => {
    const summaryOne = synthesizePlatform(model, { outdir, projectRoot: root, configDir: join(root, "config"), departments: ["health"] });
    expect(summaryOne.map((s) => s.name)).toEqual(["dept-health"]);
    expect(readTree(outdir)).toEqual(before);
    expect(existsSync(join(root, ".cdktf.out.staging-" + process.pid))).toBe(false);
  });

  it("orders every department stack after the platform stacks of the clusters it uses", () => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    const dependencies = Object.fromEntries(Object.entries(manifest.stacks).map(([name, entry]) => [name, (entry as { dependencies: string[] }).dependencies]));
    expect(dependencies).toEqual({
      "dept-health": ["platform-shared"],
      "dept-insurance": ["platform-shared"],
      "dept-public-security": ["platform-secure-l4"],
      "platform-secure-l4": [],
      "platform-shared": [],
    });
  });

  it("keeps each stack's Terraform lock file and working folder across full and --department syntheses", () => {
    const lockFile = (stack: string) => join(outdir, "stacks", stack, ".terraform.lock.hcl");
    const provider = (stack: string) => join(outdir, "stacks", stack, ".terraform", "providers", "kubernetes");
    for (const stack of ["dept-health", "platform-shared"]) {
      writeFileSync(lockFile(stack), `# lock of ${stack}\n`);
      mkdirSync(join(provider(stack), ".."), { recursive: true });
      writeFileSync(provider(stack), "provider binary");
    }
    synthesizePlatform(model, { outdir, projectRoot: root, configDir: join(root, "config") });
    synthesizePlatform(model, { outdir, projectRoot: root, configDir: join(root, "config"), departments: ["health"] });
    for (const stack of ["dept-health", "platform-shared"]) {
      expect(readFileSync(lockFile(stack), "utf8")).toBe(`# lock of ${stack}\n`);
      expect(readFileSync(provider(stack), "utf8")).toBe("provider binary");
    }
    expect(existsSync(lockFile("dept-insurance"))).toBe(false);
  });
});

describe("likelyChecksOnHelper", () => {
  it("is when the cache holds what the check kept of 400 stacks or more", () => {
    const cache = join(mkdtempSync(join(tmpdir(), "cache-")), ".govcloud-cache");
    expect(likelyChecksOnHelper(cache)).toBe(false);
    mkdirSync(join(cache, ".checked"), { recursive: true });
    for (let i = 0; i < 399; i++) writeFileSync(join(cache, ".checked", `dept-${i}.json`), "{}");
    expect(likelyChecksOnHelper(cache)).toBe(false);
    writeFileSync(join(cache, ".checked", "dept-399.json"), "{}");
    expect(likelyChecksOnHelper(cache)).toBe(true);
  });
});
