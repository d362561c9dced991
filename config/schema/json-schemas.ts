import { z } from "zod";
import { departmentFileSchema } from "./department";
import { platformSchema } from "./platform";
import { waiversSchema } from "./waivers";

/** Folder, under the config folder, that the YAML files' `$schema` lines point at. */
export const JSON_SCHEMA_DIR = "json-schema";

/**
 * JSON Schemas for editors, generated from the same zod schemas the loader enforces, so the
 * editor and `govcloud validate` never disagree on shape. Cross-file rules are not expressible
 * here; the CLI checks those.
 */
export function jsonSchemas(): Record<string, object> {
  const generate = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    title,
  });
  return {
    "platform.schema.json": generate(platformSchema, "govcloud platform declaration (config/platform.yaml)"),
    "department.schema.json": generate(departmentFileSchema, "govcloud department request (config/departments/<name>.yaml)"),
    "waivers.schema.json": generate(waiversSchema, "govcloud waivers (config/waivers.yaml)"),
  };
}
