import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { PROJECT_ROOT } from "../artifact/example-project";
import { TODAY } from "../config/declaration-fixtures";
import { declarationArbitrary, writeProject } from "./declaration-arbitrary";
import { mutateFile, mutationArbitrary, type Mutation } from "./yaml-mutator";

/**
 * A valid declaration with one random node edited is either refused, with every problem as
 * `file:line:col field: message`, or still valid and then synthesizes. Never a throw, a stack
 * trace, a message with `undefined` in it, or output left behind.
 */
const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260602);
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 300);
/** Mutants that stay valid are synthesized, a second or two each: fewer runs. */
const SYNTH_RUNS = Number(process.env.ROBUSTNESS_SYNTH_RUNS ?? 40);

/** What a user sees for one problem: `config/departments/health.yaml:14:9 environments[1].level: …`. */
export const PROBLEM_LINE = /^config\/[^:]+:\d+:\d+ \S+: .+/;
/** Words that betray a message built from a value the code did not expect. */
const CONFUSED = /\bundefined\b|\bNaN\b|\[object Object\]|^\s+at /m;

function configFiles(project: string): string[] {
  const departments = readdirSync(join(project, "config", "departments")).sort().map((name) => join("departments", name));
  return ["platform.yaml", "waivers.yaml", ...departments];
}

/** Writes the declaration, mutates one of its files, and says which file and what was done. */
function mutatedProject(declaration: Parameters<typeof writeProject>[0], fileIndex: number, mutation: Mutation) {
  const project = writeProject(declaration);
  const files = configFiles(project);
  const file = files[fileIndex % files.length];
  const edit = mutateFile(join(project, "config", file), mutation);
  return { project, description: `${file}: ${edit}` };
}

describe("mutated declarations", () => {
  /** Reads a mutated declaration; a refusal must be positioned and plain, a still-valid one must synthesize. */
  function check(synthesize: boolean, counts: { refused: number; valid: number }) {
    return fc.property(declarationArbitrary, fc.nat(), mutationArbitrary, (declaration, fileIndex, mutation) => {
      const { project, description } = mutatedProject(declaration, fileIndex, mutation);
      try {
        const config = join(project, "config");
        const { model, problems } = readPlatform(config, project, { today: TODAY });
        const lines = problems.map(formatProblem);
        if (model) {
          expect({ description, errors: problems.filter((p) => p.severity === "error") }).toEqual({ description, errors: [] });
          counts.valid++;
          if (!synthesize) return;
          try {
            synthesizePlatform(model, { outdir: join(project, "cdktf.out"), projectRoot: project, configDir: config });
          } catch (e) {
            throw new Error(`${description}: valid, but synthesis threw ${(e as Error).message}`);
          }
          expect(existsSync(join(project, "cdktf.out", "manifest.json"))).toBe(true);
        } else {
          expect({ description, errors: problems.some((p) => p.severity === "error") }).toEqual({ description, errors: true });
          expect({ description, unpositioned: lines.filter((l) => !PROBLEM_LINE.test(l)) }).toEqual({ description, unpositioned: [] });
          expect({ description, confused: lines.filter((l) => CONFUSED.test(l)) }).toEqual({ description, confused: [] });
          expect({ description, multiline: lines.filter((l) => /[\r\n]/.test(l)) }).toEqual({ description, multiline: [] });
          counts.refused++;
        }
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    });
  }
  const replay = process.env.ROBUSTNESS_PATH ? { path: process.env.ROBUSTNESS_PATH } : {};

  it("are refused with positioned, plain problems, or read as valid; reading never throws", () => {
    const counts = { refused: 0, valid: 0 };
    fc.assert(check(false, counts), { seed: SEED, numRuns: RUNS, endOnFailure: true, ...replay });
    if (process.env.ROBUSTNESS_VERBOSE) console.log(`refused ${counts.refused}, valid ${counts.valid}`);
    // Both outcomes are exercised, or the property proves little.
    expect(counts.refused).toBeGreaterThan(RUNS / 2);
    expect(counts.valid).toBeGreaterThan(0);
  }, 120_000);

  it("that are still valid synthesize", () => {
    const counts = { refused: 0, valid: 0 };
    fc.assert(check(true, counts), { seed: SEED + 1, numRuns: SYNTH_RUNS, endOnFailure: true, ...replay });
    expect(counts.valid).toBeGreaterThan(0);
  }, 150_000);

  it("through the CLI: refused with exit 1, every line positioned, no stack trace, no output folder", () => {
    const samples = fc.sample(fc.tuple(declarationArbitrary, fc.nat(), mutationArbitrary), { seed: SEED, numRuns: 40 });
    let checked = 0;
    for (const [declaration, fileIndex, mutation] of samples) {
      if (checked === 3) break;
      const { project, description } = mutatedProject(declaration, fileIndex, mutation);
      try {
        if (readPlatform(join(project, "config"), project, { today: TODAY }).model) continue;
        const run = spawnSync(process.execPath, [join(PROJECT_ROOT, "cli", "govcloud.js"), "synth", "--config", "config", "--out", "cdktf.out", "--today", TODAY], {
          cwd: project,
          encoding: "utf8",
        });
        const lines = run.stderr.split("\n").filter((l) => l !== "");
        expect({ description, status: run.status, stdout: run.stdout }).toEqual({ description, status: 1, stdout: "" });
        expect(lines[lines.length - 1]).toMatch(/^\d+ error\(s\), \d+ warning\(s\); nothing was written\.$/);
        expect({ description, unpositioned: lines.slice(0, -1).filter((l) => !PROBLEM_LINE.test(l)) }).toEqual({ description, unpositioned: [] });
        expect(run.stderr).not.toMatch(/^\s+at /m);
        expect(readdirSync(project).sort()).toEqual(["config"]);
        checked++;
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }
    expect(checked).toBe(3);
  }, 90_000);
});
