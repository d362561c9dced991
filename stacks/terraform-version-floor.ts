import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TerraformStack } from "cdktf";
// cdktf exports no public hook for writing a file beside a stack's cdk.tf.json; its synthesizer
// calls these custom syntheses for every construct of the stack, in the stack's own folder.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
import type { PlatformModel } from "../config/model/platform-model";

/**
 * The oldest Terraform a stack needs: `removed` blocks with `lifecycle { destroy = false }`
 * arrived in Terraform 1.7; the S3 backend's own lock file (`use_lockfile`) in Terraform 1.10.
 */
export function terraformFloor(model: PlatformModel): string {
  return usesS3LockFile(model) ? "1.10.0" : "1.7.0";
}

/**
 * The oldest OpenTofu a stack needs: OpenTofu reads `removed` blocks from 1.7 but accepts their
 * `lifecycle { destroy = false }` only from 1.10, which is also where its S3 backend gained
 * `use_lockfile`.
 */
export const OPENTOFU_FLOOR = "1.10.0";

/** The file, beside `cdk.tf.json`, holding the OpenTofu floor: OpenTofu reads `*.tofu.json`, Terraform never does. */
export const OPENTOFU_FLOOR_FILE = "opentofu-version.tofu.json";

function usesS3LockFile(model: PlatformModel): boolean {
  return model.stateBackend.type === "s3" && model.stateBackend.locking.type === "lockfile";
}

/**
 * Makes Terraform and OpenTofu refuse, before touching state, a version older than the stack
 * needs: `required_version` in the stack for Terraform (OpenTofu checks it too, against its own
 * numbering, which is why a second constraint exists), and a `terraform` block in
 * `opentofu-version.tofu.json` that only OpenTofu (≥ 1.8, which reads `.tofu.json` files) loads;
 * every `required_version` of a configuration must hold. OpenTofu 1.7 loads neither the file
 * nor the `removed` blocks' lifecycle, and says so on the latter.
 */
export function requireTerraformVersions(stack: TerraformStack, model: PlatformModel): void {
  stack.addOverride("terraform.required_version", `>= ${terraformFloor(model)}`);
  addCustomSynthesis(new Construct(stack, "opentofu-version-floor"), {
    onSynthesize(session) {
      const folder = join(session.outdir, session.manifest.forStack(stack).workingDirectory);
      writeFileSync(join(folder, OPENTOFU_FLOOR_FILE), `${JSON.stringify({ terraform: { required_version: `>= ${OPENTOFU_FLOOR}` } }, null, 2)}\n`);
    },
  });
}
