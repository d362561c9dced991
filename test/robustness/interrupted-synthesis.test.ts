import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseDocument } from "yaml";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { STACK_CACHE_FOLDER } from "../../artifact/stack-cache";
import { readPlatformOrThrow } from "../../config/read-platform";
import { PROJECT_ROOT, readTree } from "../artifact/example-project";
import { materialize, TODAY } from "../config/declaration-fixtures";
import { EXAMPLE_TODAY, synthesizeExample } from "../stacks/example-artifact";

/**
 * A synthesis killed at any moment leaves the previous output exactly as it was (or, past the
 * swap, the complete new one), the lock whole, and leftovers the next synthesis clears away.
 */

/** The id of a process that has certainly exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `govcloud synth` in `project` and SIGKILLs it `delay` ms after its staging folder appears (or after `fromStart` ms). */
async function killedSynthesis(project: string, kill: { delay: number; fromStart?: boolean }): Promise<{ pid: number; killed: boolean }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "cli", "govcloud.js"), "synth", "--today", EXAMPLE_TODAY], { cwd: project, stdio: "ignore" });
  const exited = new Promise<boolean>((resolve) => child.on("exit", (_, signal) => resolve(signal === "SIGKILL")));
  let done = false;
  void exited.then(() => (done = true));
  const staging = join(project, `.cdktf.out.staging-${child.pid}`);
  if (!kill.fromStart) {
    while (!done && !existsSync(staging)) await sleep(10);
  }
  await sleep(kill.delay);
  if (!done) child.kill("SIGKILL");
  return { pid: child.pid!, killed: await exited };
}

describe("a synthesis killed midway", () => {
  // The bundled example: 13 departments, two clusters, long enough a synthesis to interrupt.
  const example = synthesizeExample();
  const project = dirname(example.outdir);
  const outdir = example.outdir;
  const lockPath = join(project, "config", "stateful.lock.json");
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("leaves the previous output byte for byte, the lock whole, and leftovers the next synthesis removes", async () => {
    // The next synthesis differs from the last: a replica count changes, and the lock lacks an entry it will add back.
    const health = join(project, "config", "departments", "health.yaml");
    const document = parseDocument(readFileSync(health, "utf8"));
    // The example declares its services once (services:), with per-environment overrides.
    const replicas = Number(document.getIn(["services", 0, "replicas"]) ?? 1);
    document.setIn(["services", 0, "replicas"], replicas + 1);
    writeFileSync(health, document.toString());
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as { entries: unknown[] };
    const oldLock = `${JSON.stringify({ ...lock, entries: lock.entries.slice(1) }, null, 2)}\n`;
    writeFileSync(lockPath, oldLock);
    const oldTree = readTree(outdir);

    const outcomes: Array<{ tree: Map<string, string>; lock: string; leftovers: string[]; killed: boolean }> = [];
    // Kills soon after the staging folder appears land inside the synthesis on any machine; the
    // later ones land wherever this machine's speed puts them (on a fast one, past the swap).
    for (const kill of [{ delay: 700, fromStart: true }, { delay: 0 }, { delay: 60 }, { delay: 200 }, { delay: 500 }, { delay: 1500 }]) {
      const { pid, killed } = await killedSynthesis(project, kill);
      // The stack cache is the project's, meant to stay; a store killed midway is cleaned up by the next synthesis.
      const leftovers = readdirSync(project).filter((name) => name !== "cdktf.out" && name !== "config" && name !== STACK_CACHE_FOLDER);
      outcomes.push({ tree: readTree(outdir), lock: readFileSync(lockPath, "utf8"), leftovers, killed });
      expect(leftovers.every((name) => name.includes(String(pid)))).toBe(true);
    }
    // Most runs really were killed inside the synthesis, leaving their staging folder behind.
    expect(outcomes.filter((o) => o.killed && o.leftovers.some((n) => n.startsWith(".cdktf.out.staging-"))).length).toBeGreaterThanOrEqual(3);

    // The next synthesis succeeds, and removes what the killed ones left.
    const model = readPlatformOrThrow(join(project, "config"), { today: EXAMPLE_TODAY });
    synthesizePlatform(model, { outdir, projectRoot: project, configDir: join(project, "config") });
    expect(readdirSync(project).filter((name) => name !== STACK_CACHE_FOLDER).sort()).toEqual(["cdktf.out", "config"]);
    expect(readdirSync(join(project, "config")).filter((name) => name.includes(".tmp-"))).toEqual([]);
    const newTree = readTree(outdir);
    const newLock = readFileSync(lockPath, "utf8");
    expect(newTree).not.toEqual(oldTree);
    expect(newLock).not.toBe(oldLock);

    // After every kill: the whole old output or the whole new one; the old lock or the new one.
    outcomes.forEach(({ tree, lock: seen }, i) => {
      const same = (expected: Map<string, string>) => tree.size === expected.size && [...expected].every(([path, text]) => tree.get(path) === text);
      expect({ run: i, output: same(oldTree) ? "old" : same(newTree) ? "new" : "neither" }).toEqual({ run: i, output: same(newTree) ? "new" : "old" });
      expect({ run: i, lock: seen === oldLock ? "old" : seen === newLock ? "new" : "neither" }).not.toEqual({ run: i, lock: "neither" });
      JSON.parse(seen);
    });
  }, 150_000);
});

describe("leftovers of killed runs", () => {
  // Before: only the running process's own staging folders were removed; a killed run's stayed forever.
  it("are removed when their process is gone, and an output moved aside mid-swap is put back", () => {
    const project = materialize();
    try {
      const config = join(project, "config");
      const outdir = join(project, "cdktf.out");
      const model = readPlatformOrThrow(config, { today: TODAY });
      synthesizePlatform(model, { outdir, projectRoot: project, configDir: config });
      const previous = readTree(outdir);
      const [dead, alive] = [deadPid(), process.ppid];
      // A run killed between moving the output aside and moving the new one in.
      cpSync(outdir, join(project, `cdktf.out.old-${dead}`), { recursive: true });
      rmSync(outdir, { recursive: true });
      for (const name of [`.cdktf.out.staging-${dead}`, `.cdktf.out.staging-${dead}-departments/stacks`, `.cdktf.out.staging-${alive}`]) {
        mkdirSync(join(project, name), { recursive: true });
      }
      writeFileSync(join(config, `stateful.lock.json.tmp-${dead}`), '{ "version": 1, "entr');

      // The previous output is back before anything else runs: a synthesis refused by its check leaves it in place.
      expect(() =>
        synthesizePlatform(model, { outdir, projectRoot: project, configDir: config, check: { errors: () => ["refused for the test"] } }),
      ).toThrow("synthesis refused, nothing was written (1 error):\n  refused for the test");
      expect(readTree(outdir)).toEqual(previous);
      expect(readdirSync(project).sort()).toEqual([".cdktf.out.staging-" + alive, "cdktf.out", "config"]);

      synthesizePlatform(model, { outdir, projectRoot: project, configDir: config });
      // Another process's staging folder is left alone: it may be synthesizing right now.
      expect(readdirSync(project).sort()).toEqual([".cdktf.out.staging-" + alive, "cdktf.out", "config"]);
      expect(readdirSync(config).filter((name) => name.includes(".tmp-"))).toEqual([]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 60_000);
});
