import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { main } from "../../cli/main";
import { EXAMPLE_TODAY, synthesizeExample } from "../stacks/example-artifact";

/**
 * What the commands print, through the channels scripts use: a file, and a real pipe whose
 * reader starts a second late, so the writer fills the pipe (64 KiB) and Node has to queue the
 * rest. Output that a process exits without flushing is lost there and only there.
 */
const BIN = join(__dirname, "..", "..", "cli", "govcloud.js");
const example = synthesizeExample();
const root = dirname(example.outdir);

interface ShellRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function shell(script: string): ShellRun {
  const run = spawnSync("bash", ["-c", `set -o pipefail\n${script}`], { cwd: root, encoding: "utf8", timeout: 180_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const govcloud = (args: string) => `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`;

/** Runs `args` once into a file and once into a late pipe; returns both outputs. */
function fileAndPipe(args: string): { file: string; piped: string; fileStatus: string } {
  const run = shell(`${govcloud(args)} > to-file.txt 2>/dev/null; echo "$?" > status.txt\n${govcloud(args)} 2>/dev/null | (sleep 1; cat > through-pipe.txt)`);
  expect(run.stderr).toBe("");
  return {
    file: readFileSync(join(root, "to-file.txt"), "utf8"),
    piped: readFileSync(join(root, "through-pipe.txt"), "utf8"),
    fileStatus: readFileSync(join(root, "status.txt"), "utf8").trim(),
  };
}

/** Runs `args` into a late pipe only; returns what arrived and the command's exit code. */
function throughPipe(args: string): { piped: string; status: string } {
  const run = shell(`${govcloud(args)} 2>/dev/null | (sleep 1; cat > through-pipe.txt); echo "$\{PIPESTATUS[0]}"`);
  return { piped: readFileSync(join(root, "through-pipe.txt"), "utf8"), status: run.stdout.trim() };
}

/** Every byte the command prints, captured in-process (`main` writes nothing itself). */
async function printed(argv: string[]): Promise<string> {
  let out = "";
  const cwd = process.cwd();
  process.chdir(root);
  try {
    expect(await main(argv, { out: (text) => void (out += text), err: () => undefined })).toBe(0);
  } finally {
    process.chdir(cwd);
  }
  return out;
}

/** 150 workloads in 5 namespaces, no policies: every pair may connect, 22,650 lines, about 1.5 MB. */
function writeOpenManifests(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const documents: string[] = [];
  for (let n = 0; n < 5; n++) {
    documents.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${n}\n`);
    for (let w = 0; w < 30; w++) {
      documents.push(
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${w}\n  namespace: ns-${n}\nspec:\n  selector:\n    matchLabels: {app: app-${w}}\n  template:\n    metadata:\n      labels: {app: app-${w}}\n    spec:\n      containers: [{name: app, image: "registry.example/app:1.0.0"}]\n`,
      );
    }
  }
  writeFileSync(join(dir, "workloads.yaml"), documents.map((d) => `---\n${d}`).join(""));
}

beforeAll(async () => {
  writeOpenManifests(join(root, "open"));
  const exported = await main(["export", "--out", example.outdir, "--to", join(root, "manifests")], { out: () => undefined, err: () => undefined });
  expect(exported).toBe(0);
  // The artifact before any department existed: diffing it against the example lists everything the departments add.
  const old = join(root, "platform-only.out");
  cpSync(example.outdir, old, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(old, "manifest.json"), "utf8"));
  for (const stack of Object.keys(manifest.stacks).filter((name) => name.startsWith("dept-"))) {
    delete manifest.stacks[stack];
    rmSync(join(old, "stacks", stack), { recursive: true });
  }
  writeFileSync(join(old, "manifest.json"), JSON.stringify(manifest, null, 2));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("output through a pipe", () => {
  it("connectivity delivers all 22,650 lines (1.5 MB) through a late pipe, as into a file", () => {
    const { file, piped, fileStatus } = fileAndPipe("connectivity open");
    expect(fileStatus).toBe("0");
    expect(file.split("\n")).toHaveLength(22_651);
    expect(file.endsWith("ns-4/app-9[Deployment] => ns-4/app-8[Deployment] : All Connections\n")).toBe(true);
    expect(Buffer.byteLength(piped)).toBe(Buffer.byteLength(file));
    expect(piped).toBe(file);
  }, 60_000);

  it("audit, ledger and diff deliver through a late pipe every byte they print", async () => {
    for (const args of [
      `audit --config config --out cdktf.out --report audit-report --today ${EXAMPLE_TODAY}`,
      `ledger --config config --out cdktf.out --today ${EXAMPLE_TODAY}`,
      "diff platform-only.out cdktf.out",
    ]) {
      const expected = await printed(args.split(" "));
      expect(expected.length).toBeGreaterThan(3_000);
      expect({ args, ...throughPipe(args) }).toEqual({ args, piped: expected, status: "0" });
    }
  }, 120_000);

  it("a reader that leaves after one line ends the command quietly, with its own exit code", () => {
    const run = shell(`${govcloud("connectivity open")} | head -1; echo "govcloud exited $\{PIPESTATUS[0]}"`);
    expect(run.stdout).toBe("0.0.0.0-255.255.255.255[External] => ns-0/app-0[Deployment] : All Connections\ngovcloud exited 0\n");
    expect(run.stderr).toBe("");
  }, 60_000);
});

describe("govcloud connectivity on what govcloud export wrote", () => {
  it("analyzes each cluster folder as its own cluster, headed by its name, through a pipe as printed", async () => {
    const { piped, status } = throughPipe("connectivity manifests");
    expect(status).toBe("0");
    const headings = piped.split("\n").filter((line) => line.startsWith("# "));
    expect(headings).toEqual(["# cluster secure-l4", "# cluster shared-hz"]);
    // Each cluster's block is exactly what its folder alone gives.
    const [secure, shared] = [await printed(["connectivity", "manifests/secure-l4"]), await printed(["connectivity", "manifests/shared-hz"])];
    expect(piped).toBe(`# cluster secure-l4\n${secure}\n# cluster shared-hz\n${shared}`);
    expect(secure).toContain("\npublic-security-core/");
  }, 60_000);
});
