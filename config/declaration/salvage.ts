import type { z } from "zod";

/**
 * What can still be read from a document that failed its schema: every field that is valid on
 * its own is kept (defaults applied), every invalid or unknown one is left out. Cross-file rules
 * run on the result, so one `validate` reports schema and rule problems together; a rule that
 * needs a field left out here cannot decide and must stay quiet.
 *
 * Mappings keep their valid fields; lists of mappings keep every item (so positions in later
 * problems stay right); a list of plain values with one bad item is left out as a whole.
 */
export function salvage(schema: z.ZodType, value: unknown): unknown {
  const result = salvageNode(schema, value);
  return result.ok ? result.value : {};
}

type Salvaged = { ok: true; value: unknown } | { ok: false };
const FAILED: Salvaged = { ok: false };

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

function salvageNode(schema: z.ZodType, value: unknown): Salvaged {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const def = (schema as unknown as { def: ZodDef }).def;
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "nullable": {
      // Present but invalid: left out rather than replaced by a default the user did not choose.
      const inner = salvageNode(def.innerType!, value);
      return inner.ok ? inner : { ok: true, value: undefined };
    }
    case "object": {
      if (!isMapping(value)) return FAILED;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const kept = salvageNode(field, value[key]);
        if (kept.ok && kept.value !== undefined) out[key] = kept.value;
      }
      return { ok: true, value: out };
    }
    case "array": {
      if (!Array.isArray(value)) return FAILED;
      const items = value.map((item) => salvageNode(def.element!, item));
      if (items.some((item) => !item.ok)) return FAILED;
      return { ok: true, value: items.map((item) => (item as { value: unknown }).value) };
    }
    case "record": {
      if (!isMapping(value)) return FAILED;
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        const kept = salvageNode(def.valueType!, entry);
        if (def.keyType!.safeParse(key).success && kept.ok) out[key] = kept.value;
      }
      return { ok: true, value: out };
    }
    default:
      return FAILED;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
