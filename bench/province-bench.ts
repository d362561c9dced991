/**
 * Province scale, measured (`npm run bench`). For each size, generates a province
 * (bench/generate-province.ts), then runs every stage in a process of its own and records its
 * wall time and peak memory: validate, construct, `govcloud synth` (as users run it), export,
 * `govcloud audit`, and `govcloud synth --department` for one department; beside them, in the same
 * run, the replay baseline (the same resources through the same provider classes, plain cdktf) and
 * the serialization floor (the same JSON written with JSON.stringify). Prints a table, checks the
 * targets, and writes the figures to bench/results/<seed>-<timestamp>.json.
 *
 *   npm run bench [-- --sizes 10,50,200 --seed 7 --work /tmp/govcloud-bench]
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeProvince } from "./generate-province";

const ROOT = resolve(__dirname, "..");
const CLI = join(ROOT, "cli", "govcloud.js");
const PEAK = join(ROOT, "bench", "peak-memory.cjs");
const TSX = require.resolve("tsx/cjs");

interface Measure {
  readonly stage: string;
  readonly departments: number;
  /** Wall time of the whole process, start-up included (ms); for the replay, without its fidelity check. */
  readonly wallMs: number;
  /** Time of the stage's own call, where the stage reports it (ms). */
  readonly workMs?: number;
  /** Peak resident set size of the process (MiB). */
  readonly peakMiB: number;
  readonly detail: string;
  /** For syntheses: stacks reused from the cache, stacks built, and the worker threads that built them. */
  readonly reused?: number;
  readonly built?: number;
  readonly workers?: number;
}

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,200,1000" },
    seed: { type: "string", default: "7" },
    work: { type: "string", default: join(tmpdir(), "govcloud-bench") },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const seed = Number(values.seed);
const work = resolve(values.work);

/** Runs `node [--require tsx/cjs] script args…` in its own process; wall time from here, peak memory from inside. */
function run(stage: string, departments: number, script: string, args: string[], options: { tsx?: boolean; cwd?: string } = {}): Measure {
  const peakFile = join(work, `peak-${process.pid}`);
  rmSync(peakFile, { force: true });
  const argv = ["--require", PEAK, ...(options.tsx ? ["--require", TSX] : []), script, ...args];
  const start = performance.now();
  const child = spawnSync(process.execPath, argv, { cwd: options.cwd ?? ROOT, env: { ...process.env, BENCH_PEAK_FILE: peakFile }, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) {
    throw new Error(`${stage} at ${departments} departments failed (exit ${child.status}):\n${child.stderr.slice(-4000)}\n${child.stdout.slice(-4000)}`);
  }
  const reported = /^BENCH (.*)$/m.exec(child.stdout);
  const parsed = reported ? (JSON.parse(reported[1]) as { workMs: number; checkMs?: number; detail: string }) : undefined;
  const lastLine = child.stdout.trim().split("\n").filter((l) => !l.startsWith("BENCH ")).pop() ?? "";
  return {
    stage,
    departments,
    // A stage's own checks after its work (the replay's comparison with the original) are not its cost.
    wallMs: wallMs - (parsed?.checkMs ?? 0),
    workMs: parsed?.workMs,
    peakMiB: Number(readFileSync(peakFile, "utf8")) / 1024,
    detail: parsed?.detail ?? lastLine.slice(0, 100),
  };
}

/** Sizes above this skip the stages that only compare layers (construct alone, replay, floor): minutes and gigabytes each. */
const LAYER_STAGES_UP_TO = 200;

/** The cache and worker figures a `govcloud synth` prints on its last line. */
function synthesisFigures(m: Measure, stacks: number): Measure {
  const built = /(\d+) built on (\d+) workers/.exec(m.detail);
  const reused = Number(/(\d+) unchanged, reused/.exec(m.detail)?.[1] ?? 0);
  return { ...m, reused, built: built ? Number(built[1]) : stacks - reused, workers: built ? Number(built[2]) : 1 };
}

/** Edits a file in place; the edit must change it. */
function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`the benchmark's edit did not change ${path}`);
  writeFileSync(path, after);
}

function measureSize(departments: number): Measure[] {
  const dir = join(work, `p${departments}`);
  rmSync(dir, { recursive: true, force: true });
  const config = join(dir, "config");
  const out = join(dir, "cdktf.out");
  const province = writeProvince(config, { departments, seed });
  const stacks = departments + 3;
  process.stderr.write(`${departments} departments: ${province.environments} environments, ${province.services} services in ${relative(ROOT, config) || config}\n`);
  const cli = (stage: string, args: string[]) => run(stage, departments, CLI, args, { cwd: dir });
  const synth = (stage: string, args: string[] = []) => synthesisFigures(cli(stage, ["synth", "--config", config, "--out", out, ...args]), stacks);
  const stage = (name: string, args: string[]) => run(name, departments, join(ROOT, "bench", "stage.ts"), [name, ...args], { tsx: true, cwd: dir });
  const measures: Measure[] = [];
  load.push(loadavg()[0]);
  const step = (m: Measure) => {
    measures.push({ ...m, loadAverage: loadavg()[0] } as Measure);
    const cache = m.reused !== undefined ? `  [${m.reused} reused, ${m.built} built, ${m.workers} worker${m.workers === 1 ? "" : "s"}]` : "";
    process.stderr.write(`  ${m.stage.padEnd(22)} ${(m.wallMs / 1000).toFixed(1).padStart(7)} s ${m.peakMiB.toFixed(0).padStart(6)} MiB  load ${loadavg()[0].toFixed(1)}${cache}  ${m.detail}\n`);
  };
  const layers = departments <= LAYER_STAGES_UP_TO;
  step(stage("validate", [config, out]));
  if (layers) step(stage("construct", [config, join(dir, "construct.out")]));
  // The first synthesis finds an empty cache: every stack is built (and cached).
  step(synth("synth"));
  // As a user validates after a synthesis: with the files it parsed kept, none is parsed again.
  step(cli("validate-cached", ["validate", "--config", config]));
  step(synth("synth-unchanged"));
  // Edits as users make them, each followed by a plain `govcloud synth`.
  const departmentFile = (name: string) => join(config, "departments", `${name}.yaml`);
  edit(departmentFile(province.departments[1]), (text) => text.replace(/(\/portal:\d+\.\d+\.)(\d+)/, (_, head: string, patch: string) => `${head}${Number(patch) + 1}`));
  step(synth("synth-edit-department"));
  const provider = province.departments.find((name) => /^\s+offers:/m.test(readFileSync(departmentFile(name), "utf8")))!;
  edit(departmentFile(provider), (text) => text.replace(/(\n {4}\s*purpose: [^\n]*)/, "$1（修订）"));
  step(synth("synth-edit-sharing"));
  edit(join(config, "platform.yaml"), (text) => text.replace("    - govcloud-audit-admins\n", "    - govcloud-audit-admins\n    - govcloud-audit-reviewers\n"));
  step(synth("synth-edit-platform"));
  // The same input, cold: its output, lock and gate verdict must be the incremental ones.
  const cold = join(dir, "cold.out");
  const lockBefore = readFileSync(join(config, "stateful.lock.json"), "utf8");
  step(synthesisFigures(cli("synth-no-cache", ["synth", "--config", config, "--out", cold, "--no-cache"]), stacks));
  const differing = compareTrees(out, cold);
  if (readFileSync(join(config, "stateful.lock.json"), "utf8") !== lockBefore) differing.push("config/stateful.lock.json");
  identity.set(departments, differing);
  if (differing.length > 0) process.stderr.write(`  the incremental output differs from a cold synthesis: ${differing.slice(0, 5).join(", ")}\n`);
  step(stage("export", [config, out, join(dir, "manifests")]));
  step(cli("audit", ["audit", "--config", config, "--out", out, "--report", join(dir, "audit-report")]));
  // One department re-synthesized into a copy of the full output, as a department's change would be.
  const one = join(dir, "one.out");
  rmSync(one, { recursive: true, force: true });
  cpSync(out, one, { recursive: true });
  step(cli("synth-department", ["synth", "--config", config, "--out", one, "--department", province.departments[1]]));
  if (layers) {
    step(run("replay-baseline", departments, join(ROOT, "bench", "replay-baseline.ts"), [out, join(dir, "replay.out")], { tsx: true, cwd: dir }));
    step(run("serialization-floor", departments, join(ROOT, "bench", "serialization-floor.ts"), [out, join(dir, "floor.out")], { tsx: true, cwd: dir }));
  }
  return measures;
}

/** Paths under two folders whose bytes differ, or that only one has. */
function compareTrees(a: string, b: string): string[] {
  const files = (root: string) => {
    const found = new Map<string, Buffer>();
    const walk = (at: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) walk(path);
        else found.set(relative(root, path), readFileSync(path));
      }
    };
    walk(root);
    return found;
  };
  const left = files(a);
  const right = files(b);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)) || !right.has(name));
}

/** Per size, the files in which the incremental output differed from the cold one (none, when it holds). */
const identity = new Map<number, string[]>();

/** One-minute load averages as each size started: other work on the machine shows in the figures. */
const load: number[] = [];
mkdirSync(work, { recursive: true });
const started = new Date();
const measures = sizes.flatMap(measureSize);

const find = (stage: string, departments: number) => measures.find((m) => m.stage === stage && m.departments === departments);
const seconds = (ms?: number) => (ms === undefined ? "" : (ms / 1000).toFixed(1));
const stages = [...new Set(measures.map((m) => m.stage))];
const header = ["stage", ...sizes.flatMap((n) => [`${n}: wall s`, `work s`, `peak MiB`])];
const rows = stages.map((s) => [s, ...sizes.flatMap((n) => { const m = find(s, n); return m ? [seconds(m.wallMs), seconds(m.workMs), m.peakMiB.toFixed(0)] : ["", "", ""]; })]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
const table = [line(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 1) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");

const largest = Math.max(...sizes);
const smallest = Math.min(...sizes);
const layered = Math.max(...sizes.filter((n) => n <= LAYER_STAGES_UP_TO));
const ratio = (a: Measure | undefined, b: Measure | undefined) => (a && b ? a.wallMs / b.wallMs : NaN);
const synthLarge = find("synth", largest);
const coldSmall = find("synth", smallest);
const peakSynth = synthLarge?.peakMiB ?? NaN;
const editTarget = (stage: string, what: string) => {
  const m = find(stage, largest);
  const r = ratio(m, coldSmall);
  return { target: `${what} at ${largest} ≤ 3 × cold synth at ${smallest}`, value: `${r.toFixed(2)} × (${seconds(m?.wallMs)} s vs ${seconds(coldSmall?.wallMs)} s; ${m?.built} built, ${m?.reused} reused)`, met: r <= 3 };
};
const targets = [
  { target: `cold govcloud synth under 60 s at ${largest}`, value: `${seconds(synthLarge?.wallMs)} s on ${synthLarge?.workers} workers`, met: (synthLarge?.wallMs ?? Infinity) < 60_000 },
  { target: `cold govcloud synth peak memory under 2 GB at ${largest}`, value: `${peakSynth.toFixed(0)} MiB`, met: peakSynth * 2 ** 20 < 2e9 },
  { target: `audit under the synthesis time at ${largest}`, value: `${seconds(find("audit", largest)?.wallMs)} s vs ${seconds(synthLarge?.wallMs)} s`, met: ratio(find("audit", largest), synthLarge) < 1 },
  {
    target: `validation under 5 s at ${largest}, parsing every file`,
    value: `${seconds(find("validate", largest)?.wallMs)} s wall (${seconds(find("validate", largest)?.workMs)} s of work); govcloud validate after a synthesis: ${seconds(find("validate-cached", largest)?.wallMs)} s`,
    met: (find("validate", largest)?.wallMs ?? Infinity) < 5000,
  },
  editTarget("synth-edit-department", "one-department edit"),
  editTarget("synth-edit-sharing", "sharing-agreement edit"),
  editTarget("synth-edit-platform", "platform.yaml edit (admins)"),
  { target: `cold synth at ${layered} ≤ 0.6 × replay baseline`, value: `${ratio(find("synth", layered), find("replay-baseline", layered)).toFixed(2)} × (${seconds(find("synth", layered)?.wallMs)} s vs ${seconds(find("replay-baseline", layered)?.wallMs)} s)`, met: ratio(find("synth", layered), find("replay-baseline", layered)) <= 0.6 },
  {
    target: "incremental output (after the three edits) byte-identical to a cold synthesis, lock included",
    value: sizes.map((n) => `${n}: ${identity.get(n)!.length === 0 ? "identical" : `${identity.get(n)!.length} files differ`}`).join(", "),
    met: sizes.every((n) => identity.get(n)!.length === 0),
  },
];
const verdicts = targets.map((t) => `${t.met ? "met   " : "MISSED"}  ${t.target}: ${t.value}`).join("\n");

process.stdout.write(`\nProvince benchmark, seed ${seed}, ${cpus().length} cores, node ${process.version}, load average at each size ${load.map((l) => l.toFixed(1)).join(" / ")}\n\n${table}\n\n${verdicts}\n`);

mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, "-");
const file = join(ROOT, "bench", "results", `${seed}-${stamp}.json`);
const git = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
writeFileSync(
  file,
  `${JSON.stringify({ seed, sizes, started: started.toISOString(), commit: git, machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: load }, measures, targets }, null, 2)}\n`,
);
process.stdout.write(`\nFigures: ${relative(ROOT, file)}\n`);
if (!values.keep && existsSync(work)) rmSync(work, { recursive: true, force: true });
