import { run } from "@bufbuild/cel";

/**
 * Validates an object against a CRD's structural OpenAPI v3 schema the way the API server
 * would on create: nulls dropped and defaults applied first; every `properties` object closed
 * (the server prunes or, with strict field validation, refuses unknown fields) unless it
 * preserves unknown fields; list-map keys and sets unique; `int32` in range; and each
 * `x-kubernetes-validations` CEL rule evaluated, except transition rules (`oldSelf`), which
 * only run on update.
 */
export interface StructuralSchema {
  readonly type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  readonly additionalProperties?: StructuralSchema | boolean;
  readonly items?: StructuralSchema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly anyOf?: readonly StructuralSchema[];
  readonly oneOf?: readonly StructuralSchema[];
  readonly allOf?: readonly StructuralSchema[];
  readonly "x-kubernetes-preserve-unknown-fields"?: boolean;
  readonly "x-kubernetes-int-or-string"?: boolean;
  readonly "x-kubernetes-embedded-resource"?: boolean;
  readonly "x-kubernetes-list-type"?: "atomic" | "set" | "map";
  readonly "x-kubernetes-list-map-keys"?: readonly string[];
  readonly "x-kubernetes-validations"?: ReadonlyArray<{ readonly rule: string; readonly message?: string }>;
}

export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The object as the server stores it: nulls dropped, defaults applied (a copy). */
export function withDefaults(schema: StructuralSchema, value: unknown): unknown {
  if (value === null && !schema.nullable) return undefined;
  if (Array.isArray(value)) return schema.items ? value.map((item) => withDefaults(schema.items!, item)).filter((item) => item !== undefined) : value;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      const cleaned = childSchema ? withDefaults(childSchema, child) : child === null ? undefined : child;
      if (cleaned !== undefined) out[key] = cleaned;
    }
    for (const [key, childSchema] of Object.entries(schema.properties ?? {})) {
      if (out[key] === undefined && childSchema.default !== undefined) out[key] = withDefaults(childSchema, structuredClone(childSchema.default));
    }
    return out;
  }
  return value;
}

export function validateStructural(schema: StructuralSchema, value: unknown): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  check(schema, withDefaults(schema, value), "", violations);
  return violations;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function check(schema: StructuralSchema, value: unknown, path: string, out: SchemaViolation[]): void {
  const at = path === "" ? "(root)" : path;
  const fail = (message: string) => out.push({ path: at, message });
  if (schema.anyOf && !schema.anyOf.some((option) => matches(option, value, path))) fail(`matches none of ${schema.anyOf.length} alternatives`);
  if (schema.oneOf && schema.oneOf.filter((option) => matches(option, value, path)).length !== 1) fail("must match exactly one alternative");
  for (const part of schema.allOf ?? []) check(part, value, path, out);
  const actual = typeOf(value);
  if (schema.type && !(schema.type === actual || (schema.type === "number" && actual === "integer"))) {
    fail(`must be ${schema.type}, got ${actual}`);
    return;
  }
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}, got ${JSON.stringify(value)}`);
  if (typeof value === "string") {
    if (schema.minLength !== undefined && [...value].length < schema.minLength) fail(`must be at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) fail(`must be at most ${schema.maxLength} characters, got ${[...value].length}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) fail(`must match ${schema.pattern}, got ${JSON.stringify(value)}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be at least ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be at most ${schema.maximum}, got ${value}`);
    if (schema.format === "int32" && (value < INT32.min || value > INT32.max)) fail(`must fit in int32, got ${value}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
    const listType = schema["x-kubernetes-list-type"];
    if (listType === "set" || listType === "map") {
      const keys = value.map((item) =>
        listType === "set" ? JSON.stringify(item) : JSON.stringify((schema["x-kubernetes-list-map-keys"] ?? []).map((k) => (item as Record<string, unknown>)?.[k])),
      );
      keys.forEach((key, i) => {
        if (keys.indexOf(key) !== i) fail(`item ${i} repeats ${listType === "set" ? "an earlier item" : `the key ${key} of an earlier item`}`);
      });
    }
    if (schema.items) value.forEach((item, i) => check(schema.items!, item, `${path}[${i}]`, out));
  }
  if (actual === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) fail(`must have at least ${schema.minProperties} fields`);
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) fail(`must have at most ${schema.maxProperties} fields`);
    for (const required of schema.required ?? []) if (record[required] === undefined) out.push({ path: join(path, required), message: "is required" });
    const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
    for (const key of keys) {
      // ObjectMeta is only `type: object` in a CRD: the API server checks it itself (names and labels, checked separately).
      if (path === "" && key === "metadata") continue;
      const child = schema.properties?.[key];
      if (child) check(child, record[key], join(path, key), out);
      else if (typeof schema.additionalProperties === "object") check(schema.additionalProperties, record[key], join(path, key), out);
      else if (!preserve && schema.additionalProperties !== true && !(schema["x-kubernetes-embedded-resource"] && ["apiVersion", "kind", "metadata"].includes(key))) {
        out.push({ path: join(path, key), message: "is not a field of this kind (the API server drops or refuses it)" });
      }
    }
  }
  for (const validation of schema["x-kubernetes-validations"] ?? []) {
    if (/\boldSelf\b/.test(validation.rule)) continue;
    let result: unknown;
    try {
      result = run(validation.rule, { self: celValue(schema, value) } as Parameters<typeof run>[1]);
    } catch (e) {
      result = e;
    }
    if (result !== true) fail(`${validation.message ?? `fails ${validation.rule}`}${result === false ? "" : ` (CEL: ${String(result)})`}`);
  }
}

function matches(schema: StructuralSchema, value: unknown, path: string): boolean {
  const found: SchemaViolation[] = [];
  check(schema, value, path, found);
  return found.length === 0;
}

function join(path: string, key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? (path === "" ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
}

/** CEL distinguishes int from double: values the schema types as integers are given as ints. */
function celValue(schema: StructuralSchema | undefined, value: unknown): unknown {
  if (typeof value === "number" && (schema?.type === "integer" || (schema?.type === undefined && Number.isInteger(value)))) return BigInt(value);
  if (Array.isArray(value)) return value.map((item) => celValue(schema?.items, item));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, celValue(schema?.properties?.[key] ?? (typeof schema?.additionalProperties === "object" ? schema.additionalProperties : undefined), child)]),
    );
  }
  return value;
}
