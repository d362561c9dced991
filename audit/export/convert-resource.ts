import { apiFieldName } from "./api-field-name";
import { type Block, type FieldRule, type ScalarConversion, one } from "./field-rules";
import { type KubernetesObject, isRecord } from "./kubernetes-object";
import { OBJECT_META } from "./object-meta-block";
import { type ResourceType, TERRAFORM_META_ARGUMENTS } from "./resource-types";

/** A field the conversion could not carry over, by its path in the resource's Terraform configuration. */
export interface ConversionProblem {
  readonly field: string;
  readonly message: string;
}

const METADATA = one(OBJECT_META);

/**
 * Converts one resource's Terraform configuration (references already resolved) into the
 * Kubernetes object the provider will apply. Fields that cannot be converted go to `problems`
 * and are left out of the object.
 */
export function convertResource(type: ResourceType, config: Record<string, unknown>, problems: ConversionProblem[]): KubernetesObject {
  const { metadata, ...rest } = convertBlock(topLevelBlock(type), objectAttributes(type, config), "", problems);
  return {
    apiVersion: type.apiVersion,
    kind: type.kind,
    metadata: withNameFirst(isRecord(metadata) ? metadata : {}),
    ...rest,
  };
}

/** The attributes that describe the object: without Terraform's meta-arguments and the provider's own switches. */
export function objectAttributes(type: ResourceType, config: Record<string, unknown>): Record<string, unknown> {
  const skipped = skippedAttributes(type);
  return Object.fromEntries(Object.entries(config).filter(([key]) => !skipped.has(key)));
}

// Per resource type, computed once: an artifact converts every type thousands of times.
const skippedByType = new WeakMap<ResourceType, ReadonlySet<string>>();
const topLevelBlockByType = new WeakMap<ResourceType, Block>();

function skippedAttributes(type: ResourceType): ReadonlySet<string> {
  return oncePerType(skippedByType, type, () => new Set([...TERRAFORM_META_ARGUMENTS, ...(type.terraformOnly ?? [])]));
}

/** The type's attributes with `metadata`, which every type has. */
function topLevelBlock(type: ResourceType): Block {
  return oncePerType(topLevelBlockByType, type, () => ({ ...type.block, metadata: METADATA }));
}

function oncePerType<T>(computed: WeakMap<ResourceType, T>, type: ResourceType, compute: () => T): T {
  if (!computed.has(type)) computed.set(type, compute());
  return computed.get(type)!;
}

/** `name` and `namespace` first, as people write manifests; the other keys keep their order. */
export function withNameFirst(metadata: Record<string, unknown>): Record<string, unknown> {
  const { name, namespace, ...rest } = metadata;
  return { ...(name !== undefined ? { name } : {}), ...(namespace !== undefined ? { namespace } : {}), ...rest };
}

function convertBlock(block: Block, value: Record<string, unknown>, path: string, problems: ConversionProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [attribute, raw] of Object.entries(value)) {
    if (raw === null || raw === undefined) continue;
    const field = path ? `${path}.${attribute}` : attribute;
    const rule: FieldRule | undefined = Object.prototype.hasOwnProperty.call(block, attribute) ? block[attribute] : undefined;
    const converted = rule ? convertField(rule, raw, field, problems) : convertUnlisted(raw, field, problems);
    if (converted !== undefined) out[rule?.to ?? apiFieldName(attribute)] = converted;
  }
  return out;
}

function convertUnlisted(raw: unknown, field: string, problems: ConversionProblem[]): unknown {
  const scalars = Array.isArray(raw) ? raw.every(isScalar) : isScalar(raw);
  if (scalars) return raw;
  problems.push({ field, message: "has no mapping to a Kubernetes field (a nested block or map the conversion table does not know)" });
  return undefined;
}

function convertField(rule: FieldRule, raw: unknown, field: string, problems: ConversionProblem[]): unknown {
  switch (rule.rule) {
    case "scalar":
      return Array.isArray(raw) ? raw.map((item) => convertScalar(item, rule.as)) : convertScalar(raw, rule.as);
    case "map":
      if (isRecord(raw)) return { ...raw };
      problems.push({ field, message: `must be a map, got ${describe(raw)}` });
      return undefined;
    case "object": {
      // cdktf writes a block of at most one item either as the object or as a one-item list.
      const items = Array.isArray(raw) ? raw : [raw];
      if (items.length === 0) return undefined;
      if (items.length > 1 || !isRecord(items[0])) {
        problems.push({ field, message: `must be a single block, got ${describe(raw)}` });
        return undefined;
      }
      return convertBlock(rule.block, items[0], field, problems);
    }
    case "list": {
      const items = Array.isArray(raw) ? raw : [raw];
      const out: unknown[] = [];
      items.forEach((item, index) => {
        if (isRecord(item)) out.push(convertBlock(rule.block, item, `${field}[${index}]`, problems));
        else problems.push({ field: `${field}[${index}]`, message: `must be a block, got ${describe(item)}` });
      });
      return out;
    }
  }
}

function convertScalar(value: unknown, as: ScalarConversion | undefined): unknown {
  if (typeof value !== "string") return value;
  switch (as) {
    case "int":
      return /^-?\d+$/.test(value) ? Number(value) : value;
    case "octal":
      // The provider parses modes in base 8 ("0644" and "644" alike); the API holds the number.
      return /^[0-7]+$/.test(value) ? parseInt(value, 8) : value;
    case "int-or-string":
      return /^\d+$/.test(value) ? Number(value) : value;
    default:
      return value;
  }
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return "an object";
  return JSON.stringify(value);
}
