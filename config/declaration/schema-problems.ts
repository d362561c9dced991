import type { z } from "zod";
import { didYouMean } from "./did-you-mean";
import { describeValue, error, type FieldPath, type Problem } from "./problem";

/**
 * Turns schema issues into problems a department can act on: the field, what is allowed,
 * and the value that was seen. zod's default wording ("Invalid input") is replaced; messages
 * the schemas set themselves are kept and completed with the value.
 */
export function schemaProblems(file: string, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => issueProblems(file, schema, issue));
}

function issueProblems(file: string, schema: z.ZodType, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path as FieldPath;
  const input = (issue as { input?: unknown }).input;
  const ownMessage = !/^(Invalid|Too small|Too big|Unrecognized)/.test(issue.message);
  const withValue = (message: string) => (isScalar(input) ? `${message}; got ${describeValue(input)}` : message);

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedFields(schema, path);
      return issue.keys.map((key) =>
        error(file, [...path, key], `unknown field ${JSON.stringify(key)}${allowed ? `${didYouMean(key, allowed)}; allowed fields: ${allowed.join(", ")}` : ""}`),
      );
    }
    case "invalid_type":
      if (input === undefined) return [error(file, path, "is required")];
      if (ownMessage) return [error(file, path, withValue(issue.message))];
      return [error(file, path, `must be ${article(expectedKind(issue))}; got ${describeKind(input)}`)];
    case "invalid_value": {
      const suggestion = typeof input === "string" ? didYouMean(input, issue.values.filter((v): v is string => typeof v === "string")) : "";
      return [error(file, path, `${withValue(`must be one of ${issue.values.map((v) => describeValue(v)).join(", ")}`)}${suggestion}`)];
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options) {
        const value = input !== null && typeof input === "object" ? (input as Record<string, unknown>)[path[path.length - 1] as string] : input;
        return [error(file, path, `must be one of ${options.map((v) => describeValue(v)).join(", ")}; got ${describeValue(value)}`)];
      }
      return [error(file, path, withValue(ownMessage ? issue.message : "does not match any allowed form"))];
    }
    case "too_small":
    case "too_big":
      if (ownMessage) return [error(file, path, withValue(issue.message))];
      return [error(file, path, withValue(describeBound(issue, input)))];
    default:
      return [error(file, path, withValue(issue.message))];
  }
}

function describeBound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, input: unknown): string {
  const small = issue.code === "too_small";
  const bound = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  const word = small ? "at least" : "at most";
  switch (issue.origin) {
    case "array":
      return `must have ${word} ${bound} item(s); got ${Array.isArray(input) ? input.length : "none"}`;
    case "string":
      return small && Number(bound) === 1 ? "must not be empty" : `must have ${word} ${bound} characters`;
    default:
      return `must be ${word} ${bound}`;
  }
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean", "bigint"].includes(typeof value);
}

function article(expected: string): string {
  const names: Record<string, string> = {
    int: "a whole number",
    number: "a number",
    string: "a string",
    boolean: "true or false",
    array: "a list",
    object: "a mapping of fields",
    record: "a mapping",
  };
  return names[expected] ?? expected;
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing (null)";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number" && !Number.isInteger(value)) return describeValue(value);
  return `${typeof value} ${describeValue(value)}`;
}

/** The field names the schema accepts at `path`, for "unknown field" messages. */
function allowedFields(schema: z.ZodType, path: FieldPath): string[] | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } }).def;
    if (def?.type === "array" && typeof segment === "number") node = def.element;
    else if (def?.type === "object" && typeof segment === "string") node = def.shape?.[segment];
    else if (def?.type === "record") node = def.valueType;
    else return undefined;
  }
  const def = (unwrap(node) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : undefined;
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  while (current?.def) {
    const { type } = current.def;
    if (type === "optional" || type === "default" || type === "nullable" || type === "prefault") current = current.def.innerType as typeof current;
    else if (type === "pipe") current = current.def.in as typeof current;
    else break;
  }
  return current;
}

/** zod reports `z.int()` as expecting a number with an integer format. */
function expectedKind(issue: z.core.$ZodIssueInvalidType): string {
  const format = (issue as { format?: string }).format;
  return issue.expected === "number" && (format === "safeint" || format === "int32") ? "int" : issue.expected;
}
