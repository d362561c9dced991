import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PlatformModel } from "../../config/model/platform-model";
import { buildGovcloudApp } from "../../stacks/govcloud-app";
import { withPlainStackTraces } from "../synthesize-platform";
import { planPreview } from "./plan-preview";
import { withAppliedReplicas } from "../applied-replicas";
import type { StackPlan } from "./plan-stack";

/**
 * What Terraform would do if the declaration were synthesized now: synthesizes it into a
 * temporary folder (nothing in `outdir` or the record changes) and plans every stack against the
 * record and the current output.
 */
export function previewDeclaration(declared: PlatformModel, options: { outdir: string; projectRoot: string }): StackPlan[] {
  const outdir = resolve(options.outdir);
  const previous = existsSync(join(outdir, "manifest.json")) ? outdir : undefined;
  const model = withAppliedReplicas(declared, previous);
  const candidate = mkdtempSync(join(tmpdir(), "govcloud-preview-"));
  try {
    const built = withPlainStackTraces(() => {
      const app = buildGovcloudApp(model, { outdir, projectRoot: options.projectRoot, writeTo: candidate });
      app.app.synth();
      return app;
    });
    return planPreview(model.statefulLock, candidate, previous, built.stacks);
  } finally {
    rmSync(candidate, { recursive: true, force: true });
  }
}
