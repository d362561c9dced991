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
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
}

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,50,200" },
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

function measureSize(departments: number): Measure[] {
  const dir = join(work, `p${departments}`);
  const config = join(dir, "config");
  const out = join(dir, "cdktf.out");
  const province = writeProvince(config, { departments, seed });
  process.stderr.write(`${departments} departments: ${province.environments} environments, ${province.services} services in ${relative(ROOT, config) || config}\n`);
  const cli = (stage: string, args: string[]) => run(stage, departments, CLI, args, { cwd: dir });
  const stage = (name: string, args: string[]) => run(name, departments, join(ROOT, "bench", "stage.ts"), [name, ...args], { tsx: true, cwd: dir });
  const measures: Measure[] = [];
  load.push(loadavg()[0]);
  const step = (m: Measure) => {
    measures.push(m);
    process.stderr.write(`  ${m.stage.padEnd(18)} ${(m.wallMs / 1000).toFixed(1).padStart(7)} s ${m.peakMiB.toFixed(0).padStart(6)} MiB  ${m.detail}\n`);
  };
  step(stage("validate", [config, out]));
  step(stage("construct", [config, join(dir, "construct.out")]));
  step(cli("synth", ["synth", "--config", config, "--out", out]));
  step(stage("export", [config, out, join(dir, "manifests")]));
  step(cli("audit", ["audit", "--config", config, "--out", out, "--report", join(dir, "audit-report")]));
  // One department re-synthesized into a copy of the full output, as a department's change would be.
  const one = join(dir, "one.out");
  rmSync(one, { recursive: true, force: true });
  cpSync(out, one, { recursive: true });
  step(cli("synth-department", ["synth", "--config", config, "--out", one, "--department", province.departments[1]]));
  step(run("replay-baseline", departments, join(ROOT, "bench", "replay-baseline.ts"), [out, join(dir, "replay.out")], { tsx: true, cwd: dir }));
  step(run("serialization-floor", departments, join(ROOT, "bench", "serialization-floor.ts"), [out, join(dir, "floor.out")], { tsx: true, cwd: dir }));
  return measures;
}

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
const synth = find("synth", largest)!;
const replay = find("replay-baseline", largest)!;
const audit = find("audit", largest)!;
const oneLarge = find("synth-department", largest)!;
const oneSmall = find("synth-department", smallest)!;
const peak = Math.max(...measures.filter((m) => m.departments === largest).map((m) => m.peakMiB));
const targets = [
  { target: `validate + synthesize (govcloud synth) ≤ 1.3 × replay baseline at ${largest}`, value: `${(synth.wallMs / replay.wallMs).toFixed(2)} ×`, met: synth.wallMs <= 1.3 * replay.wallMs },
  { target: `validate + synthesize under 60 s at ${largest}`, value: `${seconds(synth.wallMs)} s`, met: synth.wallMs < 60_000 },
  { target: `audit under the synthesis time at ${largest}`, value: `${seconds(audit.wallMs)} s vs ${seconds(synth.wallMs)} s`, met: audit.wallMs < synth.wallMs },
  { target: `peak memory under 2 GB at ${largest}`, value: `${peak.toFixed(0)} MiB`, met: peak * 2 ** 20 < 2e9 },
  { target: `one department at ${largest} ≤ 2 × at ${smallest}`, value: `${(oneLarge.wallMs / oneSmall.wallMs).toFixed(2)} × (${seconds(oneLarge.wallMs)} s vs ${seconds(oneSmall.wallMs)} s)`, met: oneLarge.wallMs <= 2 * oneSmall.wallMs },
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
