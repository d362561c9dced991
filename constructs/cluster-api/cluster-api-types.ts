/**
 * The Cluster API v1beta2 objects govcloud writes (Cluster API v1.14, the v1beta2 contract),
 * typed after the fields of their CRD schemas that govcloud sets. Where v1beta1 differs:
 * references are `{ apiGroup, kind, name }`, extra arguments are lists of `{ name, value }`.
 */

export const CLUSTER_API_GROUP = "cluster.x-k8s.io";
export const CONTROL_PLANE_GROUP = "controlplane.cluster.x-k8s.io";
export const BOOTSTRAP_GROUP = "bootstrap.cluster.x-k8s.io";
export const INFRASTRUCTURE_GROUP = "infrastructure.cluster.x-k8s.io";

/** Label Cluster API puts on, and selects, every object of one cluster. */
export const CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
/** Label Cluster API puts on the Machines of one MachineDeployment. */
export const DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";

export interface ObjectMetadata {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface TypedReference {
  readonly apiGroup: string;
  readonly kind: string;
  readonly name: string;
}

export interface NamedArgument {
  readonly name: string;
  readonly value: string;
}

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute";
}

export interface Cluster {
  readonly apiVersion: "cluster.x-k8s.io/v1beta2";
  readonly kind: "Cluster";
  readonly metadata: ObjectMetadata;
  readonly spec: {
    readonly clusterNetwork: {
      readonly pods: { readonly cidrBlocks: readonly string[] };
      readonly services: { readonly cidrBlocks: readonly string[] };
      readonly serviceDomain: string;
    };
    readonly controlPlaneRef: TypedReference;
    readonly infrastructureRef: TypedReference;
  };
}

export interface HostPathMount {
  readonly name: string;
  readonly hostPath: string;
  readonly mountPath: string;
  readonly readOnly: boolean;
  readonly pathType: "Directory" | "DirectoryOrCreate" | "File";
}

/** A file cloud-init writes on the machine before kubeadm runs: inline, or from a Secret of the management cluster. */
export type BootstrapFile = {
  readonly path: string;
  readonly owner: string;
  readonly permissions: string;
} & ({ readonly content: string } | { readonly contentFrom: { readonly secret: { readonly name: string; readonly key: string } } });

export interface NodeRegistration {
  readonly name: string;
  readonly kubeletExtraArgs: readonly NamedArgument[];
  readonly taints?: readonly Taint[];
}

export interface KubeadmConfigSpec {
  readonly clusterConfiguration?: {
    readonly apiServer: {
      readonly extraArgs: readonly NamedArgument[];
      readonly extraVolumes: readonly HostPathMount[];
    };
    readonly controllerManager: { readonly extraArgs: readonly NamedArgument[] };
  };
  readonly initConfiguration?: { readonly nodeRegistration: NodeRegistration };
  readonly joinConfiguration: { readonly nodeRegistration: NodeRegistration };
  readonly files?: readonly BootstrapFile[];
}

export interface KubeadmControlPlane {
  readonly apiVersion: "controlplane.cluster.x-k8s.io/v1beta2";
  readonly kind: "KubeadmControlPlane";
  readonly metadata: ObjectMetadata;
  readonly spec: {
    readonly replicas: number;
    readonly version: string;
    readonly machineTemplate: { readonly spec: { readonly infrastructureRef: TypedReference } };
    readonly kubeadmConfigSpec: KubeadmConfigSpec;
  };
}

export interface KubeadmConfigTemplate {
  readonly apiVersion: "bootstrap.cluster.x-k8s.io/v1beta2";
  readonly kind: "KubeadmConfigTemplate";
  readonly metadata: ObjectMetadata;
  readonly spec: { readonly template: { readonly spec: KubeadmConfigSpec } };
}

export interface MachineDeployment {
  readonly apiVersion: "cluster.x-k8s.io/v1beta2";
  readonly kind: "MachineDeployment";
  readonly metadata: ObjectMetadata;
  readonly spec: {
    readonly clusterName: string;
    /** Absent when the autoscaler owns the count (its min/max annotations are set). */
    readonly replicas?: number;
    readonly selector: { readonly matchLabels: Readonly<Record<string, string>> };
    readonly template: {
      readonly metadata: { readonly labels: Readonly<Record<string, string>> };
      readonly spec: {
        readonly clusterName: string;
        readonly version: string;
        readonly bootstrap: { readonly configRef: TypedReference };
        readonly infrastructureRef: TypedReference;
        readonly failureDomain?: string;
      };
    };
  };
}

export interface MachineHealthCheck {
  readonly apiVersion: "cluster.x-k8s.io/v1beta2";
  readonly kind: "MachineHealthCheck";
  readonly metadata: ObjectMetadata;
  readonly spec: {
    readonly clusterName: string;
    readonly selector: { readonly matchLabels: Readonly<Record<string, string>> };
    readonly checks: {
      readonly nodeStartupTimeoutSeconds: number;
      readonly unhealthyNodeConditions: ReadonlyArray<{ readonly type: string; readonly status: "True" | "False" | "Unknown"; readonly timeoutSeconds: number }>;
    };
    readonly remediation: { readonly triggerIf: { readonly unhealthyLessThanOrEqualTo: string } };
  };
}
