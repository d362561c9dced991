import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { App, Manifest } from "cdktf";
import type { StackInputs, StackPlan, StackRecord } from "../stacks/govcloud-app";
import { ReadRecorder, type RecordedReads } from "./read-tracking";
import { releasingTokens } from "./cdktf-token-registry";
import { resolvingPlainValuesDirectly } from "./cdktf-plain-resolve";
import type { StackCache } from "./stack-cache";

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
}

export interface BuildOptions {
  /**
   * The cache each stack is kept in, with what its build read of its inputs (recorded only
   * then). The thread that built a stack stores it as soon as it is written, so its reads never
   * travel to another thread nor stay in memory past that stack: copied to the main thread and
   * stored there, they kept each worker waiting for its next stack while the main thread wrote.
   * @default - no cache: no reads recorded, nothing stored
   */
  readonly cache?: StackCache;
  /** Told after each stack. */
  readonly onBuilt?: (stack: BuiltStack) => void;
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
      const { built, reads } = releasingTokens(() => resolvingPlainValuesDirectly(() => buildOne(plan, scratch, options.cache !== undefined)));
      renameSync(join(scratch, "stacks", plan.name), join(into, "stacks", plan.name));
      if (reads) options.cache!.store(built, reads, into);
      options.onBuilt?.(built);
      return built;
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function buildOne(plan: StackPlan, scratch: string, recordReads: boolean): { built: BuiltStack; reads?: RecordedReads } {
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
  return { built: { name: plan.name, manifest: plainCopy(manifest), record: plainCopy(record) }, reads: recorder?.reads() };
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
