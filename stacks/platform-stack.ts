import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { ClusterModel, PlatformModel } from "../config/model/platform-model";
import { PlatformBaseline } from "../constructs/platform/platform-baseline";
import { ClusterProviders } from "./cluster-providers";
import { renderFlows, type PoliciesByNamespace } from "./render-flows";
import { configureStateBackend, type StateLocation } from "./state-backend";
import { platformStackName } from "../config/model/stack-names";


/** `platform-<cluster>`: the baseline of one cluster, applied by the platform team. */
export class PlatformStack extends TerraformStack {
  readonly baseline: PlatformBaseline;

  constructor(scope: Construct, model: PlatformModel, cluster: ClusterModel, policies: PoliciesByNamespace, where: StateLocation) {
    const name = platformStackName(cluster.name);
    super(scope, name);
    configureStateBackend(this, name, model, where);
    const providers = new ClusterProviders(this, model.clusters);
    this.baseline = new PlatformBaseline(this, "baseline", {
      clusterName: cluster.name,
      levels: cluster.levels,
      gatewayNamespace: model.network.gateway.namespace,
      managementNamespace: model.network.management.namespace,
      admins: model.admins,
      registries: model.registries,
      provider: providers.for(cluster.name),
    });
    renderFlows(this.baseline.gateway.firewall, cluster.name, model.network.gateway.namespace, policies);
    renderFlows(this.baseline.management.firewall, cluster.name, model.network.management.namespace, policies);
  }
}
