import { basename } from "node:path";
import { EXAMPLE_CACHE_VARIABLE } from "./stacks/example-artifact";
import { removeRunTempFolder, TEST_TEMP_VARIABLE } from "./test-temp-folder";

/** Removes the run's temporary folder, and fails the run if anything but the shared example escaped a test file's own folder. */
export default function globalTeardown(): void {
  const root = process.env[TEST_TEMP_VARIABLE];
  if (!root) return;
  const example = process.env[EXAMPLE_CACHE_VARIABLE];
  removeRunTempFolder(root, example ? [basename(example)] : []);
}
