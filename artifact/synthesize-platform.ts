import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { PlatformModel } from "../config/model/platform-model";
import { planStacks } from "../stacks/govcloud-app";
import { codeFingerprint } from "./code-fingerprint";
import { buildStacks, writeManifest, type StackManifestEntry } from "./stack-builder";
import { StackCache, type ReusedStack } from "./stack-cache";
import { buildStacksInParallel, defaultWorkers } from "./parallel-build";
import { nextStatefulLock, writeSerializedLock } from "./stateful-lock-writer";
import { serializeLock } from "../config/declaration/stateful-lock";
import { assertReplaceable, recoverFromKilledRuns, replaceFolder } from "./replace-folder";
import { carryTerraformWorkingFiles, isTerraformWorkingFolder } from "./terraform-working-files";
import { dataLossRefusals } from "./plan-preview";
import { withAppliedReplicas } from "./applied-replicas";
import { isDecommissionedObject } from "../config/model/recorded-workload-clusters";
import { readOutputStacks, type DerivedStack, type OutputStack, type StackSummary } from "./output-stacks";
import { filesOf, OutputIndex, writeOutputIndex } from "./output-index";
import { DerivedStackStore, keepDerivationsOf } from "./derived-stack-store";
import { helperPays, startCandidateCheck, type CandidateCheck, type CandidateCheckRun, type CheckStoreLocation } from "./candidate-check";

export type { StackSummary } from "./output-stacks";
export type { CandidateCheck } from "./candidate-check";

/** The code that decides what a stack contains: everything it imports is in the cache's key. */
const GOVCLOUD_APP_SOURCE = join(__dirname, "..", "stacks", "govcloud-app.ts");
const PROJECT_CODE_ROOT = join(__dirname, "..");
/** The code that derives what the synthesis keeps of each stack's bytes (`DerivedStackStore`). */
const OUTPUT_STACKS_SOURCE = join(__dirname, "output-stacks.ts");
/** Inside the stack cache: what the output reading derived of each cached stack's bytes. */
const DERIVED_FOLDER = ".derived";
/** Inside the stack cache: what the candidate check derived of each stack's bytes. */
const CHECKED_FOLDER = ".checked";
/** Inside the stack cache: what the candidate check computed of the whole candidate (`CandidateCheck.errors`). */
const CHECK_KEPT_FOLDER = ".check-kept";
/** Inside the stack cache: the digests of the files the last synthesis left in its output (`OutputIndex`). */
const OUTPUT_INDEX_FILE = ".output-index.json";

export interface SynthesizeOptions {
  /** The declaration folder: the stateful lock is kept there. */
  readonly configDir: string;
  /** Final output folder, e.g. `<project>/cdktf.out`. */
  readonly outdir: string;
  readonly projectRoot: string;
  /** Only these departments' stacks, merged into the existing output. @default - every stack */
  readonly departments?: readonly string[];
  /** Checks the complete candidate output before it replaces the previous one (the MLPS rule pack). @default - no check */
  readonly check?: CandidateCheck;
  /**
   * Whether the check runs on a helper thread (when it can: `CandidateCheck.onThread`), reading
   * and checking the stacks while this thread reads them for the preview and the record; the
   * verdict is the same. @default - on a helper once 400 stacks come from the cache
   */
  readonly checkOnHelper?: boolean;
  /**
   * The folder of the stack cache: stacks whose inputs and code are unchanged since they were
   * cached are copied from it instead of rebuilt, and the stacks built are kept in it.
   * @default - no cache: every stack is built (a cold synthesis)
   */
  readonly cacheDir?: string;
  /**
   * Worker threads building the stacks that are not reused; 1 builds them in this thread. The
   * output is the same whatever the number. @default - one per core when there are enough stacks to build
   */
  readonly workers?: number;
  /** Told how far the synthesis is: stacks done (built or reused) of the total. */
  readonly onProgress?: (progress: SynthesisProgress) => void;
}

export interface SynthesisProgress {
  readonly done: number;
  readonly total: number;
  /** Stacks copied from the cache so far. */
  readonly reused: number;
}

/** The candidate output broke rules that must hold; nothing was written. */
export class SynthesisRefusedError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`synthesis refused, nothing was written (${errors.length} error${errors.length === 1 ? "" : "s"}):\n${errors.map((e) => `  ${e}`).join("\n")}`);
    this.name = "SynthesisRefusedError";
  }
}

export interface SynthesisResult {
  readonly stacks: StackSummary[];
  /** How many stacks were copied from the cache. */
  readonly reused: number;
  /** The stacks built (not found in the cache, or synthesized without one), by name. */
  readonly built: readonly string[];
  /** Worker threads that built them (1: this thread). */
  readonly workers: number;
  /** Stacks whose output was not parsed again: what the synthesis needs of them was kept from an earlier one. */
  readonly unparsed: number;
}

/**
 * model → artifact. Synthesizes into a staging folder beside `outdir` and only then swaps it
 * in, so a failed or interrupted synthesis leaves the previous output exactly as it was (each
 * stack's Terraform lock file and working folder carried over); then records the stateful
 * objects in the lock beside the declaration.
 */
export function synthesizePlatform(model: PlatformModel, options: SynthesizeOptions): StackSummary[] {
  return synthesizeWithCache(model, options).stacks;
}

/**
 * Whether a synthesis of every stack with the cache in `cacheDir` will likely check its candidate
 * on a helper thread: the check kept what it derived of a large output there. Its helper can then
 * be started ahead (`prestartCheckHelper`).
 */
export function likelyChecksOnHelper(cacheDir: string): boolean {
  let kept: number;
  try {
    kept = readdirSync(candidateCheckStore(cacheDir).folder).length;
  } catch {
    return false;
  }
  return helperPays(kept, kept);
}

/** Where a synthesis with the cache in `cacheDir` keeps what its candidate check derives of each stack and computes of the whole. */
export function candidateCheckStore(cacheDir: string): CheckStoreLocation {
  return { folder: join(cacheDir, CHECKED_FOLDER), kept: join(cacheDir, CHECK_KEPT_FOLDER) };
}

/** `synthesizePlatform`, saying how many stacks came from the cache. */
export function synthesizeWithCache(declared: PlatformModel, options: SynthesizeOptions): SynthesisResult {
  const outdir = resolve(options.outdir);
  const model = withAppliedReplicas(declared, existsSync(join(outdir, "manifest.json")) ? outdir : undefined);
  const staging = join(dirname(outdir), `.${basename(outdir)}.staging-${process.pid}`);
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  cleanUp();
  recoverFromKilledRuns(outdir);
  assertReplaceable(outdir, "an earlier synthesis output (no manifest.json)", (folder) => existsSync(join(folder, "manifest.json")));
  const onlySome = options.departments !== undefined;
  if (onlySome && !existsSync(join(outdir, "manifest.json"))) {
    throw new SynthesisRefusedError([`no earlier output in ${outdir}: a synthesis of some departments adds to a full one; run govcloud synth without --department first`]);
  }
  mkdirSync(dirname(outdir), { recursive: true });
  let checkRun: CandidateCheckRun | undefined;
  try {
    // A department-only synthesis still stages a complete output (the previous one with those
    // stacks replaced), so the check sees the whole platform and the swap stays one rename.
    if (onlySome) cpSync(outdir, staging, { recursive: true, filter: (path) => !isTerraformWorkingFolder(path) });
    else mkdirSync(join(staging, "stacks"), { recursive: true });
    const plans = planStacks(model, { outdir, projectRoot: options.projectRoot, departments: options.departments });
    const cache = options.cacheDir && !onlySome ? new StackCache(options.cacheDir, codeFingerprint(GOVCLOUD_APP_SOURCE, PROJECT_CODE_ROOT)) : undefined;
    // Started before the cache is read: once enough stacks come from it, a helper thread loads its code while the rest is read.
    const checkStore = cache && candidateCheckStore(cache.folder);
    checkRun = options.check && startCandidateCheck(options.check, staging, { store: checkStore, helper: options.checkOnHelper, stacks: plans.length });
    let done = 0;
    const tell = (reused: number) => options.onProgress?.({ done, total: plans.length, reused });
    const reused = new Map<string, ReusedStack>();
    const previous = existsSync(join(outdir, "manifest.json")) ? outdir : undefined;
    // Unchanged stacks are linked from the output they replace, where it still holds their bytes.
    const indexFile = cache && join(cache.folder, OUTPUT_INDEX_FILE);
    const earlier = indexFile && previous ? OutputIndex.read(indexFile, previous) : undefined;
    for (const plan of plans) {
      rmSync(join(staging, "stacks", plan.name), { recursive: true, force: true });
      const hit = cache?.reuse(plan, staging, earlier);
      if (!hit) continue;
      reused.set(plan.name, hit);
      checkRun?.stackReady(plan.name, hit.documentDigest);
      done += 1;
      tell(reused.size);
    }
    const toBuild = plans.filter((plan) => !reused.has(plan.name));
    const workers = options.workers ?? defaultWorkers(toBuild.length);
    const build = {
      // Each stack is cached as it comes: it is what its inputs build, whatever the gate decides.
      cache,
      onBuilt: () => {
        done += 1;
        tell(reused.size);
      },
    };
    const builtStacks =
      workers > 1 && toBuild.length > 1
        ? buildStacksInParallel(model, { outdir, projectRoot: options.projectRoot }, toBuild.map((p) => p.name), staging, { ...build, workers })
        : withPlainStackTraces(() => buildStacks(toBuild, staging, build));
    const built = new Map(builtStacks.map((stack) => [stack.name, stack]));
    // Listed before the Terraform working files are carried in: the index records what the synthesis wrote.
    const builtFiles = new Map(indexFile ? [...built.keys()].map((name) => [name, filesOf(join(staging, "stacks", name))]) : []);
    for (const name of built.keys()) checkRun?.stackReady(name);
    const results = plans.map((plan) => (built.get(plan.name) ?? reused.get(plan.name))!);
    writeManifest(staging, onlySome ? [...previousManifestEntries(staging), ...results] : results);
    checkRun?.candidateComplete();
    // Nothing Terraform would plan as the loss of data gets past here: compared with the record
    // and the output it replaces, every destroy, replacement or move of a data-holding object is refused.
    // Every stack of the plan is in the candidate, reused or built: the preview, the record and the summary read each from there.
    const store = cache ? new DerivedStackStore<DerivedStack>(join(cache.folder, DERIVED_FOLDER), codeFingerprint(OUTPUT_STACKS_SOURCE, PROJECT_CODE_ROOT)) : undefined;
    const output = readOutputStacks(
      staging,
      previous,
      results.map((r) => ({ name: r.name, statefulEntries: r.record.statefulEntries, documentDigest: reused.get(r.name)?.documentDigest })),
      model.statefulLock,
      { store, previousDigests: earlier, onParsed: checkRun && ((stack, document, digest) => checkRun!.documentParsed(stack, document, digest)) },
    );
    store?.keepOnly(output.keys());
    // In name order, as the preview and the summary list them.
    const stacks = [...output.values()].sort((a, b) => (a.summary.name < b.summary.name ? -1 : a.summary.name > b.summary.name ? 1 : 0));
    const deleting = (stack: string, address: string) => isDecommissionedObject(model.decommissionedClusters, stack, address);
    const refusals = dataLossRefusals(stacks.map((s) => s.preview), deleting);
    // The record is made while a check on a helper may still be checking: it is written only once the check passes.
    const departments = plans.flatMap((p) => (p.department ? [p.department] : []));
    const inventories = new Map([...output].map(([name, stack]) => [name, stack.inventory]));
    const lockText = serializeLock(nextStatefulLock(model, stacks.flatMap((s) => s.statefulEntries), departments, inventories));
    const errors = [...refusals, ...(checkRun?.errors() ?? [])];
    if (checkStore) keepDerivationsOf(checkStore.folder, output.keys());
    if (errors.length > 0) throw new SynthesisRefusedError(errors);
    carryTerraformWorkingFiles(outdir, staging);
    replaceFolder(staging, outdir);
    writeSerializedLock(options.configDir, lockText);
    if (indexFile) writeOutputIndex(indexFile, outdir, outputFileDigests(reused, builtFiles, output));
    return {
      stacks: stacks.map((s) => s.summary),
      reused: reused.size,
      built: [...built.keys()],
      workers: workers > 1 && toBuild.length > 1 ? Math.min(workers, toBuild.length) : 1,
      unparsed: stacks.filter((s) => s.fromStore).length,
    };
  } finally {
    checkRun?.close();
    cleanUp();
  }
}

/** The files synthesized into each stack's folder, by path inside the output, with their digests where known (the index hashes the rest). */
function outputFileDigests(
  reused: ReadonlyMap<string, ReusedStack>,
  builtFiles: ReadonlyMap<string, readonly string[]>,
  output: ReadonlyMap<string, OutputStack>,
): Map<string, string | undefined> {
  const digests = new Map<string, string | undefined>();
  for (const [name, stack] of reused) for (const [file, digest] of Object.entries(stack.files)) digests.set(join("stacks", name, file), digest);
  for (const [name, files] of builtFiles) {
    for (const file of files) digests.set(join("stacks", name, file), file === "cdk.tf.json" ? output.get(name)?.documentDigest : undefined);
  }
  return digests;
}

/** The stacks of the staged earlier output's manifest, for a synthesis that replaces some of them. */
function previousManifestEntries(staging: string): Array<{ name: string; manifest: StackManifestEntry }> {
  const previous = JSON.parse(readFileSync(join(staging, "manifest.json"), "utf8")) as { stacks: Record<string, StackManifestEntry> };
  return Object.entries(previous.stacks).map(([name, manifest]) => ({ name, manifest }));
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

