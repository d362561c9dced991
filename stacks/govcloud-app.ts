import { App, type TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { ClusterModel, DepartmentModel, PlatformModel } from "../config/model/platform-model";
import { networkFlows } from "../config/model/network-flows";
import { NO_SHARING, sharingByDepartment, type DepartmentSharingModel } from "../config/model/sharing-routes";
import { DepartmentStack } from "./department-stack";
import { indexPolicies, type PoliciesByNamespace } from "./render-flows";
import { PlatformStack } from "./platform-stack";
import { ClustersStack, managementClusters } from "./clusters-stack";
import type { StateLocation } from "./state-backend";
import type { StatefulLockEntry } from "../config/declaration/stateful-lock";
import { clustersStackName, departmentStackName, platformStackName, platformStacksBefore } from "../config/model/stack-names";

export interface GovcloudAppOptions extends StateLocation {
  /** Where this synthesis writes; defaults to `outdir`. Differs when synthesizing into a staging folder. */
  readonly writeTo?: string;
  /** Synthesize only these departments' stacks (and no platform stacks). @default - every stack */
  readonly departments?: readonly string[];
}

/** What a synthesis needs back from a stack besides its Terraform: the objects whose loss would lose data. */
export interface StackRecord {
  readonly statefulEntries: readonly StatefulLockEntry[];
}

/**
 * Everything a stack's construction may read, by name. Its output is a function of these (and of
 * the code): the synthesis cache keys each stack on what it actually read of them.
 */
export interface StackInputs {
  readonly model: PlatformModel;
  readonly policies: PoliciesByNamespace;
  readonly where: StateLocation;
  /** The cluster a platform stack is for: found by name, so other clusters' order does not matter. */
  readonly cluster?: ClusterModel;
  /** The department a department stack is for, likewise. */
  readonly department?: DepartmentModel;
  /** That department's cross-cluster sharing (its part of the province's, computed once). */
  readonly sharing?: DepartmentSharingModel;
}

/** One stack to build: its name, its inputs, and how to build it from them. */
export interface StackPlan {
  readonly name: string;
  /** The department it belongs to; none for platform stacks. */
  readonly department?: string;
  /**
   * The stacks Terraform must apply before this one (`manifest.json`'s dependencies, which
   * `cdktf deploy` orders by). Stacks are built apart, so this is said by name.
   */
  readonly dependsOn: readonly string[];
  readonly inputs: StackInputs;
  /** Builds the stack into `scope` from `inputs` (this plan's inputs, or views of them that record reads). */
  build(scope: Construct, inputs: StackInputs): { readonly stack: TerraformStack; readonly record: StackRecord };
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

/**
 * model → the stacks to build: a clusters stack per management cluster, a platform stack per
 * cluster and a department stack per department, in name order. Each stack is built from its inputs alone, so stacks can be built
 * apart (in separate apps, processes or runs) and give the same bytes as built together.
 */
export function planStacks(model: PlatformModel, options: GovcloudAppOptions): StackPlan[] {
  const only = options.departments ? new Set(options.departments) : undefined;
  const where: StateLocation = { outdir: options.outdir, projectRoot: options.projectRoot };
  const shared = { model, policies: indexPolicies(networkFlows(model)), where };
  const clusters = only
    ? []
    : managementClusters(model).map((management): StackPlan => ({
        name: clustersStackName(management),
        dependsOn: [],
        inputs: shared,
        build: (scope, given) => ({ stack: new ClustersStack(scope, given.model, management, given.where), record: { statefulEntries: [] } }),
      }));
  const platform = only
    ? []
    : model.clusters.map((cluster): StackPlan => ({
        name: platformStackName(cluster.name),
        // A provisioned cluster's baseline can be applied only once Cluster API has created it.
        dependsOn: cluster.provisioning.kind === "cluster-api" ? [clustersStackName(cluster.provisioning.management)] : [],
        inputs: { ...shared, cluster },
        build: (scope, given) => ({
          stack: new PlatformStack(scope, given.model, given.cluster!, given.policies, given.where),
          record: { statefulEntries: [] },
        }),
      }));
  const sharing = sharingByDepartment(model);
  const departments = model.departments
    .filter((department) => !only || only.has(department.name))
    .map((department): StackPlan => ({
      name: departmentStackName(department.name),
      department: department.name,
      dependsOn: platformStacksBefore(department),
      inputs: { ...shared, department, sharing: sharing.get(department.name) ?? NO_SHARING },
      build: (scope, given) => {
        const stack = new DepartmentStack(scope, given.model, given.department!, given.policies, given.where, given.sharing!);
        return { stack, record: { statefulEntries: stack.statefulEntries } };
      },
    }));
  return [...clusters, ...platform, ...departments];
}

/** model → one cdktf App holding every planned stack (as `cdktf synth` runs it). */
export function buildGovcloudApp(model: PlatformModel, options: GovcloudAppOptions): GovcloudApp {
  const app = new App({ outdir: options.writeTo ?? options.outdir, skipValidation: false });
  const plans = planStacks(model, options);
  const built = new Map(plans.map((plan) => [plan.name, plan.build(app, plan.inputs)]));
  for (const plan of plans) {
    for (const name of plan.dependsOn) {
      const before = built.get(name);
      if (before) built.get(plan.name)!.stack.addDependency(before.stack);
    }
  }
  const records = [...built.values()].map((b) => b.record);
  return {
    app,
    statefulEntries: records.flatMap((r) => r.statefulEntries),
    departments: plans.flatMap((p) => (p.department ? [p.department] : [])),
    stacks: plans.map((p) => p.name),
  };
}
