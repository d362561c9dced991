/**
 * The cdktf app entry (`cdktf.json`), so `npx cdktf synth|diff|deploy` work as in any CDKTF
 * project. It reads `config/`, and refuses to synthesize anything when the declaration has errors.
 * cdktf writes the output itself, so the MLPS rule pack can only fail the run afterwards;
 * `govcloud synth` checks before anything is replaced.
 *
 * The cdktf CLI prints every line the app writes to stderr as `[ERROR]`, and its stdout as is:
 * so warnings go to stdout, marked `warning:`, and only errors to stderr.
 */
import { resolve } from "node:path";
import { formatProblem } from "./config/declaration/problem";
import { readPlatform } from "./config/read-platform";
import { buildGovcloudApp } from "./stacks/govcloud-app";
import { nextStatefulLock, writeStatefulLock } from "./artifact/stateful-lock-writer";
import { readInventories } from "./artifact/stack-inventory";
import { rulePackGate } from "./audit/mlps/synthesis-check";
import { todayUtc } from "./config/model/calendar";
import { standardStreams } from "./cli/standard-streams";

function synthesize(io: { out: (text: string) => void; err: (text: string) => void }): number {
  const projectRoot = __dirname;
  const { model, problems } = readPlatform(resolve(projectRoot, "config"));
  for (const problem of problems) (problem.severity === "warning" ? io.out : io.err)(`${formatProblem(problem)}\n`);
  if (!model) return 1;
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? resolve(projectRoot, "cdktf.out"));
  const built = buildGovcloudApp(model, { outdir, projectRoot });
  built.app.synth();
  const errors = rulePackGate(model, todayUtc(), (warnings) => warnings.forEach((w) => io.out(`warning: ${w}\n`))).errors(outdir);
  if (errors.length > 0) {
    for (const error of errors) io.err(`${error}\n`);
    return 1;
  }
  writeStatefulLock(resolve(projectRoot, "config"), nextStatefulLock(model, built.statefulEntries, built.departments, readInventories(outdir, built.stacks)));
  return 0;
}

const streams = standardStreams();
streams.exit(synthesize(streams.io));
