import type { StatefulLockEntry } from "../../config/declaration/stateful-lock";
import { replacementFields } from "./replacement-fields";

/**
 * A record entry with, for each of its objects, its replacement fields as its stack's resources
 * (`cdk.tf.json`'s `resource`) configure them: what a later synthesis compares with when the
 * previous output is not at hand (a fresh clone), so a replacement of data is still refused.
 */
export function withFieldsFrom(entry: StatefulLockEntry, resources: Record<string, Record<string, Record<string, unknown>>>): StatefulLockEntry {
  const fields: Record<string, Record<string, unknown>> = {};
  for (const address of entry.resources) {
    const [type, name] = address.split(".");
    const config = resources[type]?.[name];
    if (config) fields[address] = replacementFields(type, config);
  }
  return Object.keys(fields).length > 0 ? { ...entry, fields } : entry;
}
