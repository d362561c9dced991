import { isRecord } from "./kubernetes-object";

/** Resources of one stack by Terraform type and name, as written in its `cdk.tf.json`. */
export type StackResources = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface ReferenceProblem {
  readonly field: string;
  readonly message: string;
}

const REFERENCE = /^(kubernetes_[a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g;

/**
 * Replaces the Terraform interpolations of a configuration with the values they name, reading
 * them from the same stack's configuration (`${kubernetes_namespace_v1.x.metadata[0].name}` → the
 * namespace's name), and turns Terraform's template escapes (`$${`, `%%{`) back into literal text.
 * Whatever cannot be known before apply (other stacks, variables, computed attributes, template
 * directives) is reported and left as written.
 */
export class ReferenceResolver {
  constructor(private readonly resources: StackResources) {}

  resolve(value: unknown, field: string, problems: ReferenceProblem[]): unknown {
    return this.resolveValue(value, field, problems, []);
  }

  /**
   * The value with its references resolved. Lists and objects with nothing to resolve are
   * returned as they are, not copied: nearly all of an artifact's configuration has no
   * reference, and copying it was a large part of reading a province's artifact.
   */
  private resolveValue(value: unknown, field: string, problems: ReferenceProblem[], visiting: string[]): unknown {
    if (typeof value === "string") return this.resolveString(value, field, problems, visiting);
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const resolved = this.resolveValue(value[index], `${field}[${index}]`, problems, visiting);
        if (resolved !== value[index] && copy === undefined) copy = value.slice(0, index);
        copy?.push(resolved);
      }
      return copy ?? value;
    }
    if (isRecord(value)) {
      // Entries, not assignments: a key named `__proto__` stays a key.
      let copy: Array<[string, unknown]> | undefined;
      const keys = Object.keys(value);
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index];
        const resolved = this.resolveValue(value[key], field ? `${field}.${key}` : key, problems, visiting);
        if (resolved !== value[key] && copy === undefined) copy = keys.slice(0, index).map((k) => [k, value[k]]);
        copy?.push([key, resolved]);
      }
      return copy === undefined ? value : Object.fromEntries(copy);
    }
    return value;
  }

  private resolveString(text: string, field: string, problems: ReferenceProblem[], visiting: string[]): unknown {
    if (!text.includes("${") && !text.includes("%{")) return text;
    const parts = splitTemplate(text);
    if (parts.some((part) => part.kind === "directive")) {
      problems.push({ field, message: `template directive in '${text}' cannot be evaluated before apply` });
      return text;
    }
    const values: unknown[] = [];
    for (const part of parts) {
      if (part.kind === "literal") {
        values.push(part.text);
        continue;
      }
      const resolved = this.lookup(part.text, field, problems, visiting);
      if (resolved === undefined) return text;
      values.push(resolved);
    }
    // A string that is one interpolation takes the referenced value's own type.
    if (parts.length === 1 && parts[0].kind === "interpolation") return values[0];
    if (values.some((v) => typeof v === "object" && v !== null)) {
      problems.push({ field, message: `'${text}' interpolates a block or list into a string` });
      return text;
    }
    return values.map(String).join("");
  }

  private lookup(expression: string, field: string, problems: ReferenceProblem[], visiting: string[]): unknown {
    const fail = (reason: string) => {
      problems.push({ field, message: `cannot resolve \${${expression}}: ${reason}` });
      return undefined;
    };
    const match = REFERENCE.exec(expression.trim());
    if (!match) return fail("only references to kubernetes_* resources of the same stack can be resolved");
    const [, type, name, steps] = match;
    if (visiting.includes(expression)) return fail("it refers back to itself");
    let target: unknown = this.resources[type]?.[name];
    if (target === undefined) return fail(`no resource ${type}.${name} in this stack`);
    for (const step of steps.matchAll(STEP)) {
      const [, attribute, index] = step;
      if (attribute !== undefined) {
        // A block written as a one-item list is the same block.
        if (Array.isArray(target) && target.length === 1) target = target[0];
        target = isRecord(target) ? target[attribute] : undefined;
      } else if (Array.isArray(target)) {
        target = target[Number(index)];
      } else if (Number(index) !== 0) {
        target = undefined;
      }
      if (target === undefined) break;
    }
    if (target === undefined || target === null) {
      return fail(`${type}.${name} sets no ${steps.slice(1)} in its configuration (a value computed at apply time)`);
    }
    return this.resolveValue(target, field, problems, [...visiting, expression]);
  }
}

type TemplatePart = { kind: "literal" | "interpolation" | "directive"; text: string };

/** Splits a Terraform template string into literal text, `${…}` interpolations and `%{…}` directives. */
function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    const three = text.slice(i, i + 3);
    if (three === "$${" || three === "%%{") {
      literal += three.slice(1);
      i += 3;
    } else if (two === "${" || two === "%{") {
      const end = closingBrace(text, i + 2);
      if (literal) parts.push({ kind: "literal", text: literal });
      literal = "";
      parts.push({ kind: two === "${" ? "interpolation" : "directive", text: text.slice(i + 2, end) });
      i = end + 1;
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal) parts.push({ kind: "literal", text: literal });
  return parts;
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}
