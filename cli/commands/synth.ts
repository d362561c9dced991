import { dirname, join, resolve } from "node:path";
import { prepareCacheFolder, STACK_CACHE_FOLDER } from "../../artifact/stack-cache";
import { candidateCheckStore, likelyChecksOnHelper, synthesizeWithCache, type StackSummary } from "../../artifact/synthesize-platform";
import { prestartRulePackGate, rulePackGate } from "../../audit/mlps/synthesis-check";
import { todayUtc } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import { UsageError, withArtifact, type CommandContext } from "../command-context";
import { declarationParses, PARSING_EVERY_FILE, validateDeclaration } from "./validate";
import { progressLine } from "../progress-line";

/** `govcloud synth`: validate, then synthesize; the previous output is replaced only on success. */
export function runSynth(context: CommandContext): number {
  const { options, io } = context;
  const started = Date.now();
  const cacheDir = options["no-cache"] ? undefined : join(process.cwd(), STACK_CACHE_FOLDER);
  // The gate's helper thread loads its code, and what the gate kept of each stack, while the declaration is validated.
  if (cacheDir && !options.department && likelyChecksOnHelper(cacheDir)) prestartRulePackGate(candidateCheckStore(cacheDir).folder);
  const parsed = cacheDir ? declarationParses() : undefined;
  const model = validateDeclaration(context, parsed ?? PARSING_EVERY_FILE);
  if (!model) return 1;
  const departments = options.department;
  for (const name of departments ?? []) {
    if (!model.departments.some((d) => d.name === name)) throw new UsageError(`no department "${name}" is declared`);
  }
  const outdir = resolve(options.out);
  const check = rulePackGate(
    model,
    options.today ?? todayUtc(),
    (warnings) => {
      for (const warning of warnings) io.err(`warning: ${warning}\n`);
    },
    departments,
  );
  const progress = progressLine("synth", { write: io.err, isTerminal: io.errIsTerminal === true }, { forced: options.progress === true });
  return withArtifact(io, () => {
    let result;
    try {
      result = synthesizeWithCache(model, {
        outdir,
        projectRoot: process.cwd(),
        configDir: resolve(options.config),
        departments,
        check,
        cacheDir,
        workers: workersOption(options.workers),
        onProgress: ({ done, total, reused }) => progress.update(done, total, reused > 0 ? `${reused} from cache` : undefined),
      });
    } finally {
      progress.finish();
    }
    const { stacks, reused, built, workers } = result;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (options.summary) io.out(summary(model, stacks, departments));
    const how = [
      ...(workers > 1 ? [`${built.length} built on ${workers} workers`] : []),
      ...(reused > 0 ? [`${reused} unchanged, reused from ${STACK_CACHE_FOLDER}`] : []),
    ];
    io.out(`Synthesized ${stacks.length} stacks${how.length > 0 ? ` (${how.join(", ")})` : ""} into ${options.out}/stacks in ${seconds} s.\n`);
    if (parsed) {
      prepareCacheFolder(dirname(parsed.file));
      parsed.save();
    }
    return 0;
  });
}

function workersOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,2}$/.test(value)) throw new UsageError(`--workers must be a whole number from 1 to 999; got "${value}"`);
  return Number(value);
}

function summary(model: PlatformModel, stacks: readonly StackSummary[], only?: readonly string[]): string {
  const departments = model.departments.filter((d) => !only || only.includes(d.name));
  const environments = departments.flatMap((d) => d.environments);
  const levels = [1, 2, 3, 4].map((l) => `L${l}: ${environments.filter((e) => e.level === l).length}`).join(", ");
  const width = Math.max(...stacks.map((s) => s.name.length), 5);
  const rows = stacks.map((s) => `  ${s.name.padEnd(width)}  ${String(s.namespaces).padStart(10)}  ${String(s.resources).padStart(9)}`);
  const total = stacks.reduce((n, s) => n + s.resources, 0);
  return [
    `${model.displayName} (${model.name}), operated by ${model.operator}`,
    `  clusters:     ${model.clusters.map((c) => `${c.name} (levels ${c.levels.join(",")})`).join(", ")}`,
    `  departments:  ${departments.length}`,
    `  environments: ${environments.length} (${levels})`,
    `  services:     ${environments.reduce((n, e) => n + e.services.length, 0)}`,
    "",
    `  ${"stack".padEnd(width)}  namespaces  resources`,
    ...rows,
    `  ${"total".padEnd(width)}  ${String(stacks.reduce((n, s) => n + s.namespaces, 0)).padStart(10)}  ${String(total).padStart(9)}`,
    "",
  ].join("\n");
}
