import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { App, Manifest } from "cdktf";
import type { StackInputs, StackPlan, StackRecord } from "../stacks/govcloud-app";
import { ReadRecorder, type ReadTree } from "./read-tracking";
import { releasingTokens } from "./cdktf-token-registry";
import { resolvingPlainValuesDirectly } from "./cdktf-plain-resolve";

// What cdktf's App puts in its manifest's version field.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CDKTF_VERSION = (require("cdktf/package.json") as { version: string }).version;

/** A stack's entry in cdktf's `manifest.json`, as cdktf wrote it. */
export type StackManifestEntry = Record<string, unknown>;

/** What building one stack gave: its folder is `<into>/stacks/<name>`. */
export interface BuiltStack {
  readonly name: string;
  readonly manifest: StackManifestEntry;
  readonly record: StackRecord;
  /** What it read of its inputs, when asked to record (for the cache). */
  readonly reads?: Record<string, ReadTree>;
}

export interface BuildOptions {
  /** Record what each stack reads of its inputs (for the cache). */
  readonly recordReads: boolean;
  /** Told after each stack. */
  readonly onBuilt?: (stack: BuiltStack) => void;
  /**
   * The reads go to `onBuilt` only, not into the stacks returned: the caller keeps them as each
   * stack comes (the cache stores it), and a province's reads held to the end would be hundreds
   * of megabytes.
   */
  readonly handOverReads?: boolean;
}

/**
 * Builds and synthesizes each plan in an App of its own, writing `<into>/stacks/<name>/`: memory
 * holds one stack at a time, whatever the size of the province, and a stack's bytes cannot depend
 * on which other stacks were built beside it. cdktf's `manifest.json` of each App is left out;
 * the caller writes one for the whole output (`writeManifest`).
 */
export function buildStacks(plans: readonly StackPlan[], into: string, options: BuildOptions): BuiltStack[] {
  const scratch = join(into, `.build-${process.pid}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(into, "stacks"), { recursive: true });
  try {
    return plans.map((plan) => {
      // Each App is dropped once written: its tokens go too, or the province would pile up in memory.
      const built = releasingTokens(() => resolvingPlainValuesDirectly(() => buildOne(plan, scratch, options.recordReads)));
      renameSync(join(scratch, "stacks", plan.name), join(into, "stacks", plan.name));
      options.onBuilt?.(built);
      return options.handOverReads ? withoutReads(built) : built;
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function buildOne(plan: StackPlan, scratch: string, recordReads: boolean): BuiltStack {
  const app = new App({ outdir: scratch, skipValidation: false });
  const recorder = recordReads ? new ReadRecorder(plan.inputs as unknown as Record<string, unknown>) : undefined;
  const inputs = recorder
    ? (Object.fromEntries(Object.keys(plan.inputs).map((root) => [root, recorder.tracked(root)])) as unknown as StackInputs)
    : plan.inputs;
  const { record } = plan.build(app, inputs);
  app.synth();
  const manifest = (app.manifest.buildManifest().stacks as unknown as Record<string, StackManifestEntry>)[plan.name];
  if (!manifest) throw new Error(`stack plan ${plan.name} built no stack of that name`);
  // Alone in its App, a stack cannot point cdktf at the stacks it follows: they are named here,
  // as cdktf names them (by path, which for a stack is its name).
  manifest.dependencies = [...plan.dependsOn];
  // The record may hold views of the inputs; what is kept is a plain copy.
  return { name: plan.name, manifest: plainCopy(manifest), record: plainCopy(record), reads: recorder?.tree };
}

/** A built stack without what it read of its inputs. */
export function withoutReads(built: BuiltStack): BuiltStack {
  const { reads: _, ...rest } = built;
  return rest;
}

function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Writes `<outdir>/manifest.json` for these stacks with cdktf's own manifest writer, so the file
 * is the one a single cdktf App holding them all would write.
 */
export function writeManifest(outdir: string, stacks: ReadonlyArray<{ readonly name: string; readonly manifest: StackManifestEntry }>): void {
  const manifest = new Manifest(CDKTF_VERSION, outdir, false);
  const entries = manifest.stacks as Record<string, unknown>;
  for (const stack of stacks) entries[stack.name] = stack.manifest;
  manifest.writeToFile();
}
