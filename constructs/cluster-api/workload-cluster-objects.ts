import { createHash } from "node:crypto";
import { MANAGED_LABELS } from "../labels";
import {
  BOOTSTRAP_GROUP,
  CLUSTER_NAME_LABEL,
  CONTROL_PLANE_GROUP,
  DEPLOYMENT_NAME_LABEL,
  INFRASTRUCTURE_GROUP,
  type Cluster,
  type KubeadmConfigTemplate,
  type KubeadmControlPlane,
  type MachineDeployment,
  type MachineHealthCheck,
  type NamedArgument,
  type ObjectMetadata,
  type Taint,
} from "./cluster-api-types";
import { controlPlaneHardening, type ControlPlaneHardeningProps } from "./control-plane-hardening";
import type { OpenStackCluster, OpenStackMachineSpec, OpenStackMachineTemplate, SecurityGroupRule } from "./openstack-types";

/** One workload cluster on OpenStack, as Cluster API creates it: kubeadm control plane, a MachineDeployment per pool and failure domain. */
export interface WorkloadClusterProps {
  /** Cluster name; every object's name derives from it. */
  readonly name: string;
  /** Namespace of the objects on the management cluster. */
  readonly namespace: string;
  /** Kubernetes release of the control plane and every machine, e.g. `v1.33.4`. */
  readonly kubernetesVersion: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly controlPlane: { readonly replicas: number; readonly flavor: string; readonly image: string };
  readonly hardening: ControlPlaneHardeningProps;
  readonly openstack: {
    /** Secret with the clouds.yaml, in `namespace`; referenced, never read. */
    readonly credentialsSecret: string;
    readonly cloudName: string;
    readonly externalNetworkId: string;
    readonly nodeCidr: string;
    readonly dnsServers: readonly string[];
    /** Availability zones of the control plane. @default - every zone the project offers (OpenStack provider's choice) */
    readonly failureDomains: readonly string[];
    /** @default - no SSH key on the machines */
    readonly sshKeyName?: string;
  };
  readonly nodePools: readonly MachinePoolProps[];
}

export interface MachinePoolProps {
  readonly name: string;
  /** A fixed count, or the autoscaler's bounds. */
  readonly replicas: number | { readonly min: number; readonly max: number };
  readonly flavor: string;
  readonly image: string;
  /**
   * Failure domains (availability zones) the pool's machines are spread over: a MachineDeployment
   * in each, as Cluster API spreads worker machines (it places only control planes itself), the
   * count split evenly and never an empty deployment, so fewer nodes than zones use the first zones.
   * @default - none: one MachineDeployment, whose machines OpenStack places in its default zone
   */
  readonly failureDomains?: readonly FailureDomain[];
  /** Labels the kubelet registers its node with. */
  readonly nodeLabels: Readonly<Record<string, string>>;
  /** Taints the node registers with. @default - none */
  readonly taints: readonly Taint[];
}

export interface MachinePoolObjects {
  readonly pool: string;
  /** The machine and bootstrap templates every deployment of the pool uses. */
  readonly machineTemplate: OpenStackMachineTemplate;
  readonly bootstrapTemplate: KubeadmConfigTemplate;
  /** One per failure domain the pool's machines are in, in zone order; a single one without zone when none is given. */
  readonly deployments: readonly PoolDeployment[];
}

/** The machines of one pool in one failure domain, and the health check that replaces them. */
export interface PoolDeployment {
  readonly failureDomain?: string;
  /** The part of object names and construct ids that tells this deployment from the pool's others; none for a single deployment. */
  readonly suffix?: string;
  readonly machineDeployment: MachineDeployment;
  readonly healthCheck: MachineHealthCheck;
}

export interface WorkloadClusterObjects {
  readonly cluster: Cluster;
  readonly openStackCluster: OpenStackCluster;
  readonly controlPlane: KubeadmControlPlane;
  readonly controlPlaneMachineTemplate: OpenStackMachineTemplate;
  readonly pools: readonly MachinePoolObjects[];
}

/** Annotations the Cluster API autoscaler reads on a MachineDeployment it may scale. */
export const AUTOSCALER_MIN_ANNOTATION = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size";
export const AUTOSCALER_MAX_ANNOTATION = "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size";

/** The OpenStack cloud controller manager sets each node's provider ID and addresses. */
const EXTERNAL_CLOUD_PROVIDER: NamedArgument = { name: "cloud-provider", value: "external" };
const OPENSTACK_PROVIDER_ID: NamedArgument = { name: "provider-id", value: "openstack:///'{{ instance_id }}'" };
/** cloud-init's name for the machine, which OpenStack derives from the Machine's name. */
const NODE_NAME = "{{ local_hostname }}";

/**
 * Calico, the network plugin that enforces the platform's NetworkPolicies, peers over BGP and
 * tunnels pods' traffic over IP-in-IP between machines of the cluster; nothing else between them
 * is opened beyond what the provider's managed groups allow.
 */
const CALICO_RULES: readonly SecurityGroupRule[] = [
  { name: "calico-bgp", description: "Calico BGP peering between the cluster's machines", direction: "ingress", etherType: "IPv4", protocol: "tcp", portRangeMin: 179, portRangeMax: 179, remoteManagedGroups: ["controlplane", "worker"] },
  { name: "calico-ip-in-ip", description: "Calico IP-in-IP pod traffic between the cluster's machines", direction: "ingress", etherType: "IPv4", protocol: "4", remoteManagedGroups: ["controlplane", "worker"] },
];

/** Node-startup and readiness limits after which a machine is replaced. */
const NODE_STARTUP_TIMEOUT_SECONDS = 600;
const NOT_READY_TIMEOUT_SECONDS = 300;
/** More unhealthy machines at once points at the network or the cloud, where replacing machines makes it worse. */
const MAX_UNHEALTHY_TO_REMEDIATE = "40%";

/** Every Cluster API object of one workload cluster, in the shapes of CAPO's cluster template. */
export function workloadClusterObjects(props: WorkloadClusterProps): WorkloadClusterObjects {
  if (props.controlPlane.replicas < 1 || props.controlPlane.replicas % 2 === 0) {
    throw new Error(`'controlPlane.replicas' should be an odd number of at least 1 (etcd quorum), got '${props.controlPlane.replicas}'`);
  }
  const { name, namespace } = props;
  const controlPlaneName = `${name}-control-plane`;
  const meta = (objectName: string, annotations?: Record<string, string>): ObjectMetadata => ({
    name: objectName,
    namespace,
    labels: { ...MANAGED_LABELS, [CLUSTER_NAME_LABEL]: name },
    ...(annotations ? { annotations } : {}),
  });
  const controlPlaneMachineTemplate = machineTemplate(meta, controlPlaneName, {
    flavor: props.controlPlane.flavor,
    image: { filter: { name: props.controlPlane.image } },
    ...(props.openstack.sshKeyName ? { sshKeyName: props.openstack.sshKeyName } : {}),
  });
  const hardening = controlPlaneHardening(props.hardening);
  const kubeletArgs = [EXTERNAL_CLOUD_PROVIDER, OPENSTACK_PROVIDER_ID];

  return {
    cluster: {
      apiVersion: "cluster.x-k8s.io/v1beta2",
      kind: "Cluster",
      metadata: meta(name),
      spec: {
        clusterNetwork: { pods: { cidrBlocks: [props.podCidr] }, services: { cidrBlocks: [props.serviceCidr] }, serviceDomain: "cluster.local" },
        controlPlaneRef: { apiGroup: CONTROL_PLANE_GROUP, kind: "KubeadmControlPlane", name: controlPlaneName },
        infrastructureRef: { apiGroup: INFRASTRUCTURE_GROUP, kind: "OpenStackCluster", name },
      },
    },
    openStackCluster: {
      apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
      kind: "OpenStackCluster",
      metadata: meta(name),
      spec: {
        // `type` and `allowAllInClusterTraffic` are written although the CRD defaults them: the plan then shows what is applied.
        identityRef: { type: "Secret", name: props.openstack.credentialsSecret, cloudName: props.openstack.cloudName },
        externalNetwork: { id: props.openstack.externalNetworkId },
        apiServerLoadBalancer: { enabled: true },
        managedSubnets: [{ cidr: props.openstack.nodeCidr, dnsNameservers: [...props.openstack.dnsServers] }],
        managedSecurityGroups: { allowAllInClusterTraffic: false, allNodesSecurityGroupRules: CALICO_RULES },
        ...(props.openstack.failureDomains.length > 0 ? { controlPlaneAvailabilityZones: [...props.openstack.failureDomains] } : {}),
      },
    },
    controlPlane: {
      apiVersion: "controlplane.cluster.x-k8s.io/v1beta2",
      kind: "KubeadmControlPlane",
      metadata: meta(controlPlaneName),
      spec: {
        replicas: props.controlPlane.replicas,
        version: props.kubernetesVersion,
        machineTemplate: { spec: { infrastructureRef: reference(controlPlaneMachineTemplate) } },
        kubeadmConfigSpec: {
          clusterConfiguration: {
            apiServer: { extraArgs: hardening.extraArgs, extraVolumes: hardening.extraVolumes },
            controllerManager: { extraArgs: [EXTERNAL_CLOUD_PROVIDER] },
          },
          initConfiguration: { nodeRegistration: { name: NODE_NAME, kubeletExtraArgs: kubeletArgs } },
          joinConfiguration: { nodeRegistration: { name: NODE_NAME, kubeletExtraArgs: kubeletArgs } },
          files: hardening.files,
        },
      },
    },
    controlPlaneMachineTemplate,
    pools: [...props.nodePools].sort((a, b) => (a.name < b.name ? -1 : 1)).map((pool) => poolObjects(props, pool, meta)),
  };
}

function poolObjects(props: WorkloadClusterProps, pool: MachinePoolProps, meta: (name: string, annotations?: Record<string, string>) => ObjectMetadata): MachinePoolObjects {
  const poolName = `${props.name}-${pool.name}`;
  const machine = machineTemplate(meta, poolName, {
    flavor: pool.flavor,
    image: { filter: { name: pool.image } },
    ...(props.openstack.sshKeyName ? { sshKeyName: props.openstack.sshKeyName } : {}),
  });
  const bootstrapSpec = {
    joinConfiguration: {
      nodeRegistration: {
        name: NODE_NAME,
        kubeletExtraArgs: [EXTERNAL_CLOUD_PROVIDER, { name: "node-labels", value: nodeLabelsArgument(pool.nodeLabels) }, OPENSTACK_PROVIDER_ID],
        ...(pool.taints.length > 0 ? { taints: pool.taints } : {}),
      },
    },
  };
  const bootstrapTemplate: KubeadmConfigTemplate = {
    apiVersion: "bootstrap.cluster.x-k8s.io/v1beta2",
    kind: "KubeadmConfigTemplate",
    metadata: meta(`${poolName}-${specHash(bootstrapSpec)}`),
    spec: { template: { spec: bootstrapSpec } },
  };
  const autoscaled = typeof pool.replicas === "object" ? pool.replicas : undefined;
  if (autoscaled && (autoscaled.min < 0 || autoscaled.max < autoscaled.min)) {
    throw new Error(`'replicas' of node pool ${pool.name} should have 0 <= min <= max, got min ${autoscaled.min} and max ${autoscaled.max}`);
  }
  const deployment = (part: PoolPart): PoolDeployment => {
    const deploymentName = part.suffix ? `${poolName}-${part.suffix}` : poolName;
    const machineSelector = { [CLUSTER_NAME_LABEL]: props.name, [DEPLOYMENT_NAME_LABEL]: deploymentName };
    const scaled = part.replicas;
    return {
      ...(part.failureDomain !== undefined ? { failureDomain: part.failureDomain, suffix: part.suffix } : {}),
      machineDeployment: {
        apiVersion: "cluster.x-k8s.io/v1beta2",
        kind: "MachineDeployment",
        metadata: meta(deploymentName, typeof scaled === "object" ? { [AUTOSCALER_MIN_ANNOTATION]: String(scaled.min), [AUTOSCALER_MAX_ANNOTATION]: String(scaled.max) } : undefined),
        spec: {
          clusterName: props.name,
          // An autoscaled pool leaves the count to the autoscaler; Cluster API starts it at the minimum.
          ...(typeof scaled === "number" ? { replicas: scaled } : {}),
          selector: { matchLabels: machineSelector },
          template: {
            metadata: { labels: { ...machineSelector } },
            spec: {
              clusterName: props.name,
              version: props.kubernetesVersion,
              bootstrap: { configRef: { apiGroup: BOOTSTRAP_GROUP, kind: "KubeadmConfigTemplate", name: bootstrapTemplate.metadata.name } },
              infrastructureRef: reference(machine),
              ...(part.failureDomain !== undefined ? { failureDomain: part.failureDomain } : {}),
            },
          },
        },
      },
      // One check per deployment: a zone that fails as a whole is over the unhealthy limit and
      // left alone, rather than its machines replaced into the same broken zone.
      healthCheck: {
        apiVersion: "cluster.x-k8s.io/v1beta2",
        kind: "MachineHealthCheck",
        metadata: meta(deploymentName),
        spec: {
          clusterName: props.name,
          selector: { matchLabels: machineSelector },
          checks: {
            nodeStartupTimeoutSeconds: NODE_STARTUP_TIMEOUT_SECONDS,
            unhealthyNodeConditions: [
              { type: "Ready", status: "False", timeoutSeconds: NOT_READY_TIMEOUT_SECONDS },
              { type: "Ready", status: "Unknown", timeoutSeconds: NOT_READY_TIMEOUT_SECONDS },
            ],
          },
          remediation: { triggerIf: { unhealthyLessThanOrEqualTo: MAX_UNHEALTHY_TO_REMEDIATE } },
        },
      },
    };
  };
  return { pool: pool.name, machineTemplate: machine, bootstrapTemplate, deployments: spreadOverZones(pool).map(deployment) };
}

/** An availability zone, and the part of object names that stands for it (lower-case letters, digits, dashes). */
export interface FailureDomain {
  readonly name: string;
  readonly namePart: string;
}

/** A pool's share in one failure domain. */
interface PoolPart {
  readonly failureDomain?: string;
  readonly suffix?: string;
  readonly replicas: MachinePoolProps["replicas"];
}

/**
 * The pool's machines over its failure domains: the count (or the autoscaler's bounds) split as
 * evenly as whole machines allow, the first zones taking the remainder. A pool of n machines uses
 * at most n zones, so no deployment is ever empty (the autoscaler cannot grow one from zero
 * without knowing its machines' size).
 */
function spreadOverZones(pool: MachinePoolProps): PoolPart[] {
  const zones = [...new Map((pool.failureDomains ?? []).map((zone) => [zone.name, zone])).values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (zones.length === 0) return [{ replicas: pool.replicas }];
  const named = new Map<string, string>();
  for (const zone of zones) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(zone.namePart)) {
      throw new Error(`'namePart' of failure domain ${zone.name} should be lower-case letters, digits and inner dashes, got '${zone.namePart}'`);
    }
    const clash = named.get(zone.namePart);
    if (clash !== undefined) throw new Error(`failure domains '${clash}' and '${zone.name}' of node pool ${pool.name} share the name part '${zone.namePart}'`);
    named.set(zone.namePart, zone.name);
  }
  const fewest = typeof pool.replicas === "number" ? pool.replicas : pool.replicas.min;
  const used = zones.slice(0, Math.max(1, Math.min(zones.length, fewest)));
  const share = (total: number, index: number) => Math.floor(total / used.length) + (index < total % used.length ? 1 : 0);
  return used.map((zone, index) => ({
    failureDomain: zone.name,
    suffix: zone.namePart,
    replicas: typeof pool.replicas === "number" ? share(pool.replicas, index) : { min: share(pool.replicas.min, index), max: share(pool.replicas.max, index) },
  }));
}

/**
 * Machine templates are immutable once machines use them: a changed flavor or image is a new
 * template, named by a hash of its spec, that the control plane or MachineDeployment then rolls to.
 */
function machineTemplate(meta: (name: string) => ObjectMetadata, baseName: string, spec: OpenStackMachineSpec): OpenStackMachineTemplate {
  return {
    apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
    kind: "OpenStackMachineTemplate",
    metadata: meta(`${baseName}-${specHash(spec)}`),
    spec: { template: { spec } },
  };
}

function reference(template: OpenStackMachineTemplate) {
  return { apiGroup: INFRASTRUCTURE_GROUP, kind: template.kind, name: template.metadata.name };
}

/** The kubelet's `--node-labels` value, keys in order so the same labels give the same template. */
export function nodeLabelsArgument(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(",");
}

/** Eight hex digits of the SHA-256 of the spec's canonical JSON (keys sorted). */
export function specHash(spec: unknown): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex").slice(0, 8);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
