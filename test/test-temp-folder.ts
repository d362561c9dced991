import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Set by test/global-setup.ts: the run's private temporary folder, which every worker's files go under. */
export const TEST_TEMP_VARIABLE = "GOVCLOUD_TEST_TMP";

/**
 * Creates the run's private temporary folder inside the system's and points TMPDIR at it, so the
 * global setup's own folders and the workers' land there. Engineers and CI runs share /tmp on
 * this machine: counting or cleaning the global folder would touch others' files.
 */
export function createRunTempFolder(): string {
  const root = mkdtempSync(join(tmpdir(), "govcloud-test-"));
  process.env[TEST_TEMP_VARIABLE] = root;
  process.env.TMPDIR = root;
  return root;
}

/**
 * Removes the run's folder. `expected` are the entries the global setup made; anything else means
 * a folder escaped its test file's own temporary folder, and is named in the error.
 */
export function removeRunTempFolder(root: string, expected: readonly string[]): void {
  const unexpected = readdirSync(root)
    .filter((name) => !expected.includes(name))
    .sort();
  rmSync(root, { recursive: true, force: true });
  if (unexpected.length > 0) {
    throw new Error(`the test run left ${unexpected.length} entries in its temporary folder ${root} (removed now): ${unexpected.slice(0, 20).join(", ")}`);
  }
}
