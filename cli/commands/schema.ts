import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_SCHEMA_DIR, jsonSchemas } from "../../config/schema/json-schemas";
import type { CommandContext } from "../command-context";

/** `govcloud schema`: writes the editor schemas the YAML files' `$schema` lines point at. */
export function runSchema({ options, io }: CommandContext): number {
  if (!existsSync(options.config)) {
    io.err(`govcloud: no declaration folder ${options.config} (--config)\n`);
    return 1;
  }
  const dir = join(options.config, JSON_SCHEMA_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
    io.out(`wrote ${join(dir, file)}\n`);
  }
  return 0;
}
