import type { PlatformDeclaration } from "../schema/platform";

type Declared = NonNullable<PlatformDeclaration["clusters"][number]["provisioned"]>;

/** A cluster someone created by other means: Terraform reaches it through its kubeconfig. */
export interface RegisteredCluster {
  readonly kind: "registered";
}

/** A cluster Cluster API creates on a registered management cluster. */
export interface ClusterApiCluster {
  readonly kind: "cluster-api";
  readonly management: string;
  /** Namespace of the Cluster API objects on the management cluster. */
  readonly namespace: string;
  readonly kubernetesVersion: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly controlPlane: Declared["controlPlane"];
  readonly secretsEncryption:
    | { readonly provider: "aescbc"; readonly secret: string }
    | { readonly provider: "kms"; readonly name: string; readonly endpoint: string };
  readonly openstack: Omit<Declared["openstack"], "credentialsSecret" | "failureDomains" | "dnsServers"> & {
    readonly credentialsSecret: string;
    readonly failureDomains: readonly string[];
    readonly dnsServers: readonly string[];
  };
}

export type ClusterProvisioning = RegisteredCluster | ClusterApiCluster;

/** The declaration's `provisioned` block with its name-derived defaults filled in. */
export function buildProvisioning(cluster: string, declared: Declared | undefined): ClusterProvisioning {
  if (!declared) return { kind: "registered" };
  return {
    kind: "cluster-api",
    management: declared.management,
    namespace: declared.namespace,
    kubernetesVersion: declared.kubernetesVersion,
    podCidr: declared.podCidr,
    serviceCidr: declared.serviceCidr,
    controlPlane: declared.controlPlane,
    secretsEncryption:
      declared.secretsEncryption.provider === "aescbc"
        ? { provider: "aescbc", secret: declared.secretsEncryption.secret ?? `${cluster}-encryption-config` }
        : declared.secretsEncryption,
    openstack: {
      ...declared.openstack,
      credentialsSecret: declared.openstack.credentialsSecret ?? `${cluster}-cloud-config`,
      // Sorted: reordering the declaration changes no byte of the output.
      failureDomains: [...new Set(declared.openstack.failureDomains)].sort(),
      dnsServers: [...new Set(declared.openstack.dnsServers)].sort(),
    },
  };
}

/** `cluster-api on shared-hz` / `registered`, as reports name it. */
export function describeProvisioning(provisioning: ClusterProvisioning): string {
  return provisioning.kind === "registered" ? "registered" : `Cluster API on ${provisioning.management} (OpenStack, Kubernetes ${provisioning.kubernetesVersion})`;
}
