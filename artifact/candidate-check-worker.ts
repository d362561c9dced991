import { workerData } from "node:worker_threads";
import { checkInThisThread, type CandidateCheckRun, type CheckFactory, type CheckFailure, type CheckWorkerMessage, type CheckWorkerRequest, type CheckWorkerSetup, type CheckWorkerStart } from "./candidate-check";
import { DerivedStackStore } from "./derived-stack-store";
import { postAndWake } from "./thread-messages";

/** Makes the check from its recipe and runs it on the stacks it is handed (see `startCandidateCheck`). */
const setup = workerData as CheckWorkerSetup;

function report(message: CheckWorkerMessage): void {
  postAndWake(setup.port, setup.signal, message);
}

function failure(e: unknown): CheckFailure {
  const error = e instanceof Error ? e : new Error(String(e));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      fields[key] = structuredClone(value);
    } catch {
      // a field that cannot cross threads is left out; the message and stack still say what happened
    }
  }
  return { name: error.name, message: error.message, stack: error.stack ?? error.message, fields };
}

let run: CandidateCheckRun | undefined;
// The first failure is the one reported: after it the check has no verdict to give.
let failed: CheckFailure | undefined;
// The check's module is loaded before the check is known: the helper may be started ahead of it.
let factories: Record<string, CheckFactory> | undefined;
try {
  factories = require(setup.module) as Record<string, CheckFactory>;
} catch (e) {
  failed = failure(e);
}
// Then what the check kept of each stack, read while the synthesis is still on its way to asking.
const preloaded = setup.preload && new DerivedStackStore<unknown>(setup.preload.folder, setup.preload.code);
preloaded?.preload();

function makeCheck({ factory: name, setup: given, candidate, store }: CheckWorkerStart): CandidateCheckRun {
  const factory = factories![name];
  if (typeof factory !== "function") throw new Error(`${setup.module} exports no check factory ${name}`);
  return checkInThisThread(factory(given, (warnings) => report({ warnings })), candidate, store, preloaded);
}

setup.port.on("message", (request: CheckWorkerRequest) => {
  if (failed === undefined) {
    try {
      if ("start" in request) run = makeCheck(request.start);
      else if ("ready" in request) run!.stackReady(request.ready, request.digest);
      else report({ errors: run!.errors() });
    } catch (e) {
      failed = failure(e);
    }
  }
  if (failed !== undefined && "complete" in request) report({ failed });
});
