import { join } from "node:path";
import { synthesizePlatform } from "../../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../../config/read-platform";
import { copyExampleProject } from "../../artifact/example-project";
import { EXAMPLE_TODAY } from "../../stacks/example-artifact";

/**
 * Synthesizes the bundled example into a throw-away project and returns its `cdktf.out`. (The
 * shared `synthesizeExample` reads the artifact back but does not say where it wrote it.)
 */
export function synthesizeExampleOutdir(): string {
  const root = copyExampleProject();
  const model = readPlatformOrThrow(join(root, "config"), { today: EXAMPLE_TODAY });
  const outdir = join(root, "cdktf.out");
  synthesizePlatform(model, { outdir, projectRoot: root, configDir: join(root, "config") });
  return outdir;
}
