import type { Construct } from "constructs";
import type { ClusterModel, PlatformModel } from "../config/model/platform-model";
import { PlatformBaseline } from "../constructs/platform/platform-baseline";
import { MANAGED_LABELS } from "../constructs/labels";
import { SharingCertificateAuthority } from "../constructs/sharing/sharing-certificate-authority";
import { ClusterProviders } from "./cluster-providers";
import { renderFlows, type PoliciesByNamespace } from "./render-flows";
import { configureStateBackend, type StateLocation } from "./state-backend";
import { requireTerraformVersions } from "./terraform-version-floor";
import { platformStackName } from "../config/model/stack-names";
import { StandaloneStack } from "./standalone-stack";


/** `platform-<cluster>`: the baseline of one cluster, applied by the platform team. */
export class PlatformStack extends StandaloneStack {
  readonly baseline: PlatformBaseline;

  constructor(scope: Construct, model: PlatformModel, cluster: ClusterModel, policies: PoliciesByNamespace, where: StateLocation) {
    const name = platformStackName(cluster.name);
    super(scope, name);
    configureStateBackend(this, name, model, where);
    requireTerraformVersions(this, model);
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
    const sharingCa = model.network.gateway.sharingCa;
    if (sharingCa) {
      // On every cluster, so that any cluster's consumers and any cluster's gateway share one CA.
      new SharingCertificateAuthority(this, "sharing-ca", {
        provider: providers.for(cluster.name),
        clusterIssuer: sharingCa.clusterIssuer,
        caSecret: sharingCa.caSecret,
        labels: MANAGED_LABELS,
      });
    }
    renderFlows(this.baseline.gateway.firewall, cluster.name, model.network.gateway.namespace, policies);
    renderFlows(this.baseline.management.firewall, cluster.name, model.network.management.namespace, policies);
  }
}
