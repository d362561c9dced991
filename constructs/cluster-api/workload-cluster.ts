import type { TerraformProvider } from "cdktf";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { Construct } from "constructs";
import { workloadClusterObjects, type WorkloadClusterObjects, type WorkloadClusterProps } from "./workload-cluster-objects";

export interface WorkloadClusterConstructProps extends WorkloadClusterProps {
  /** The management cluster's provider: the objects live there, Cluster API acts on them. */
  readonly provider: TerraformProvider;
}

/**
 * A workload cluster's Cluster API objects, each a `kubernetes_manifest` on the management
 * cluster. The Cluster carries `prevent_destroy`: deleting it deletes every machine and the data
 * on them. Machine and bootstrap templates are created before the ones they replace are
 * destroyed, so a MachineDeployment never points at a template that is gone. Nothing waits for
 * the cluster to come up (Cluster API reconciles it), and nothing reads its kubeconfig Secret,
 * which stays out of the Terraform state.
 */
export class WorkloadCluster extends Construct {
  readonly objects: WorkloadClusterObjects;
  readonly cluster: Manifest;

  constructor(scope: Construct, id: string, props: WorkloadClusterConstructProps) {
    super(scope, id);
    const { provider } = props;
    this.objects = workloadClusterObjects(props);
    const manifest = (resourceId: string, object: object, lifecycle?: Manifest["lifecycle"]) =>
      new Manifest(this, resourceId, { provider, manifest: object as Record<string, unknown>, ...(lifecycle ? { lifecycle } : {}) });
    const replacedFirst = { createBeforeDestroy: true };
    const o = this.objects;
    this.cluster = manifest("cluster", o.cluster, { preventDestroy: true });
    manifest("openstack-cluster", o.openStackCluster);
    manifest("control-plane", o.controlPlane);
    manifest("control-plane-machine-template", o.controlPlaneMachineTemplate, replacedFirst);
    for (const pool of o.pools) {
      manifest(`${pool.pool}-machine-template`, pool.machineTemplate, replacedFirst);
      manifest(`${pool.pool}-bootstrap-template`, pool.bootstrapTemplate, replacedFirst);
      for (const deployment of pool.deployments) {
        const id = deployment.suffix ? `${pool.pool}-${deployment.suffix}` : pool.pool;
        manifest(`${id}-machine-deployment`, deployment.machineDeployment);
        manifest(`${id}-health-check`, deployment.healthCheck);
      }
    }
  }
}
