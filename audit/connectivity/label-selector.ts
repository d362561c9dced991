import { FieldPath, isRecord } from "./manifest-object";

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = "In" | "NotIn" | "Exists" | "DoesNotExist";
const OPERATORS: ReadonlySet<string> = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: ReadonlySet<string>;
}

/** A Kubernetes label selector: all requirements must hold; no requirement selects everything. */
export class LabelSelector {
  static readonly EVERYTHING = new LabelSelector([]);

  constructor(readonly requirements: readonly LabelRequirement[]) {}

  matches(labels: Labels): boolean {
    return this.requirements.every((r) => requirementHolds(r, labels));
  }

  selectsEverything(): boolean {
    return this.requirements.length === 0;
  }
}

function requirementHolds(requirement: LabelRequirement, labels: Labels): boolean {
  const present = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case "In":
      return present && requirement.values.has(labels[requirement.key]);
    // NotIn also holds when the key is absent, as in Kubernetes.
    case "NotIn":
      return !present || !requirement.values.has(labels[requirement.key]);
    case "Exists":
      return present;
    case "DoesNotExist":
      return !present;
  }
}

/**
 * Reads label values leniently: YAML turns `tier: 1` into a number, which the API server would
 * have refused; the string form is what the user meant.
 */
export function readLabels(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isRecord(value)) return labels;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") labels[key] = String(v);
  }
  return labels;
}

/**
 * Reads a `{matchLabels, matchExpressions}` selector. Malformed parts are reported through `report`
 * with their path below `at`, and left out of the selector.
 */
export function parseLabelSelector(
  raw: unknown,
  at: FieldPath,
  report: (path: FieldPath, message: string) => void,
): LabelSelector {
  if (raw === null || raw === undefined) return LabelSelector.EVERYTHING;
  if (!isRecord(raw)) {
    report(at, "must be a label selector (an object with matchLabels and/or matchExpressions)");
    return LabelSelector.EVERYTHING;
  }
  const requirements: LabelRequirement[] = [];
  if (raw.matchLabels !== undefined && raw.matchLabels !== null && !isRecord(raw.matchLabels)) {
    report([...at, "matchLabels"], "must be a map of label keys to values");
  }
  for (const [key, value] of Object.entries(readLabels(raw.matchLabels))) {
    requirements.push({ key, operator: "In", values: new Set([value]) });
  }
  const expressions = raw.matchExpressions ?? [];
  if (!Array.isArray(expressions)) {
    report([...at, "matchExpressions"], "must be a list of {key, operator, values}");
    return new LabelSelector(requirements);
  }
  expressions.forEach((expression: unknown, index) => {
    const requirement = parseExpression(expression, [...at, "matchExpressions", index], report);
    if (requirement !== undefined) requirements.push(requirement);
  });
  return new LabelSelector(requirements);
}

function parseExpression(
  expression: unknown,
  at: FieldPath,
  report: (path: FieldPath, message: string) => void,
): LabelRequirement | undefined {
  if (!isRecord(expression)) {
    report(at, "must be an object {key, operator, values}");
    return undefined;
  }
  const { key, operator } = expression;
  const values = expression.values ?? [];
  if (typeof key !== "string" || key === "") {
    report([...at, "key"], "must be a non-empty label key");
    return undefined;
  }
  if (typeof operator !== "string" || !OPERATORS.has(operator)) {
    report([...at, "operator"], `must be one of In, NotIn, Exists, DoesNotExist, got '${String(operator)}'`);
    return undefined;
  }
  if (!Array.isArray(values)) {
    report([...at, "values"], "must be a list of strings");
    return undefined;
  }
  const needsValues = operator === "In" || operator === "NotIn";
  if (needsValues && values.length === 0) {
    report([...at, "values"], `must not be empty when the operator is ${operator}`);
    return undefined;
  }
  if (!needsValues && values.length > 0) {
    report([...at, "values"], `must be empty when the operator is ${operator}`);
    return undefined;
  }
  return { key, operator: operator as SelectorOperator, values: new Set(values.map(String)) };
}
