/**
 * A problem found in the declaration. Every problem names the file and the field path;
 * line and column are resolved from the parsed YAML when the problem is reported, so
 * rules only need to say *where in the data* something is wrong.
 */
export type FieldPath = ReadonlyArray<string | number>;

export type Severity = "error" | "warning";

export interface Problem {
  readonly file: string;
  readonly path: FieldPath;
  readonly message: string;
  readonly severity: Severity;
}

export interface PositionedProblem extends Problem {
  readonly line: number;
  readonly column: number;
}

export function error(file: string, path: FieldPath, message: string): Problem {
  return { file, path, message, severity: "error" };
}

export function warning(file: string, path: FieldPath, message: string): Problem {
  return { file, path, message, severity: "warning" };
}

/** `environments[1].services[0].image`; the whole document is `(document)`. */
export function formatFieldPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === "" ? "(document)" : out;
}

/** `config/departments/health.yaml:14:9 environments[1].level: <message>` */
export function formatProblem(problem: PositionedProblem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.line}:${problem.column} ${formatFieldPath(problem.path)}: ${prefix}${problem.message}`;
}

/** Problems sorted by file, then position, so output is stable whatever order rules ran in. */
export function sortProblems(problems: readonly PositionedProblem[]): PositionedProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown when a declaration has errors; carries all of them, already positioned and sorted. */
export class DeclarationError extends Error {
  constructor(readonly problems: readonly PositionedProblem[]) {
    super(
      `the declaration has ${countErrors(problems)} error(s):\n` +
        problems.map(formatProblem).join("\n"),
    );
    this.name = "DeclarationError";
  }
}

export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((p) => p.severity === "error").length;
}

/** Quotes a user value for a message: strings in double quotes, others as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") {
    // A megabyte of value would bury the message; its start and length say enough.
    if (value.length <= 256) return JSON.stringify(value);
    return `${JSON.stringify(Array.from(value).slice(0, 100).join(""))}... (${value.length} characters)`;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
