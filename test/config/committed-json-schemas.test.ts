import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main";
import { JSON_SCHEMA_DIR } from "../../config/schema/json-schemas";
import { EXAMPLE_CONFIG } from "../artifact/example-project";

/**
 * Editors validate against the committed config/json-schema/; the CLI against the zod schemas.
 * `govcloud schema` must leave the committed files byte-identical, so whoever changes a schema
 * also commits what `npx govcloud schema` writes.
 */
describe("the committed JSON Schemas", () => {
  it("are exactly what govcloud schema writes", async () => {
    const config = mkdtempSync(join(tmpdir(), "govcloud-schema-"));
    try {
      const status = await main(["schema", "--config", config], { out: () => undefined, err: () => undefined });
      expect(status).toBe(0);
      const written = readdirSync(join(config, JSON_SCHEMA_DIR)).sort();
      const committed = readdirSync(join(EXAMPLE_CONFIG, JSON_SCHEMA_DIR)).sort();
      expect(committed).toEqual(written);
      for (const file of written) {
        const stale = readFileSync(join(EXAMPLE_CONFIG, JSON_SCHEMA_DIR, file), "utf8") !== readFileSync(join(config, JSON_SCHEMA_DIR, file), "utf8");
        expect({ file, stale, fix: "run npx govcloud schema and commit config/json-schema/" }).toEqual({ file, stale: false, fix: expect.any(String) });
      }
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });
});
