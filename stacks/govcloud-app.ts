import { App } from "cdktf";
import type { PlatformModel } from "../config/model/platform-model";
import { networkFlows } from "../config/model/network-flows";
import { DepartmentStack } from "./department-stack";
import { indexPolicies } from "./render-flows";
import { PlatformStack } from "./platform-stack";
import type { StateLocation } from "./state-backend";
import type { StatefulLockEntry } from "../config/declaration/stateful-lock";

export interface GovcloudAppOptions extends StateLocation {
  /** Where this synthesis writes; defaults to `outdir`. Differs when synthesizing into a staging folder. */
  readonly writeTo?: string;
  /** Synthesize only these departments' stacks (and no platform stacks). @default - every stack */
  readonly departments?: readonly string[];
}

export interface GovcloudApp {
  readonly app: App;
  /** Stateful objects of the departments built, with their Terraform addresses (for the lock). */
  readonly statefulEntries: readonly StatefulLockEntry[];
  /** The departments whose stacks were built. */
  readonly departments: readonly string[];
  /** The names of every stack built. */
  readonly stacks: readonly string[];
}

/** model → stacks: a platform stack per cluster and a department stack per department, in name order. */
export function buildGovcloudApp(model: PlatformModel, options: GovcloudAppOptions): GovcloudApp {
  const app = new App({ outdir: options.writeTo ?? options.outdir, skipValidation: false });
  const only = options.departments ? new Set(options.departments) : undefined;
  const policies = indexPolicies(networkFlows(model));
  const platformStacks = only ? [] : model.clusters.map((cluster) => new PlatformStack(app, model, cluster, policies, options));
  const stacks = model.departments
    .filter((department) => !only || only.has(department.name))
    .map((department) => new DepartmentStack(app, model, department, policies, options));
  return {
    app,
    statefulEntries: stacks.flatMap((s) => s.statefulEntries),
    departments: model.departments.filter((d) => !only || only.has(d.name)).map((d) => d.name),
    stacks: [...platformStacks, ...stacks].map((stack) => stack.node.id),
  };
}
