import { join } from "node:path";
import { synthesizePlatform } from "../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../config/read-platform";
import { copyExampleProject } from "./artifact/example-project";
import { EXAMPLE_CACHE_VARIABLE, EXAMPLE_TODAY } from "./stacks/example-artifact";
import { createRunTempFolder } from "./test-temp-folder";
import { npmChromium } from "./evidence/render/npm-chromium";

/**
 * Synthesizes the bundled example once for the whole run; suites that read it get a private copy
 * of this project (see `synthesizeExample`) instead of synthesizing it again, which was most of
 * the suite's time. Tests that prove synthesis itself (determinism, retirement) still synthesize.
 * Everything temporary of the run lives in its own folder, removed by test/global-teardown.ts.
 */
export default function globalSetup(): void {
  createRunTempFolder();
  // Unpacked here, once and outside any test's timeout: on a fresh clone the first unpack takes
  // seconds (tens of them on a busy machine), longer than a browser test's beforeAll may wait.
  npmChromium();
  const root = copyExampleProject();
  const model = readPlatformOrThrow(join(root, "config"), { today: EXAMPLE_TODAY });
  synthesizePlatform(model, { outdir: join(root, "cdktf.out"), projectRoot: root, configDir: join(root, "config") });
  process.env[EXAMPLE_CACHE_VARIABLE] = root;
}
