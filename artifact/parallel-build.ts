import { availableParallelism } from "node:os";
import { join } from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { encodeModel } from "../config/model/model-transfer";
import type { PlatformModel } from "../config/model/platform-model";
import type { StateLocation } from "../stacks/state-backend";
import type { BuildOptions, BuiltStack } from "./stack-builder";
import { newWakeSignal, receiveUntil } from "./thread-messages";

/** What a synthesis worker is started with (see `synthesis-worker.ts`). */
export interface WorkerSetup {
  readonly model: unknown;
  readonly where: StateLocation;
  readonly into: string;
  /** The stack cache the worker stores what it builds in (`BuildOptions.cache`), by folder and code fingerprint. */
  readonly cache?: { readonly folder: string; readonly code: string };
  readonly port: MessagePort;
  /** Woken by a worker after each message it sends (`postAndWake`). */
  readonly signal: SharedArrayBuffer;
}

/** A worker's messages: a stack built, or why it could not build one. */
export type WorkerMessage = { readonly built: BuiltStack } | { readonly failed: string };

/** Stacks per worker below which starting a worker (loading cdktf again) costs more than it saves. */
const STACKS_PER_WORKER = 24;

/** How many workers to build `stacks` stacks with, when not told: one per core, when there is work for them. */
export function defaultWorkers(stacks: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(stacks / STACKS_PER_WORKER)));
}

/**
 * Builds the stacks named in `names` on `workers` worker threads, each with its own copy of the
 * model, into `<into>/stacks/<name>`; stacks are handed out one at a time as workers finish, so
 * a large stack does not hold back a share. Each stack is built alone (see `buildStacks`), so
 * the bytes do not depend on the number of workers or on which worker built what. Returns the
 * results in the order of `names`. Synchronous, like the rest of a synthesis: this thread sleeps
 * until a worker reports.
 */
export function buildStacksInParallel(
  model: PlatformModel,
  where: StateLocation,
  names: readonly string[],
  into: string,
  options: BuildOptions & { readonly workers: number },
): BuiltStack[] {
  const signal = newWakeSignal();
  const encoded = encodeModel(model);
  const pool = Array.from({ length: Math.min(options.workers, names.length) }, () => {
    const { port1, port2 } = new MessageChannel();
    const cache = options.cache && { folder: options.cache.folder, code: options.cache.code };
    const setup: WorkerSetup = { model: encoded, where, into, cache, port: port2, signal };
    const worker = new Worker(join(__dirname, "synthesis-worker-entry.js"), { workerData: setup, transferList: [port2] });
    worker.unref();
    return { worker, port: port1 };
  });
  const results = new Map<string, BuiltStack>();
  const queue = [...names];
  try {
    for (const { port } of pool) if (queue.length > 0) port.postMessage({ stack: queue.shift() });
    receiveUntil(
      pool.map(({ port }) => port),
      signal,
      (message, port) => {
        const report = message as WorkerMessage;
        if ("failed" in report) throw new Error(report.failed);
        options.onBuilt?.(report.built);
        results.set(report.built.name, report.built);
        if (queue.length > 0) port.postMessage({ stack: queue.shift() });
        return results.size === names.length ? true : undefined;
      },
      "synthesis worker",
    );
  } finally {
    for (const { worker, port } of pool) {
      port.close();
      void worker.terminate();
    }
  }
  return names.map((name) => results.get(name)!);
}
