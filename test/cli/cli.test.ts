import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { main } from "../../cli/main";
import { commandSpec, COMMANDS } from "../../cli/command-specs";
import { CONNECTIVITY_FORMATS } from "../../audit/connectivity";
import { expectedLines, materialize, TODAY } from "../config/declaration-fixtures";

/**
 * The `govcloud` command as a user runs it: a child process of the real bin, in a project
 * folder. Each spawn costs about a second, so only what needs the real process (exit codes,
 * stdout/stderr separation, files on disk) is spawned; the rest calls `main` in-process.
 */
const REPO = join(__dirname, "..", "..");
const BIN = join(REPO, "cli", "govcloud.js");

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function govcloud(args: string[], cwd: string = REPO): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** In-process `main`, capturing what it prints. */
async function govcloudInProcess(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
  return { status, stdout, stderr };
}

/** Every file under `dir` with its bytes, to prove a folder was left untouched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path).toString("base64");
    }
  };
  walk(dir);
  return files;
}

/** A project folder holding a copy of the bundled example's declaration (YAML and editor schemas only). */
function bundledProject(): string {
  const project = mkdtempSync(join(tmpdir(), "govcloud-cli-"));
  const source = join(REPO, "config");
  cpSync(source, join(project, "config"), {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() ? !/[/\\](declaration|model|rules|schema)$/.test(src) : /\.(ya?ml|json)$/.test(src),
  });
  return project;
}

const projects: string[] = [];
function track(project: string): string {
  projects.push(project);
  return project;
}
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** Lines of stderr that are not warnings (the bundled example may carry expiry warnings). */
function errorLines(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line !== "" && !/^\S+:\d+:\d+ \S+: warning: /.test(line));
}

const DNS_LABEL_RULE = "must be a DNS label: lowercase letters, digits and '-', starting with a letter and not ending with '-'";

describe("govcloud validate", () => {
  it("accepts the bundled example and prints one summary line", () => {
    const run = govcloud(["validate", "--today", TODAY]);
    expect(errorLines(run.stderr)).toEqual([]);
    expect(run.stdout).toMatch(/^config: valid\. 2 clusters, 13 departments, \d+ environments, \d+ services\.\n$/);
    expect(run.status).toBe(0);
  });

  it("prints every problem of an invalid declaration on stderr, then the count, and exits 1", () => {
    const project = track(materialize("many-problems"));
    const run = govcloud(["validate", "--config", join(project, "config"), "--today", TODAY], project);
    const lines = expectedLines("many-problems");
    expect(run.stderr).toBe(`${lines.join("\n")}\n\n${lines.length} error(s), 0 warning(s); nothing was written.\n`);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
  });
});

describe("govcloud synth", () => {
  it("writes nothing for an invalid declaration and leaves an existing output folder byte-identical", () => {
    const project = track(materialize("many-problems"));
    const out = join(project, "out");
    mkdirSync(join(out, "stacks", "dept-health"), { recursive: true });
    writeFileSync(join(out, "stacks", "dept-health", "cdk.tf.json"), '{"previous":"synthesis"}\n');
    writeFileSync(join(out, "manifest.json"), "{}\n");
    const before = snapshot(out);

    const run = govcloud(["synth", "--config", join(project, "config"), "--out", out, "--today", TODAY], project);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = expectedLines("many-problems");
    expect(run.stderr).toBe(`${lines.join("\n")}\n\n${lines.length} error(s), 0 warning(s); nothing was written.\n`);
    expect(snapshot(out)).toEqual(before);
    // No staging folder left beside it either.
    expect(readdirSync(project).sort()).toEqual(["config", "out"]);
  });

  it("does not create the output folder for an invalid declaration", async () => {
    const project = track(materialize("unknown-cluster"));
    const out = join(project, "out");
    const run = await govcloudInProcess(["synth", "--config", join(project, "config"), "--out", out, "--today", TODAY]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('environments[1].cluster: unknown cluster "shared-2" (did you mean "shared"?); declared clusters: shared, secure-l4\n');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(project)).toEqual(["config"]);
  });
});

describe("govcloud init department", () => {
  it("writes a request file that validates as written", () => {
    const project = track(bundledProject());
    const counts = (stdout: string) => stdout.match(/(\d+) environments, (\d+) services/)!.slice(1).map(Number);
    const [environmentsBefore, servicesBefore] = counts(govcloud(["validate", "--today", TODAY], project).stdout);
    const init = govcloud(["init", "department", "water"], project);
    expect(init.stderr).toBe("");
    expect(init.stdout).toBe("wrote config/departments/water.yaml\nNext: edit it, then run: npx govcloud validate\n");
    expect(init.status).toBe(0);
    expect(readFileSync(join(project, "config", "departments", "water.yaml"), "utf8")).toMatch(/^name: water\b/m);

    const validate = govcloud(["validate", "--today", TODAY], project);
    expect(errorLines(validate.stderr)).toEqual([]);
    expect(validate.stdout).toMatch(/^config: valid\. 2 clusters, 14 departments, \d+ environments, \d+ services\.\n$/);
    expect(validate.status).toBe(0);
    // A level-2 dev and a level-3 prod, each running the three services declared once.
    expect(counts(validate.stdout)).toEqual([environmentsBefore + 2, servicesBefore + 6]);
    const written = readFileSync(join(project, "config", "departments", "water.yaml"), "utf8");
    expect(written).toMatch(/- name: dev\n\s+level: 2\b/);
    expect(written).toMatch(/- name: prod\n\s+level: 3\b/);
  });

  it("refuses a name that is not a DNS label, writing nothing", async () => {
    const project = track(materialize());
    const departments = join(project, "config", "departments");
    const before = snapshot(departments);
    const run = await govcloudInProcess(["init", "department", "Bad_Name", "--config", join(project, "config")]);
    expect(run.stderr).toBe(`govcloud: department name "Bad_Name" ${DNS_LABEL_RULE}\n`);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
    expect(snapshot(departments)).toEqual(before);
  });

  it("refuses to overwrite an existing request file", async () => {
    const project = track(materialize());
    const config = join(project, "config");
    const before = snapshot(config);
    const run = await govcloudInProcess(["init", "department", "health", "--config", config]);
    expect(run.stderr).toBe(`govcloud: ${join(config, "departments", "health.yaml")} already exists; edit it instead\n`);
    expect(run.status).toBe(1);
    expect(snapshot(config)).toEqual(before);
  });

  it("is a usage error without a name", async () => {
    const run = await govcloudInProcess(["init", "department"]);
    expect(run.stderr).toBe("govcloud init: takes department NAME; see govcloud init --help\n");
    expect(run.status).toBe(2);
  });
});

describe("usage", () => {
  it("refuses an unknown command in one line, suggesting the closest", () => {
    const run = govcloud(["valdate"]);
    expect(run.stderr).toBe(
      'govcloud: unknown command "valdate" (did you mean "validate"?); commands: validate, synth, schema, init, audit, ledger, secrets, preflight, diff, export, connectivity; see govcloud --help\n',
    );
    expect(run.stdout).toBe("");
    expect(run.status).toBe(2);
    expect(govcloud(["deploy-everything"]).stderr).toBe(
      'govcloud: unknown command "deploy-everything"; commands: validate, synth, schema, init, audit, ledger, secrets, preflight, diff, export, connectivity; see govcloud --help\n',
    );
  });

  it("refuses an unknown option in one line, with the options the command takes and the closest", async () => {
    expect(await govcloudInProcess(["validate", "--verbose"])).toMatchObject({
      status: 2,
      stderr: "govcloud validate: unknown option --verbose; it takes --config, --today; see govcloud validate --help\n",
    });
    expect(await govcloudInProcess(["synth", "--departmen", "health"])).toMatchObject({
      status: 2,
      stderr: "govcloud synth: unknown option --departmen (did you mean --department?); it takes --config, --out, --department, --summary, --today, --no-cache, --workers, --progress; see govcloud synth --help\n",
    });
    expect(await govcloudInProcess(["diff", "--config", "x", "a", "b"])).toMatchObject({
      status: 2,
      stderr: "govcloud diff: --config is for diff without arguments; diff OLD NEW takes no options; see govcloud diff --help\n",
    });
  });

  it("refuses extra or missing arguments, and options without their value", async () => {
    expect(await govcloudInProcess(["validate", "/nonexistent.yaml"])).toMatchObject({
      status: 2,
      stdout: "",
      stderr: 'govcloud validate: takes no arguments; unexpected "/nonexistent.yaml"; see govcloud validate --help\n',
    });
    expect(await govcloudInProcess(["diff", "a"])).toMatchObject({ status: 2, stderr: "govcloud diff: takes [OLD NEW] (0 or 2 arguments); see govcloud diff --help\n" });
    expect(await govcloudInProcess(["synth", "--config"])).toMatchObject({
      status: 2,
      stderr: "govcloud synth: --config needs a value (--config DIR); see govcloud synth --help\n",
    });
    expect(await govcloudInProcess(["synth", "--summary=yes"])).toMatchObject({
      status: 2,
      stderr: 'govcloud synth: --summary is a switch and takes no value; got "yes"; see govcloud synth --help\n',
    });
  });

  it("prints each command's own help, with its options and an example", async () => {
    for (const command of ["validate", "synth", "schema", "init", "audit", "ledger", "diff", "export", "connectivity"]) {
      const help = await govcloudInProcess([command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout.split("\n")[0]).toMatch(new RegExp(`^usage: govcloud ${command}\\b`));
      expect(help.stdout).toContain("\nexamples:\n  govcloud ");
      expect((await govcloudInProcess(["help", command])).stdout).toBe(help.stdout);
    }
    expect((await govcloudInProcess(["synth", "-h"])).stdout).toBe(
      [
        "usage: govcloud synth [options]",
        "",
        "validate, then synthesize Terraform stacks into cdktf.out (replaced only on success); stacks whose inputs and code did not change are reused from .govcloud-cache/",
        "",
        "options:",
        "  --config DIR                 the declaration folder (default: config)",
        "  --out DIR                    the synthesis output folder (default: cdktf.out)",
        "  --department NAME            re-synthesize this department's stack only (repeatable)",
        "  --summary                    print departments, environments and resources per stack",
        "  --today YYYY-MM-DD           the date expiry checks use (default: today, UTC)",
        "  --no-cache                   build every stack (a cold synthesis), neither reading nor writing the cache",
        "  --workers N                  build stacks on N worker threads (default: one per core when there are enough stacks; 1: in this process)",
        "  --progress                   show progress even when stderr is not a terminal (CI logs)",
        "  --help                       this command's help",
        "",
        "examples:",
        "  govcloud synth --summary",
        "  govcloud synth --department health",
        "",
      ].join("\n"),
    );
  });

  it("lists and accepts for --format exactly the formats each command writes", async () => {
    expect(commandSpec("connectivity")?.formats).toEqual(CONNECTIVITY_FORMATS);
    for (const command of COMMANDS.filter((c) => c.options.includes("format"))) {
      expect({ command: command.name, formats: command.formats?.[0] }).toEqual({ command: command.name, formats: "txt" });
      const help = (await govcloudInProcess([command.name, "--help"])).stdout;
      expect(help).toContain(`  --format ${command.formats!.join("|")} `);
    }
    for (const command of ["secrets", "preflight"]) {
      expect(await govcloudInProcess([command, "--format", "md"])).toMatchObject({
        status: 2,
        stderr: `govcloud ${command}: --format must be one of txt, json; got "md"; see govcloud ${command} --help\n`,
      });
    }
  });

  it("prints the usage on stdout and exits 0 for --help; on stderr with exit 2 with no command", async () => {
    const help = await govcloudInProcess(["--help"]);
    expect(help.stdout).toMatch(/^usage: govcloud <command> \[options\]\n/);
    expect(help.stdout).toContain("\ncommands:\n  validate ");
    expect(help.status).toBe(0);
    const none = await govcloudInProcess([]);
    expect(none.stderr).toMatch(/^govcloud: no command given\n\nusage: govcloud <command> \[options\]\n/);
    expect(none.stdout).toBe("");
    expect(none.status).toBe(2);
  });

  it("refuses a --today that is not a date", async () => {
    const run = await govcloudInProcess(["validate", "--today", "tomorrow"]);
    expect(run.stderr).toBe('govcloud validate: --today must be a date written YYYY-MM-DD; got "tomorrow"; see govcloud validate --help\n');
    expect(run.status).toBe(2);
  });
});
