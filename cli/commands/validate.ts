import { resolve } from "node:path";
import { countErrors, formatProblem, type PositionedProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import type { PlatformModel } from "../../config/model/platform-model";
import type { CommandContext } from "../command-context";

/** Reads and checks the declaration, printing every problem; the model when there are no errors. */
export function validateDeclaration({ options, io }: CommandContext): PlatformModel | undefined {
  const { model, problems } = readPlatform(resolve(options.config), undefined, { today: options.today });
  printProblems(problems, io.err);
  return model;
}

export function printProblems(problems: readonly PositionedProblem[], print: (text: string) => void): void {
  for (const problem of problems) print(`${formatProblem(problem)}\n`);
  const errors = countErrors(problems);
  if (errors > 0) print(`\n${errors} error(s), ${problems.length - errors} warning(s); nothing was written.\n`);
}

export function runValidate(context: CommandContext): number {
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
