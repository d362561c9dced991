import { loadDeclaration } from "./declaration/load-declaration";
import type { ParsedValues } from "./declaration/parse-cache";
import { DeclarationError, formatProblem, sortProblems, type PositionedProblem } from "./declaration/problem";
import { buildPlatformModel } from "./model/build-platform-model";
import type { PlatformModel } from "./model/platform-model";
import { todayUtc, type IsoDate } from "./model/calendar";
import { checkDeclaration } from "./rules";

export interface ReadPlatformResult {
  /** Present when the declaration has no errors (warnings allowed). */
  readonly model?: PlatformModel;
  /** Every error and warning, positioned and sorted by file and line. */
  readonly problems: readonly PositionedProblem[];
}

/**
 * declaration → model: loads `configDir`, checks every schema and rule, and builds the typed
 * model. Nothing is thrown for bad input; every problem is returned at once. File names in
 * problems are relative to `displayRoot` (the working directory by default).
 */
export interface ReadPlatformOptions {
  /** The date expiry checks use. @default - today (UTC) */
  readonly today?: IsoDate;
  /** Where declaration files parsed before are recalled from, and files parsed now kept. */
  readonly parsed?: ParsedValues;
}

export function readPlatform(configDir: string, displayRoot?: string, options: ReadPlatformOptions = {}): ReadPlatformResult {
  const today = options.today ?? todayUtc();
  const loaded = loadDeclaration(configDir, displayRoot, { parsed: options.parsed });
  const problems = [...loaded.problems];
  // Rules run on whatever parsed, so schema and rule problems come in one round.
  problems.push(...checkDeclaration(loaded.salvaged, { today }));
  // A shared service's mistake is found once per environment it runs in, at the one line written.
  const positioned = sortProblems(uniqueProblems(problems.map(loaded.position)));
  const hasErrors = positioned.some((p) => p.severity === "error");
  return {
    model: loaded.declaration && !hasErrors ? buildPlatformModel(loaded.declaration, today) : undefined,
    problems: positioned,
  };
}

function uniqueProblems(problems: readonly PositionedProblem[]): PositionedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    // The printed line: problems at one position that name different fields stay apart.
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Like `readPlatform`, for callers that cannot continue without a model. */
export function readPlatformOrThrow(configDir: string, options: ReadPlatformOptions = {}): PlatformModel {
  const { model, problems } = readPlatform(configDir, undefined, options);
  if (!model) throw new DeclarationError(problems);
  return model;
}
