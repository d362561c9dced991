import { join, resolve } from "node:path";
import { codeFingerprint } from "../../artifact/code-fingerprint";
import { STACK_CACHE_FOLDER } from "../../artifact/stack-cache";
import { DeclarationParseCache, type ParsedValues } from "../../config/declaration/parse-cache";
import { countErrors, formatProblem, type PositionedProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import type { PlatformModel } from "../../config/model/platform-model";
import type { CommandContext } from "../command-context";

const PROJECT_ROOT = join(__dirname, "..", "..");
const DECLARATION_PARSER = join(PROJECT_ROOT, "config", "declaration", "source-document.ts");
/** What reads the stateful lock: the parse cache also remembers lock texts it found valid. */
const LOCK_READER = join(PROJECT_ROOT, "config", "declaration", "stateful-lock.ts");

/**
 * What earlier syntheses parsed of the declaration files, kept in the synthesis cache of the
 * working directory for this parser code. Every command that reads the declaration recalls from
 * it; only `govcloud synth` saves it, after a success.
 */
export function declarationParses(): DeclarationParseCache {
  const code = [DECLARATION_PARSER, LOCK_READER].map((entry) => codeFingerprint(entry, PROJECT_ROOT)).join(" ");
  return DeclarationParseCache.open(join(process.cwd(), STACK_CACHE_FOLDER, ".declarations"), code);
}

/** Parses every file: what `--no-cache` asks for. */
export const PARSING_EVERY_FILE: ParsedValues = { recall: () => undefined, remember: () => {} };

/**
 * Reads and checks the declaration, printing every problem; the model when there are no errors.
 * Files parsed before (`parsed`, by default what syntheses kept) are not parsed again.
 */
export function validateDeclaration({ options, io }: CommandContext, parsed: ParsedValues = declarationParses()): PlatformModel | undefined {
  const { model, problems } = readPlatform(resolve(options.config), undefined, { today: options.today, parsed });
  printProblems(problems, io.err);
  return model;
}

export function printProblems(problems: readonly PositionedProblem[], print: (text: string) => void): void {
  for (const problem of problems) print(`${formatProblem(problem)}\n`);
  const errors = countErrors(problems);
  if (errors > 0) print(`\n${errors} error(s), ${problems.length - errors} warning(s); nothing was written.\n`);
}

export function runValidate(context: CommandContext): number {
  // Reads what synthesis parsed, writes nothing: checking a declaration leaves the disk as it was.
  const model = validateDeclaration(context);
  if (!model) return 1;
  const environments = model.departments.flatMap((d) => d.environments);
  const services = environments.reduce((n, e) => n + e.services.length, 0);
  context.io.out(
    `${context.options.config}: valid. ${model.clusters.length} clusters, ${model.departments.length} departments, ` +
      `${environments.length} environments, ${services} services.\n`,
  );
  return 0;
}
