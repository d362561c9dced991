import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { PlatformModel } from "../config/model/platform-model";
import { buildGovcloudApp } from "../stacks/govcloud-app";
import { nextStatefulLock, writeStatefulLock } from "./stateful-lock-writer";
import { assertReplaceable, recoverFromKilledRuns, replaceFolder } from "./replace-folder";
import { departmentStackName } from "../config/model/stack-names";
import { readInventories } from "./stack-inventory";

export interface SynthesizeOptions {
  /** The declaration folder: the stateful lock is kept there. */
  readonly configDir: string;
  /** Final output folder, e.g. `<project>/cdktf.out`. */
  readonly outdir: string;
  readonly projectRoot: string;
  /** Only these departments' stacks, merged into the existing output. @default - every stack */
  readonly departments?: readonly string[];
  /**
   * Checks the complete candidate output before it replaces the previous one (the MLPS rule
   * pack): returns the errors that refuse it. @default - no check
   */
  readonly check?: (candidateOutdir: string) => readonly string[];
}

/** The candidate output broke rules that must hold; nothing was replaced. */
export class SynthesisRefusedError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`synthesis refused, nothing was written (${errors.length} error${errors.length === 1 ? "" : "s"}):\n${errors.map((e) => `  ${e}`).join("\n")}`);
    this.name = "SynthesisRefusedError";
  }
}

export interface StackSummary {
  readonly name: string;
  readonly resources: number;
  readonly namespaces: number;
}

/**
 * model → artifact. Synthesizes into a staging folder beside `outdir` and only then swaps it
 * in, so a failed or interrupted synthesis leaves the previous output exactly as it was; then
 * records the stateful objects in the lock beside the declaration.
 */
export function synthesizePlatform(model: PlatformModel, options: SynthesizeOptions): StackSummary[] {
  const outdir = resolve(options.outdir);
  const staging = join(dirname(outdir), `.${basename(outdir)}.staging-${process.pid}`);
  const partial = `${staging}-departments`;
  const cleanUp = () => [staging, partial].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  cleanUp();
  recoverFromKilledRuns(outdir);
  assertReplaceable(outdir, "an earlier synthesis output (no manifest.json)", (folder) => existsSync(join(folder, "manifest.json")));
  if (options.departments !== undefined && !existsSync(join(outdir, "manifest.json"))) {
    throw new SynthesisRefusedError([`no earlier output in ${outdir}: a synthesis of some departments adds to a full one; run govcloud synth without --department first`]);
  }
  mkdirSync(dirname(outdir), { recursive: true });
  try {
    const onlySome = options.departments !== undefined && existsSync(outdir);
    // A department-only synthesis still stages a complete output (the previous one with those
    // stacks replaced), so the check sees the whole platform and the swap stays one rename.
    if (onlySome) cpSync(outdir, staging, { recursive: true });
    const built = withPlainStackTraces(() => {
      const app = buildGovcloudApp(model, { outdir, projectRoot: options.projectRoot, writeTo: onlySome ? partial : staging, departments: options.departments });
      app.app.synth();
      return app;
    });
    if (onlySome) mergeStacks(partial, staging);
    const errors = options.check?.(staging) ?? [];
    if (errors.length > 0) throw new SynthesisRefusedError(errors);
    replaceFolder(staging, outdir);
    writeStatefulLock(options.configDir, nextStatefulLock(model, built.statefulEntries, built.departments, readInventories(outdir, built.stacks)));
  } finally {
    cleanUp();
  }
  return summarizeStacks(outdir, options.departments);
}

/**
 * Runs `work` with source-mapped stack traces off. cdktf records a complete stack trace for every
 * token it creates (several per resource, for its error messages); with source maps on (tsx turns
 * them on for the CLI) each trace is mapped back frame by frame, which made construction and
 * synthesis three times slower at province scale. The traces keep their JavaScript positions;
 * errors still read as before once `work` returns.
 */
export function withPlainStackTraces<T>(work: () => T): T {
  const mapped = process.sourceMapsEnabled;
  const capture = Error.captureStackTrace;
  if (mapped) process.setSourceMapsEnabled(false);
  // cdktf captures each token's creation stack (with an unlimited depth) only to decorate errors
  // about that token; govcloud's constructs nest deeply, which made capturing half of
  // construction time at province scale. While synthesizing, those captures record nothing:
  // errors thrown here keep their own stack traces, V8 builds them without this function.
  Error.captureStackTrace = (target: object) => {
    Object.defineProperty(target, "stack", { value: "", writable: true, configurable: true });
  };
  try {
    return work();
  } finally {
    Error.captureStackTrace = capture;
    if (mapped) process.setSourceMapsEnabled(true);
  }
}


/** Moves the stacks of `from` into `into`, and their entries into its manifest. */
function mergeStacks(from: string, into: string): void {
  for (const stack of readdirSync(join(from, "stacks"))) {
    rmSync(join(into, "stacks", stack), { recursive: true, force: true });
    renameSync(join(from, "stacks", stack), join(into, "stacks", stack));
  }
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { stacks: Record<string, unknown> };
  const merged = manifest(into);
  const added = manifest(from);
  // cdktf formats its manifest its own way; rewrite it only when a stack is new to it.
  if (Object.keys(added.stacks).every((name) => name in merged.stacks)) return;
  const stacks = { ...merged.stacks, ...added.stacks };
  merged.stacks = Object.fromEntries(Object.keys(stacks).sort().map((name) => [name, stacks[name]]));
  writeFileSync(join(into, "manifest.json"), JSON.stringify(merged, null, 2));
}

export function summarizeStacks(outdir: string, only?: readonly string[]): StackSummary[] {
  const stacksDir = join(outdir, "stacks");
  return readdirSync(stacksDir)
    .filter((name) => !only || only.some((d) => name === departmentStackName(d)))
    .sort()
    .map((name) => {
      const document = JSON.parse(readFileSync(join(stacksDir, name, "cdk.tf.json"), "utf8")) as {
        resource?: Record<string, Record<string, unknown>>;
      };
      const byType = document.resource ?? {};
      return {
        name,
        resources: Object.values(byType).reduce((n, group) => n + Object.keys(group).length, 0),
        namespaces: Object.keys(byType.kubernetes_namespace_v1 ?? {}).length,
      };
    });
}
