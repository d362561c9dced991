import { z } from "zod";
import { dnsLabel, ipv4Cidr } from "./common";

/**
 * How a cluster comes to exist. Without `provisioned` it is registered: someone created it by
 * other means and Terraform reaches it through the cluster's kubeconfig. With `provisioned`,
 * Cluster API creates it on a management cluster (itself registered), from the objects of the
 * `clusters-<management>` stack; its kubeconfig is written from the `<cluster>-kubeconfig`
 * Secret Cluster API keeps on the management cluster.
 */

const machineImage = z.string().min(1).describe("Name of the OpenStack (Glance) image the machines boot, built for Kubernetes (image-builder).");
const machineFlavor = z.string().min(1).describe("OpenStack (Nova) flavor of the machines.");

/** What a machine of a provisioned cluster's node pool needs; registered clusters' pools have none. */
export const poolMachine = z
  .strictObject({
    flavor: machineFlavor,
    image: machineImage,
    failureDomain: z
      .string()
      .min(1)
      .optional()
      .describe("The failure domain (OpenStack availability zone) all the pool's machines run in, one of the cluster's failureDomains. @default - spread over the cluster's failureDomains, a MachineDeployment in each (the first zones take the remainder; fewer nodes than zones use the first zones)"),
  })
  .describe("Machines of this pool, for a cluster provisioned by Cluster API.");

const kubernetesVersion = z
  .string()
  .regex(/^v1\.\d+\.\d+$/, { error: "must be a Kubernetes release such as v1.33.4" })
  .describe("Kubernetes release of the control plane and every machine (v1.32 or later).");

const openstack = z
  .strictObject({
    credentialsSecret: dnsLabel
      .optional()
      .describe("Secret on the management cluster with the clouds.yaml (and cacert) of the OpenStack project. @default - <cluster>-cloud-config"),
    cloudName: z.string().min(1).default("openstack").describe("The cloud's entry in that clouds.yaml."),
    externalNetworkId: z.string().min(1).describe("ID of the OpenStack external network the cluster's router and API load balancer use."),
    nodeCidr: ipv4Cidr.default("10.6.0.0/24").describe("Subnet Cluster API creates for the machines."),
    dnsServers: z.array(z.string().regex(/^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/, { error: "must be an IPv4 address" })).min(1, { error: "must list at least one DNS server" }).describe("DNS servers of the machines' subnet."),
    failureDomains: z.array(z.string().min(1)).default([]).describe("Availability zones the control plane, and every node pool without a failureDomain of its own, are spread over. @default - none named: the control plane over every zone the project offers, each pool in OpenStack's default zone"),
    sshKeyName: z.string().min(1).optional().describe("Nova key pair put on the machines. @default - none: no SSH key, access through the bastion procedure only"),
  })
  .describe("OpenStack infrastructure (Cluster API provider OpenStack).");

export const clusterProvisioning = z
  .strictObject({
    management: dnsLabel.describe("The registered cluster whose Cluster API controllers create this one."),
    namespace: dnsLabel.default("govcloud-clusters").describe("Namespace of the Cluster API objects on the management cluster."),
    kubernetesVersion,
    podCidr: ipv4Cidr.default("192.168.0.0/16").describe("Pod network of the cluster."),
    serviceCidr: ipv4Cidr.default("10.96.0.0/12").describe("Service network of the cluster."),
    controlPlane: z
      .strictObject({
        replicas: z.int().min(1, { error: "must be at least 1" }).default(3).describe("Control plane machines; an odd number keeps etcd quorum."),
        flavor: machineFlavor,
        image: machineImage,
      })
      .describe("The kubeadm control plane."),
    secretsEncryption: z
      .discriminatedUnion("provider", [
        z.strictObject({
          provider: z.literal("aescbc"),
          secret: dnsLabel
            .optional()
            .describe("Secret on the management cluster whose key `encryption-config.yaml` is the EncryptionConfiguration with the key. @default - <cluster>-encryption-config"),
        }),
        z.strictObject({
          provider: z.literal("kms"),
          name: dnsLabel.describe("Name of the KMS v2 plugin."),
          endpoint: z.string().regex(/^unix:\/\/\/.+$/, { error: "must be a unix socket such as unix:///var/run/kmsplugin/socket.sock" }).describe("Socket of the KMS plugin on the control plane machines."),
        }),
      ])
      .default({ provider: "aescbc" })
      .describe("Encryption of Secrets at rest in etcd: a key held in a Secret, or an external KMS."),
    openstack,
  })
  .describe("Provisioned by Cluster API on a management cluster. @default - registered: created by other means");
