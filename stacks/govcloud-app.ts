import { App } from "cdktf";
import type { PlatformModel } from "../config/model/platform-model";
import { networkFlows } from "../config/model/network-flows";
import { DepartmentStack } from "./department-stack";
import { indexPolicies } from "./render-flows";
import { PlatformStack } from "./platform-stack";
import type { StateLocation } from "./state-backend";

export interface GovcloudAppOptions extends StateLocation {
  /** Where this synthesis writes; defaults to `outdir`. Differs when synthesizing into a staging folder. */
  readonly writeTo?: string;
  /** Synthesize only these departments' stacks (and no platform stacks). @default - every stack */
  readonly departments?: readonly string[];
}

/** model → stacks: a platform stack per cluster and a department stack per department, in name order. */
export function buildGovcloudApp(model: PlatformModel, options: GovcloudAppOptions): App {
  const app = new App({ outdir: options.writeTo ?? options.outdir, skipValidation: false });
  const only = options.departments ? new Set(options.departments) : undefined;
  const policies = indexPolicies(networkFlows(model));
  if (!only) {
    for (const cluster of model.clusters) new PlatformStack(app, model, cluster, policies, options);
  }
  for (const department of model.departments) {
    if (!only || only.has(department.name)) new DepartmentStack(app, model, department, policies, options);
  }
  return app;
}
