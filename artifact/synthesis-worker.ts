import { workerData } from "node:worker_threads";
import { decodeModel } from "../config/model/model-transfer";
import { planStacks } from "../stacks/govcloud-app";
import type { WorkerMessage, WorkerSetup } from "./parallel-build";
import { buildStacks } from "./stack-builder";
import { StackCache } from "./stack-cache";
import { withPlainStackTraces } from "./synthesize-platform";
import { postAndWake } from "./thread-messages";

/** Builds the stacks it is handed, one at a time, and reports each (see `buildStacksInParallel`). */
const setup = workerData as WorkerSetup;

function report(message: WorkerMessage): void {
  postAndWake(setup.port, setup.signal, message);
}

try {
  const plans = new Map(planStacks(decodeModel(setup.model), setup.where).map((plan) => [plan.name, plan]));
  const cache = setup.cache && new StackCache(setup.cache.folder, setup.cache.code);
  setup.port.on("message", ({ stack }: { stack: string }) => {
    try {
      const plan = plans.get(stack);
      if (!plan) throw new Error(`no stack ${stack} in the model the worker was given`);
      const [built] = withPlainStackTraces(() => buildStacks([plan], setup.into, { cache }));
      report({ built });
    } catch (e) {
      report({ failed: `building ${stack}: ${(e as Error).stack ?? String(e)}` });
    }
  });
} catch (e) {
  report({ failed: `starting a synthesis worker: ${(e as Error).stack ?? String(e)}` });
}
