import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTree } from "../artifact/example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

const REPO = join(__dirname, "..", "..");
const BIN = join(REPO, "cli", "govcloud.js");

function synth(project: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, [BIN, "synth", "--today", EXAMPLE_TODAY, ...extra], { cwd: project, encoding: "utf8", timeout: 180_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout.replace(/ in \d+\.\d s\./, " in T s."), stderr: result.stderr };
}

describe("govcloud synth with its stack cache", () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "govcloud-cache-cli-"));
    cpSync(join(REPO, "config"), join(project, "config"), {
      recursive: true,
      filter: (src) => (statSync(src).isDirectory() ? !/[/\\](declaration|model|rules|schema)$/.test(src) : /\.(ya?ml|json)$/.test(src)),
    });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("reuses unchanged stacks from an ignored folder in the project, rebuilds what an edit touched, and builds everything with --no-cache", () => {
    const first = synth(project);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^(warning|config\/)/);
    expect(first.stdout).toBe("Synthesized 16 stacks into cdktf.out/stacks in T s.\n");
    expect(readFileSync(join(project, ".govcloud-cache", ".gitignore"), "utf8")).toMatch(/^\*$/m);
    const cold = readTree(join(project, "cdktf.out"));
    const documents = [...cold.keys()].filter((path) => path.endsWith("/cdk.tf.json"));
    const inodes = () => new Map(documents.map((path) => [path, statSync(join(project, "cdktf.out", path)).ino]));
    const firstInodes = inodes();

    const second = synth(project);
    expect(second.stdout).toBe("Synthesized 16 stacks (16 unchanged, reused from .govcloud-cache) into cdktf.out/stacks in T s.\n");
    // The same gate verdict, and no progress line in a log.
    expect(second.stderr).toBe(first.stderr);
    expect(readTree(join(project, "cdktf.out"))).toEqual(cold);
    // Unchanged stacks were linked from the output they replace, not written again.
    expect(inodes()).toEqual(firstInodes);

    // An output file changed by hand (same size, its modification time put back as closely as a program can) is not carried over: it is copied from the cache.
    const tampered = join(project, "cdktf.out", documents[0]);
    const { atime, mtime } = statSync(tampered);
    writeFileSync(tampered, readFileSync(tampered, "utf8").replace("hashicorp", "hashicorq"));
    utimesSync(tampered, atime, mtime);
    expect(synth(project).status).toBe(0);
    expect(readTree(join(project, "cdktf.out"))).toEqual(cold);
    const afterTampering = inodes();

    const health = join(project, "config", "departments", "health.yaml");
    writeFileSync(health, readFileSync(health, "utf8").replace(/(displayName: .*)/, "$1（修订）"));
    expect(synth(project).stdout).toBe("Synthesized 16 stacks (15 unchanged, reused from .govcloud-cache) into cdktf.out/stacks in T s.\n");
    const edited = readTree(join(project, "cdktf.out"));
    expect([...edited.keys()].filter((path) => edited.get(path) !== cold.get(path))).toEqual(["stacks/dept-health/cdk.tf.json"]);
    const editedInodes = inodes();
    expect(documents.filter((path) => editedInodes.get(path) !== afterTampering.get(path))).toEqual(["stacks/dept-health/cdk.tf.json"]);

    // The declaration files are kept parsed, by their text: the edited one as it is now.
    const parses = join(project, ".govcloud-cache", ".declarations");
    const kept = readFileSync(parses, "utf8");
    const digest = (path: string) => createHash("sha256").update(readFileSync(path, "utf8")).digest("hex");
    const declarations = ["platform.yaml", "waivers.yaml", ...readdirSync(join(project, "config", "departments")).map((name) => `departments/${name}`)];
    for (const name of declarations) expect(kept).toContain(`\n${digest(join(project, "config", name))} `);
    // And the stateful lock's text, found valid (the edit left the lock as it was).
    expect(kept).toContain(`\nlock ${digest(join(project, "config", "stateful.lock.json"))}\n`);
    expect(kept.trimEnd().split("\n")).toHaveLength(2 + declarations.length);
    // A declaration that fails leaves the cache as it was, and so does validating one.
    const valid = readFileSync(health, "utf8");
    writeFileSync(health, `${valid}level: [`);
    expect(synth(project).status).toBe(1);
    expect(spawnSync(process.execPath, [BIN, "validate"], { cwd: project, encoding: "utf8" }).status).toBe(1);
    expect(readFileSync(parses, "utf8")).toBe(kept);
    writeFileSync(health, valid);

    const noCache = synth(project, "--no-cache");
    expect(noCache.stdout).toBe("Synthesized 16 stacks into cdktf.out/stacks in T s.\n");
    expect(readTree(join(project, "cdktf.out"))).toEqual(edited);
    expect(existsSync(join(project, ".govcloud-cache", "dept-health", "entry.json"))).toBe(true);
  }, 300_000);
});
