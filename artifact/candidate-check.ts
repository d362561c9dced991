import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { DerivedStackStore, documentDigest } from "./derived-stack-store";
import { newWakeSignal, receiveUntil } from "./thread-messages";

/** What a check takes of each stack of the candidate output (`CandidateCheck.perStack`). */
export interface PerStackCheck {
  /** Identifies the code of `derive` (a `codeFingerprint`): what other code derived is not handed back. */
  readonly code: string;
  /** A plain value from a stack's parsed `cdk.tf.json` (not changed afterwards). */
  readonly derive: (stack: string, document: unknown) => unknown;
  readonly take: (stack: string, derived: unknown) => void;
}

/**
 * A check of the complete candidate output of one synthesis: its errors refuse the output. Make
 * one per synthesis: it may keep what it was handed until it is asked for its errors.
 */
export interface CandidateCheck {
  /**
   * What the check takes of each stack of the candidate, before `errors`, so it need not read the
   * output again: a synthesis keeps what `derive` gave with the stack's bytes and, in a later
   * synthesis of the same bytes by the same `code`, hands it to `take` without parsing the stack.
   * Not every stack need be handed over (a synthesis of some departments hands over those only).
   * @default - the check reads every stack it needs from the candidate output
   */
  readonly perStack?: PerStackCheck;
  /**
   * The errors that refuse the candidate output in `candidateOutdir`. `keptFolder` is the check's
   * own, kept between syntheses: there it may keep what it computed of the whole candidate, by a
   * digest of what that was computed from. @default keptFolder - nothing is kept
   */
  readonly errors: (candidateOutdir: string, keptFolder?: string) => readonly string[];
  /**
   * How to make the same check on a helper thread, where it reads and checks the stacks while
   * this thread reads them for the synthesis's own needs. @default - it runs in this thread
   */
  readonly onThread?: CheckRecipe;
}

/** A check, as a helper thread makes it: the factory `module` exports, given `setup`. */
export interface CheckRecipe {
  /** A module a worker thread can require (`__filename` of the check's module). */
  readonly module: string;
  /** The name of a `CheckFactory` that module exports. */
  readonly factory: string;
  /** What the factory is given, as structured-clone data; made only when a helper is started. */
  readonly setup: () => unknown;
  /** Handed the warnings the check gives on the helper, as the check made here hands them to its own. */
  readonly warn: (warnings: readonly string[]) => void;
  /** The error the check would have thrown here, from what the helper could send of the one it threw there. */
  readonly revive?: (failure: CheckFailure) => Error | undefined;
}

export type CheckFactory = (setup: unknown, warn: (warnings: readonly string[]) => void) => CandidateCheck;

/** An error thrown on the helper, as structured-clone data: its name, message, stack and own fields. */
export interface CheckFailure {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** One check of one synthesis's candidate output, handed each stack once it is in place there. */
export interface CandidateCheckRun {
  /** `stack` is in place in the candidate; `digest` is the sha256 of its `cdk.tf.json`, when the synthesis verified it (a stack from the cache). */
  stackReady(stack: string, digest?: string): void;
  /** The synthesis parsed the `cdk.tf.json` of `stack` (of these bytes, when `digest` is given): a check in this thread derives from it rather than parse it again. */
  documentParsed(stack: string, document: unknown, digest?: string): void;
  /** Every stack of the candidate and its manifest are in place: a check on a helper starts checking. */
  candidateComplete(): void;
  /** The check's errors on the complete candidate. */
  errors(): readonly string[];
  /** Stops the helper thread, if there is one; a run not asked for its errors is abandoned. */
  close(): void;
  /** The id of the helper thread the check runs on, once it runs on one. */
  readonly helperThread?: number;
}

/** Where what the check derived of each stack is kept (a `DerivedStackStore` of its own). */
export interface CheckStoreLocation {
  readonly folder: string;
  /** The check's own folder (`CandidateCheck.errors`). @default - nothing of the whole candidate is kept */
  readonly kept?: string;
}

export interface CheckRunOptions {
  /** The store of the check's derivations, by the stack's bytes. @default - every stack handed over is parsed */
  readonly store?: CheckStoreLocation;
  /**
   * Run it on a helper thread (it must have a recipe) or in this one.
   * @default - on a helper when the candidate has HELPER_FROM_STACKS stacks and HELPER_WARM_SIGN of
   * them have come from the cache (or, its size not given, HELPER_FROM_STACKS have), else in this thread
   */
  readonly helper?: boolean;
  /** How many stacks the candidate will have, when the synthesis knows. */
  readonly stacks?: number;
}

/**
 * A helper pays when most of the check's work is reading what it kept of unchanged stacks and
 * checking them: that overlaps this thread's own reading (a one-department edit at 1,000
 * departments, 11.2–11.6 s -> 9.9–10.2 s in alternating runs). When most stacks were just
 * built, this thread parses each document anyway and the check derives from it in passing; a
 * helper parses every document a second time and holds a second heap (a cold synthesis at
 * 1,000: no faster, 340 MB more).
 * Starting one costs about half a second of the other core (its modules): at 200 departments a
 * one-department edit took 3.56 s either way, with 0.7 s more CPU on the helper.
 */
const HELPER_FROM_STACKS = 400;
/**
 * A large candidate whose first stacks come from the cache is a warm one: the helper starts then,
 * not after 400 of them, so that it has loaded its modules and read what it kept of the stacks
 * by the time the candidate is complete (at 1,000 departments, started after 400 it was still
 * reading 1.1 s after that; started after 50, 0.4 s).
 */
const HELPER_WARM_SIGN = 50;

/** Whether a check pays on a helper, once `fromCache` stacks of a candidate of `stacks` came from the cache. */
export function helperPays(fromCache: number, stacks: number | undefined): boolean {
  const large = stacks !== undefined && stacks >= HELPER_FROM_STACKS;
  return fromCache >= (large ? HELPER_WARM_SIGN : HELPER_FROM_STACKS);
}

/** Starts `check` on the candidate output in `candidate`. */
export function startCandidateCheck(check: CandidateCheck, candidate: string, options: CheckRunOptions = {}): CandidateCheckRun {
  const recipe = check.onThread;
  if (recipe === undefined || options.helper === false) {
    stopPrestartedHelper();
    return checkInThisThread(check, candidate, options.store);
  }
  if (options.helper === true) return checkOnHelperThread(recipe, candidate, options.store);
  // Undecided: the stacks are held back until enough come from the cache, or the synthesis goes on without.
  const handed: Array<[stack: string, digest: string | undefined]> = [];
  let fromCache = 0;
  let run: CandidateCheckRun | undefined;
  const decide = (helper: boolean): CandidateCheckRun => {
    if (!helper) stopPrestartedHelper();
    run = helper ? checkOnHelperThread(recipe, candidate, options.store) : checkInThisThread(check, candidate, options.store);
    for (const [stack, digest] of handed) run.stackReady(stack, digest);
    return run;
  };
  return {
    stackReady(stack, digest) {
      if (run) return run.stackReady(stack, digest);
      handed.push([stack, digest]);
      if (digest !== undefined && helperPays(++fromCache, options.stacks)) decide(true);
    },
    documentParsed: (stack, document, digest) => (run ?? decide(false)).documentParsed(stack, document, digest),
    candidateComplete: () => (run ?? decide(false)).candidateComplete(),
    errors: () => (run ?? decide(false)).errors(),
    close: () => run?.close(),
    get helperThread() {
      return run?.helperThread;
    },
  };
}

/**
 * The check in the calling thread. A stack handed over is taken from the store when it holds the
 * check's derivation of these bytes; otherwise it is derived from the document when the
 * synthesis parses it, and the stacks still waiting then are read and parsed for the verdict.
 * What is derived is kept in the store.
 */
export function checkInThisThread(check: CandidateCheck, candidate: string, location?: CheckStoreLocation, preloaded?: DerivedStackStore<unknown>): CandidateCheckRun {
  const perStack = check.perStack;
  const ours = (store: DerivedStackStore<unknown> | undefined) => store && store.folder === location?.folder && store.code === perStack?.code;
  const store = location && perStack ? (ours(preloaded) ? preloaded : new DerivedStackStore<unknown>(location.folder, perStack.code)) : undefined;
  // Handed over, not yet taken: by stack, with the digest of its bytes when known.
  const waiting = new Map<string, string | undefined>();
  /** Takes the kept derivation of these bytes, when the store has one. */
  const takeKept = (stack: string, digest: string | undefined): boolean => {
    const kept = store && digest ? store.read(stack, digest) : undefined;
    if (kept !== undefined) perStack!.take(stack, kept);
    return kept !== undefined;
  };
  const derive = (stack: string, document: unknown, digest: string | undefined) => {
    const derived = perStack!.derive(stack, document);
    if (store && digest) store.write(stack, digest, derived);
    perStack!.take(stack, derived);
    waiting.delete(stack);
  };
  return {
    stackReady(stack, digest) {
      if (perStack && !takeKept(stack, digest)) waiting.set(stack, digest);
    },
    documentParsed(stack, document, digest) {
      if (waiting.has(stack)) derive(stack, document, waiting.get(stack) ?? digest);
    },
    candidateComplete: () => {},
    errors() {
      for (const [stack, verified] of waiting) {
        const bytes = readFileSync(join(candidate, "stacks", stack, "cdk.tf.json"));
        const digest = store ? (verified ?? documentDigest(bytes)) : undefined;
        if (!takeKept(stack, digest)) derive(stack, JSON.parse(bytes.toString("utf8")), digest);
      }
      waiting.clear();
      return check.errors(candidate, location?.kept);
    },
    close: () => {},
  };
}

/** What a check's helper thread is started with (see `candidate-check-worker.ts`): it loads `module` first. */
export interface CheckWorkerSetup {
  readonly module: string;
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
  /** The store it reads into memory next, before it is told the check (`PreloadedStore`). */
  readonly preload?: PreloadedStore;
}

/** The store of a check's derivations (`CheckStoreLocation.folder`, `PerStackCheck.code`) that a helper started ahead reads while it waits. */
export interface PreloadedStore {
  readonly folder: string;
  readonly code: string;
}

/** The check a helper makes, once it is told (its first request). */
export interface CheckWorkerStart {
  readonly factory: string;
  readonly setup: unknown;
  readonly candidate: string;
  readonly store?: CheckStoreLocation;
}

/** From this thread to the helper: the check to make, a stack in place, or the whole candidate (then the helper checks it). */
export type CheckWorkerRequest = { readonly start: CheckWorkerStart } | { readonly ready: string; readonly digest?: string } | { readonly complete: true };

/** From the helper: warnings as the check gives them, then its errors, or why it has none. */
export type CheckWorkerMessage = { readonly warnings: readonly string[] } | { readonly errors: readonly string[] } | { readonly failed: CheckFailure };

/**
 * The check on a helper thread, which makes it from the recipe and runs `checkInThisThread`
 * there: the stacks are handed over as they are in place, so the helper reads them while this
 * thread goes on, it checks the candidate as soon as it is complete, while this thread reads it
 * for the preview and the record, and `errors` waits for its verdict.
 */
function checkOnHelperThread(recipe: CheckRecipe, candidate: string, store?: CheckStoreLocation): CandidateCheckRun {
  const { worker, port: port1, signal } = takePrestartedHelper(recipe.module) ?? startHelper(recipe.module);
  port1.postMessage({ start: { factory: recipe.factory, setup: recipe.setup(), candidate, store } } satisfies CheckWorkerRequest);
  const request = (message: CheckWorkerRequest) => port1.postMessage(message);
  let completed = false;
  const complete = () => {
    if (!completed) request({ complete: true });
    completed = true;
  };
  return {
    stackReady: (stack, digest) => request({ ready: stack, digest }),
    // The helper reads each document itself: it is parsed on that thread, and held in that heap.
    documentParsed: () => {},
    candidateComplete: complete,
    errors() {
      complete();
      return receiveUntil(
        [port1],
        signal,
        (message) => {
          const report = message as CheckWorkerMessage;
          if ("warnings" in report) recipe.warn(report.warnings);
          else if ("failed" in report) throw recipe.revive?.(report.failed) ?? new Error(`the candidate check on its helper thread failed: ${report.failed.stack}`);
          else return report.errors;
          return undefined;
        },
        "candidate check thread",
      );
    },
    close() {
      port1.close();
      void worker.terminate();
    },
    helperThread: worker.threadId,
  };
}

interface Helper {
  readonly module: string;
  readonly worker: Worker;
  /** This thread's end of the channel to it. */
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
}

function startHelper(module: string, preload?: PreloadedStore): Helper {
  const signal = newWakeSignal();
  const { port1, port2 } = new MessageChannel();
  const setup: CheckWorkerSetup = { module, port: port2, signal, preload };
  const worker = new Worker(join(__dirname, "candidate-check-worker-entry.js"), { workerData: setup, transferList: [port2] });
  worker.unref();
  return { module, worker, port: port1, signal };
}

/** The helper started ahead (`prestartCheckHelper`), until a run takes it or decides without it. */
let prestarted: Helper | undefined;

/**
 * Starts a helper thread for a check of `module` before the check can be made (its declaration
 * is still being validated): the helper loads the module meanwhile, then reads the store
 * `preload` names into memory, and the next run that wants a helper for that module takes it,
 * one that does not stops it. At 1,000 departments a helper started when the run wanted it took
 * 0.9 s to load its code and read its first stack, and read what the check kept of the unchanged
 * stacks (143 MB) for 1.2 s more, finishing after the candidate was complete.
 */
export function prestartCheckHelper(module: string, preload?: PreloadedStore): number {
  prestarted ??= startHelper(module, preload);
  return prestarted.worker.threadId;
}

/** The helper started ahead for `module`, now the caller's; one started for another module is stopped. */
function takePrestartedHelper(module: string): Helper | undefined {
  const taken = prestarted?.module === module ? prestarted : undefined;
  if (taken) prestarted = undefined;
  else stopPrestartedHelper();
  return taken;
}

function stopPrestartedHelper(): void {
  prestarted?.port.close();
  void prestarted?.worker.terminate();
  prestarted = undefined;
}
