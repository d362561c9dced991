import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { DepartmentModel, PlatformModel } from "../config/model/platform-model";
import { DepartmentTenant } from "../constructs/tenant/department-tenant";
import { ClusterProviders } from "./cluster-providers";
import { renderFlows, type PoliciesByNamespace } from "./render-flows";
import { configureStateBackend, type StateLocation } from "./state-backend";

export function departmentStackName(department: string): string {
  return `dept-${department}`;
}

/** `dept-<department>`: every namespace and workload of one department, on any cluster. */
export class DepartmentStack extends TerraformStack {
  readonly tenant: DepartmentTenant;

  constructor(scope: Construct, model: PlatformModel, department: DepartmentModel, policies: PoliciesByNamespace, where: StateLocation) {
    const name = departmentStackName(department.name);
    super(scope, name);
    configureStateBackend(this, name, model, where);
    const providers = new ClusterProviders(this, model.clusters);
    this.tenant = new DepartmentTenant(this, "tenant", {
      department: department.name,
      displayName: department.displayName,
      groups: { admin: department.owners.admins, developer: department.owners.developers, viewer: department.owners.viewers },
      environments: department.environments.map((env) => ({
        name: env.name,
        namespace: env.namespace,
        level: env.level,
        quota: {
          cpu: env.quota.cpu.toString(),
          memory: env.quota.memory.toString(),
          storage: env.quota.storage.toString(),
          pods: env.quota.pods,
        },
        provider: providers.for(env.cluster),
      })),
    });
    for (const env of department.environments) {
      renderFlows(this.tenant.environments.get(env.name)!.firewall, env.cluster, env.namespace, policies);
    }
  }
}
