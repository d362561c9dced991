/**
 * One library stage of the province benchmark, in a process of its own, so that each stage's
 * peak memory is its own: prints `BENCH {"workMs": …}` with the time of the stage's call alone
 * (the process's wall time, start-up included, is measured by the caller).
 *
 *   node --require tsx/cjs bench/stage.ts validate|construct|export CONFIG_DIR OUT_DIR [TARGET_DIR]
 */
import { resolve } from "node:path";
import { readPlatform, readPlatformOrThrow } from "../config/read-platform";

// The construct and export stages load their modules when they run, so that the validate stage's
// process, like `govcloud validate`, does not load cdktf and the provider bindings it never uses.
const synthesis = () => require("../artifact/synthesize-platform") as typeof import("../artifact/synthesize-platform");
const app = () => require("../stacks/govcloud-app") as typeof import("../stacks/govcloud-app");
const manifests = () => require("../audit/export") as typeof import("../audit/export");

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

const [stage, configDir, outdir, target] = process.argv.slice(2);
let result: { ms: number; detail: string };
switch (stage) {
  case "validate": {
    const { value, ms } = timed(() => readPlatform(resolve(configDir)));
    if (!value.model) throw new Error(`${configDir} is not valid: ${value.problems.length} problems`);
    result = { ms, detail: `${value.model.departments.length} departments` };
    break;
  }
  case "construct": {
    const model = readPlatformOrThrow(resolve(configDir));
    // As `govcloud synth` builds it: with plain stack traces (see withPlainStackTraces).
    const { withPlainStackTraces } = synthesis();
    const { buildGovcloudApp } = app();
    const { value, ms } = timed(() => withPlainStackTraces(() => buildGovcloudApp(model, { outdir: resolve(outdir), projectRoot: process.cwd() })));
    result = { ms, detail: `${value.app.node.findAll().length} constructs` };
    break;
  }
  case "export": {
    const { exportManifests } = manifests();
    const { value, ms } = timed(() => exportManifests(resolve(outdir), resolve(target)));
    result = { ms, detail: `${value.clusters.flatMap((c) => c.files).reduce((n, f) => n + f.objects, 0)} objects` };
    break;
  }
  default:
    throw new Error(`unknown stage "${stage}"`);
}
process.stdout.write(`BENCH ${JSON.stringify({ workMs: result.ms, detail: result.detail })}\n`);
