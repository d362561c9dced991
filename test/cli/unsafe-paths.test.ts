import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { main } from "../../cli/main";
import { materialize, TODAY } from "../config/declaration-fixtures";
import { synthesizeExample } from "../stacks/example-artifact";

/** Paths a user can get wrong: refused in one line, exit 1, and nothing of theirs destroyed. */
async function govcloud(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}
const example = synthesizeExample();

describe("targets that must not be replaced", () => {
  it("export refuses to replace a file or a folder that is not an earlier export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govcloud-unsafe-"));
    const readme = join(dir, "README.md");
    writeFileSync(readme, "keep me");
    expect(await govcloud(["export", "--out", example.outdir, "--to", readme])).toEqual({
      status: 1,
      out: "",
      err: `govcloud: ${readme} exists and is not an earlier export (cluster folders of .yaml files); refusing to replace it (choose another folder, or remove it yourself)\n`,
    });
    expect(readFileSync(readme, "utf8")).toBe("keep me");
    const config = join(dirname(example.outdir), "config");
    expect((await govcloud(["export", "--out", example.outdir, "--to", config])).status).toBe(1);
    expect(readdirSync(config)).toContain("platform.yaml");
  });

  it("export puts back an earlier export a killed run had moved aside, and removes its staging folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), "govcloud-export-"));
    const target = join(parent, "manifests");
    expect((await govcloud(["export", "--out", example.outdir, "--to", target])).status).toBe(0);
    // A process that cannot exist (pids are far smaller) left both behind.
    const dead = 999_999_999;
    renameSync(target, join(parent, `manifests.old-${dead}`));
    mkdirSync(join(parent, `.manifests.staging-${dead}`));
    expect((await govcloud(["export", "--out", example.outdir, "--to", target])).status).toBe(0);
    expect(readdirSync(parent)).toEqual(["manifests"]);
  });

  it("export replaces an earlier export", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "govcloud-export-")), "manifests");
    expect((await govcloud(["export", "--out", example.outdir, "--to", target])).status).toBe(0);
    expect((await govcloud(["export", "--out", example.outdir, "--to", target])).status).toBe(0);
    expect(readdirSync(target)).toEqual(["secure-l4", "shared-hz"]);
  });

  it("synth refuses an output folder that is not an earlier synthesis, and keeps it", async () => {
    const project = materialize();
    const config = join(project, "config");
    expect((await govcloud(["synth", "--config", config, "--out", config, "--today", TODAY])).err).toContain(
      `govcloud: ${config} exists and is not an earlier synthesis output (no manifest.json); refusing to replace it`,
    );
    expect(readdirSync(config)).toContain("platform.yaml");
  });

  it("synth --department needs an earlier full output", async () => {
    const project = materialize();
    const run = await govcloud(["synth", "--config", join(project, "config"), "--out", join(project, "out"), "--today", TODAY, "--department", "health"]);
    expect(run.status).toBe(1);
    expect(run.err).toContain(`no earlier output in ${join(project, "out")}: a synthesis of some departments adds to a full one; run govcloud synth without --department first`);
  });
});

describe("paths that cannot be used", () => {
  it("audit reports an evidence pack folder it cannot write in one line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "govcloud-report-")), "a-file");
    writeFileSync(file, "");
    const run = await govcloud(["audit", "--config", join(dirname(example.outdir), "config"), "--out", example.outdir, "--report", join(file, "report")]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/^govcloud: ENOTDIR: not a directory, mkdir '.*a-file\/report'\n$/m);
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it("a damaged artifact is named, not a stack trace", async () => {
    const broken = mkdtempSync(join(tmpdir(), "govcloud-broken-"));
    writeFileSync(join(broken, "manifest.json"), "{");
    const run = await govcloud(["diff", broken, broken]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/^govcloud: cannot convert the artifact into Kubernetes objects \(1 problem\):\n {2}.*: cannot read .*manifest\.json: .*JSON.*; synthesize again\n$/);
  });

  it("init and schema need an existing declaration folder", async () => {
    const nowhere = join(mkdtempSync(join(tmpdir(), "govcloud-none-")), "config");
    expect(await govcloud(["init", "department", "water", "--config", nowhere])).toEqual({
      status: 1,
      out: "",
      err: `govcloud: no platform declaration at ${join(nowhere, "platform.yaml")}; departments are added to an existing platform (--config)\n`,
    });
    expect((await govcloud(["schema", "--config", nowhere])).status).toBe(1);
    mkdirSync(dirname(nowhere), { recursive: true });
    expect(readdirSync(dirname(nowhere))).toEqual([]);
  });
});

describe("options", () => {
  it("refuses an option the command does not read, rather than ignoring it", async () => {
    expect(await govcloud(["validate", "--to", "x", "--department", "health"])).toEqual({
      status: 2,
      out: "",
      err: "govcloud validate: validate does not take --to; it takes --config, --today; see govcloud validate --help\n",
    });
    expect((await govcloud(["diff", "--to", "x", "a", "b"])).err).toBe("govcloud diff: diff does not take --to; it takes --config, --out, --today; see govcloud diff --help\n");
  });

  it("shows a declaration outside the working directory by its absolute path", async () => {
    const run = await govcloud(["validate", "--config", "/nonexistent-govcloud-config"]);
    expect(run.err.split("\n")[0]).toBe("/nonexistent-govcloud-config/platform.yaml:1:1 (document): file not found");
  });
});
