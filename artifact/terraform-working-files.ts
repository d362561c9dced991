import { copyFileSync, existsSync, readdirSync, renameSync } from "node:fs";
import { basename, join } from "node:path";

/** Terraform's dependency lock: the provider versions and checksums `terraform init` chose. */
export const DEPENDENCY_LOCK_FILE = ".terraform.lock.hcl";
/** Terraform's working folder: the installed providers and the initialized backend. */
export const WORKING_FOLDER = ".terraform";

/** True for what a copy of an output leaves to `carryTerraformWorkingFiles` (providers weigh tens of MiB per stack). */
export function isTerraformWorkingFolder(path: string): boolean {
  return basename(path) === WORKING_FOLDER;
}

/**
 * Carries each stack's Terraform working files from the output being replaced into its
 * successor, as cdktf does between syntheses: the dependency lock is copied (the previous
 * output keeps it until the swap), the working folder is moved (it is only a cache of what
 * `terraform init` fetched, and copying providers would cost seconds per stack). Stacks that
 * the new output no longer has lose theirs with the old output.
 */
export function carryTerraformWorkingFiles(previousOutdir: string, nextOutdir: string): void {
  const previousStacks = join(previousOutdir, "stacks");
  if (!existsSync(previousStacks)) return;
  for (const stack of readdirSync(join(nextOutdir, "stacks"))) {
    const from = join(previousStacks, stack);
    const into = join(nextOutdir, "stacks", stack);
    if (!existsSync(from)) continue;
    if (existsSync(join(from, DEPENDENCY_LOCK_FILE))) copyFileSync(join(from, DEPENDENCY_LOCK_FILE), join(into, DEPENDENCY_LOCK_FILE));
    if (existsSync(join(from, WORKING_FOLDER)) && !existsSync(join(into, WORKING_FOLDER))) renameSync(join(from, WORKING_FOLDER), join(into, WORKING_FOLDER));
  }
}
