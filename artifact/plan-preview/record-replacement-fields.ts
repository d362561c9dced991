import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { StatefulLockEntry } from "../../config/declaration/stateful-lock";
import { replacementFields } from "./replacement-fields";

/**
 * The record's entries with, for each object that holds data, its replacement fields as the
 * output in `outdir` configures them: what a later synthesis compares with when the previous
 * output is not at hand (a fresh clone), so a replacement of data is still refused.
 */
export function withReplacementFields(entries: readonly StatefulLockEntry[], outdir: string): StatefulLockEntry[] {
  const documents = new Map<string, Record<string, Record<string, Record<string, unknown>>>>();
  const resourcesOf = (stack: string) => {
    if (!documents.has(stack)) {
      const path = join(outdir, "stacks", stack, "cdk.tf.json");
      documents.set(stack, existsSync(path) ? ((JSON.parse(readFileSync(path, "utf8")) as { resource?: Record<string, Record<string, Record<string, unknown>>> }).resource ?? {}) : {});
    }
    return documents.get(stack)!;
  };
  return entries.map((entry) => {
    const fields: Record<string, Record<string, unknown>> = {};
    for (const address of entry.resources) {
      const [type, name] = address.split(".");
      const config = resourcesOf(entry.stack)[type]?.[name];
      if (config) fields[address] = replacementFields(type, config);
    }
    return Object.keys(fields).length > 0 ? { ...entry, fields } : entry;
  });
}
