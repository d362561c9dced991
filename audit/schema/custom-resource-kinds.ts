import { kindKey } from "./kind-schemas";

/**
 * Custom resources the platform applies, by `apiVersion` and `kind`, with the CRD that defines
 * them: the Cluster API v1.14 kinds at v1beta2 and the OpenStack provider v0.14 kinds at v1beta1,
 * the versions those releases serve and store. kubernetes-models has no schema for them; the
 * conformance suite (`test/conformance/`) validates every one against its CRD's OpenAPI schema.
 * The audit accepts exactly these versions, so an object written for another one is a finding.
 */
export const CUSTOM_RESOURCE_KINDS: ReadonlyMap<string, string> = new Map(
  [
    ["cluster.x-k8s.io/v1beta2", "Cluster", "cluster.x-k8s.io_clusters.yaml"],
    ["cluster.x-k8s.io/v1beta2", "MachineDeployment", "cluster.x-k8s.io_machinedeployments.yaml"],
    ["cluster.x-k8s.io/v1beta2", "MachineHealthCheck", "cluster.x-k8s.io_machinehealthchecks.yaml"],
    ["controlplane.cluster.x-k8s.io/v1beta2", "KubeadmControlPlane", "controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml"],
    ["bootstrap.cluster.x-k8s.io/v1beta2", "KubeadmConfigTemplate", "bootstrap.cluster.x-k8s.io_kubeadmconfigtemplates.yaml"],
    ["infrastructure.cluster.x-k8s.io/v1beta1", "OpenStackCluster", "infrastructure.cluster.x-k8s.io_openstackclusters.yaml"],
    ["infrastructure.cluster.x-k8s.io/v1beta1", "OpenStackMachineTemplate", "infrastructure.cluster.x-k8s.io_openstackmachinetemplates.yaml"],
  ].map(([apiVersion, kind, crdFile]) => [kindKey(apiVersion, kind), crdFile]),
);
