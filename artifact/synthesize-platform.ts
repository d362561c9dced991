import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { PlatformModel } from "../config/model/platform-model";
import { buildGovcloudApp } from "../stacks/govcloud-app";
import { nextStatefulLock, writeStatefulLock } from "./stateful-lock-writer";

export interface SynthesizeOptions {
  /** The declaration folder: the stateful lock is kept there. */
  readonly configDir: string;
  /** Final output folder, e.g. `<project>/cdktf.out`. */
  readonly outdir: string;
  readonly projectRoot: string;
  /** Only these departments' stacks, merged into the existing output. @default - every stack */
  readonly departments?: readonly string[];
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
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(outdir), { recursive: true });
  try {
    const built = buildGovcloudApp(model, { outdir, projectRoot: options.projectRoot, writeTo: staging, departments: options.departments });
    built.app.synth();
    if (options.departments && existsSync(outdir)) {
      // A department-only synthesis replaces just those stacks; the others stay as they were.
      for (const stack of readdirSync(join(staging, "stacks"))) {
        replaceFolder(join(staging, "stacks", stack), join(outdir, "stacks", stack));
      }
      rmSync(staging, { recursive: true, force: true });
    } else {
      replaceFolder(staging, outdir);
    }
    writeStatefulLock(options.configDir, nextStatefulLock(model, built.statefulEntries, built.departments));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return summarizeStacks(outdir, options.departments);
}

/** Renames `from` over `to`; the old `to` is moved aside first and removed only after the swap. */
function replaceFolder(from: string, to: string): void {
  const aside = `${to}.old-${process.pid}`;
  const had = existsSync(to);
  mkdirSync(dirname(to), { recursive: true });
  if (had) renameSync(to, aside);
  renameSync(from, to);
  if (had) rmSync(aside, { recursive: true, force: true });
}

export function summarizeStacks(outdir: string, only?: readonly string[]): StackSummary[] {
  const stacksDir = join(outdir, "stacks");
  return readdirSync(stacksDir)
    .filter((name) => !only || only.some((d) => name === `dept-${d}`))
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
