import type { ObjectMetadata } from "./cluster-api-types";

/**
 * The Cluster API provider OpenStack v1beta1 objects govcloud writes (CAPO v0.14), typed after
 * the fields of their CRD schemas that govcloud sets.
 */

export interface SecurityGroupRule {
  readonly name: string;
  readonly description: string;
  readonly direction: "ingress" | "egress";
  readonly etherType: "IPv4" | "IPv6";
  readonly protocol: string;
  readonly portRangeMin?: number;
  readonly portRangeMax?: number;
  readonly remoteManagedGroups: ReadonlyArray<"bastion" | "controlplane" | "worker">;
}

export interface OpenStackCluster {
  readonly apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1";
  readonly kind: "OpenStackCluster";
  readonly metadata: ObjectMetadata;
  readonly spec: {
    readonly identityRef: { readonly type: "Secret"; readonly name: string; readonly cloudName: string };
    readonly externalNetwork: { readonly id: string };
    readonly apiServerLoadBalancer: { readonly enabled: boolean };
    readonly managedSubnets: ReadonlyArray<{ readonly cidr: string; readonly dnsNameservers: readonly string[] }>;
    readonly managedSecurityGroups: {
      readonly allowAllInClusterTraffic: boolean;
      readonly allNodesSecurityGroupRules: readonly SecurityGroupRule[];
    };
    readonly controlPlaneAvailabilityZones?: readonly string[];
  };
}

export interface OpenStackMachineSpec {
  readonly flavor: string;
  readonly image: { readonly filter: { readonly name: string } };
  readonly sshKeyName?: string;
}

export interface OpenStackMachineTemplate {
  readonly apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1";
  readonly kind: "OpenStackMachineTemplate";
  readonly metadata: ObjectMetadata;
  readonly spec: { readonly template: { readonly spec: OpenStackMachineSpec } };
}
