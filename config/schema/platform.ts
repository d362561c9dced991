import { z } from "zod";
import { cronSchedule } from "./cron-schedule";
import {
  byteQuantity,
  cpuQuantity,
  displayName,
  dnsLabel,
  groupName,
  ipv4Cidr,
  labels,
  port,
  protectionLevel,
} from "./common";
import { clusterProvisioning, poolMachine } from "./cluster-provisioning";

/** `config/platform.yaml`: what the platform team declares once for the whole platform. */

const levelList = z.array(protectionLevel).min(1, { error: "must list at least one protection level" });

const nodePool = z.strictObject({
  name: dnsLabel.describe("Node pool name, unique within the cluster."),
  levels: levelList.describe("Protection levels whose workloads may run on this pool."),
  arch: z.enum(["amd64", "arm64"]).describe("CPU architecture of the nodes."),
  cpuVendor: z.string().min(1).describe("CPU vendor, e.g. hygon, kunpeng, phytium, intel."),
  os: z.string().min(1).describe("Node operating system, e.g. kylin, openeuler, uos."),
  localized: z.boolean().describe("True when CPU and OS are domestic (信创)."),
  nodes: z.int().min(1, { error: "must be at least 1 node" }).describe("Number of nodes; with maxNodes, the fewest the pool scales down to."),
  maxNodes: z
    .int()
    .min(1, { error: "must be at least 1 node" })
    .optional()
    .describe("Provisioned clusters: the pool autoscales between nodes and maxNodes (Cluster API autoscaler). Capacity counts nodes. @default - a fixed count of nodes"),
  machine: poolMachine.optional(),
  nodeCpu: cpuQuantity.describe("CPU cores of one node."),
  nodeMemory: byteQuantity.describe("Memory of one node."),
  reservedPerNode: z
    .strictObject({ cpu: cpuQuantity, memory: byteQuantity })
    .optional()
    .describe(
      "What every node of the pool keeps from pods: the kubelet's system and kube reserves, the eviction threshold and the DaemonSets (CNI, log shipper, node exporter). A node's allocatable is its size minus this. Default: nothing reserved.",
    ),
  dedicated: z
    .boolean()
    .default(false)
    .describe("Tainted so that only workloads of its levels, which tolerate the taint, run there."),
});

const cluster = z.strictObject({
  name: dnsLabel.describe("Cluster name; stacks and provider aliases derive from it."),
  displayName: displayName.optional(),
  kubeconfig: z
    .strictObject({
      path: z.string().min(1).describe("Path of the kubeconfig file Terraform uses to reach the cluster."),
      context: z.string().min(1).describe("Context inside that kubeconfig."),
    })
    .describe("How Terraform reaches the cluster. For a provisioned cluster, the file written from its <cluster>-kubeconfig Secret."),
  provisioned: clusterProvisioning.optional(),
  levels: levelList.describe("Protection levels this cluster may host. Level 4 may only be hosted alone."),
  capacity: z
    .strictObject({ cpu: cpuQuantity, memory: byteQuantity, storage: byteQuantity })
    .describe("Schedulable capacity that quotas are placed against; cpu and memory at most the node pools' allocatable."),
  gatewayAddresses: ipv4Cidr
    .optional()
    .describe("Address range of this cluster's gateway, as seen from other clusters (for cross-cluster sharing)."),
  nodePools: z.array(nodePool).min(1, { error: "must declare at least one node pool" }),
  apiServer: z
    .strictObject({
      addresses: z
        .array(ipv4Cidr)
        .min(1)
        .describe("Endpoints of the `kubernetes` Service (the API servers' own addresses, as `kubectl get endpoints kubernetes` lists them): NetworkPolicies see traffic after the Service address is translated."),
      port: port.default(6443).describe("Port of those endpoints."),
      controlPlaneRanges: z
        .array(ipv4Cidr)
        .min(1)
        .optional()
        .describe("Source addresses of the API server's calls to admission webhooks. Default: the endpoint addresses."),
    })
    .optional()
    .describe(
      "How the platform's own controllers reach this cluster's API server, and the control plane its webhooks: the ingress controller and the collectors are allowed to its endpoints, the control plane to the ingress controller's admission webhook, and nothing else. Without it the gateway and management zones cut their controllers off.",
    ),
});

const peerSelector = z.strictObject({
  namespace: dnsLabel.describe("Namespace the platform component runs in."),
  podLabels: labels.describe("Labels that select its pods."),
});

const network = z.strictObject({
  gateway: z
    .strictObject({
      namespace: dnsLabel.describe("The gateway zone namespace (DMZ); the only entry from outside."),
      domain: z
        .string()
        .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, { error: "must be a DNS domain such as jiangnan.gov.cn" })
        .describe("Domain under which exposures get their default host names."),
      ingressController: z
        .strictObject({
          podLabels: labels,
          ingressClass: dnsLabel,
          ports: z.array(port).min(1).default([80, 443]).describe("Ports the controller accepts traffic on."),
          admissionWebhookPort: port
            .default(8443)
            .describe("Port of the controller's validating admission webhook, which the API server calls for every Ingress (ingress-nginx: 8443)."),
        })
        .describe("The ingress controller the platform team installs in the gateway namespace."),
      extranet: dnsLabel
        .optional()
        .describe("The external network that is the government extranet: extranet exposures admit only its ranges."),
      sharingCa: z
        .strictObject({
          clusterIssuer: dnsLabel.describe("The cert-manager ClusterIssuer the platform stacks create on every cluster to sign sharing certificates."),
          caSecret: dnsLabel.describe(
            "Secret in cert-manager's namespace holding the platform's sharing CA key pair (tls.crt, tls.key); the same CA on every cluster, installed by the platform team.",
          ),
        })
        .optional()
        .describe("The platform CA of cross-cluster data sharing: gateways admit a consumer only with a client certificate it signed (mutual TLS)."),
    })
    .describe("The gateway zone."),
  management: z
    .strictObject({
      namespace: dnsLabel.describe("The management zone namespace (security management centre)."),
      collectors: z.strictObject({ podLabels: labels }).describe("Monitoring collectors that scrape workload metrics."),
      logIntake: z
        .strictObject({ podLabels: labels, port })
        .describe("The log collector workloads send their logs to."),
      metricsPort: port.default(9090).describe("Port every workload serves metrics on, scraped by the collectors."),
    })
    .describe("The management zone."),
  dns: peerSelector.extend({ port: port.default(53) }).describe("Cluster DNS, reachable from every workload."),
  externalNetworks: z
    .array(
      z.strictObject({
        name: dnsLabel.describe("Network name, e.g. internet, gov-extranet."),
        displayName: displayName.optional(),
        cidrs: z.array(ipv4Cidr).min(1),
        except: z.array(ipv4Cidr).default([]).describe("Ranges cut out of the CIDRs (e.g. private ranges)."),
        levels: z.array(protectionLevel).describe("Protection levels whose workloads may reach this network. Never 4."),
        ports: z.array(port).min(1).default([443]).describe("TCP ports workloads may reach on this network."),
      }),
    )
    .default([]),
  ownRanges: z
    .array(
      z.strictObject({
        name: dnsLabel.describe("What the range is, e.g. nodes, pods, services."),
        cidr: ipv4Cidr,
      }),
    )
    .default([])
    .describe("Address ranges that belong to the platform itself (node, pod and service networks, API servers): no external network may include them."),
});

const stateBackend = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("local"),
    directory: z.string().default("terraform-state").describe("Folder of the state files, one per stack."),
  }),
  z.strictObject({
    type: z.literal("s3"),
    bucket: z.string().min(1),
    endpoint: z.string().min(1).describe("S3-compatible object storage endpoint URL."),
    region: z.string().min(1).default("cn-default"),
    keyPrefix: z.string().default("govcloud"),
    locking: z
      .discriminatedUnion("type", [
        z.strictObject({ type: z.literal("lockfile") }),
        z.strictObject({
          type: z.literal("dynamodb"),
          table: z.string().min(1).describe("DynamoDB-compatible table holding the locks (key attribute LockID)."),
          endpoint: z.string().min(1).describe("Endpoint URL of the DynamoDB-compatible service."),
        }),
      ])
      .default({ type: "lockfile" })
      .describe(
        "How two runners on one stack are kept apart: `lockfile` (a lock object beside the state, Terraform ≥ 1.10, OpenTofu ≥ 1.10) or a DynamoDB-compatible table (any Terraform ≥ 1.7; deprecated by Terraform from 1.11).",
      ),
  }),
  z.strictObject({
    type: z.literal("kubernetes"),
    namespace: dnsLabel.describe("Namespace of the state Secrets and lock Leases; it must exist before the first init (`govcloud preflight` lists it)."),
    configPath: z.string().min(1),
    configContext: z.string().optional(),
  }),
]);

const secretStore = z.strictObject({
  kind: z.literal("ClusterSecretStore").default("ClusterSecretStore").describe("The External Secrets Operator store kind: one store for every namespace."),
  name: dnsLabel.describe("Name of the ClusterSecretStore the platform team runs (against Vault or a cloud KMS) on every cluster."),
  keyPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: "must be path segments of letters, digits, '_', '.' and '-' separated by '/', e.g. govcloud or kv/govcloud" })
    .default("govcloud")
    .describe("First segments of every remote key: <keyPrefix>/<department>/<environment>/<secret>, each Secret key a property of it."),
  refreshInterval: z
    .string()
    .regex(/^(0|([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$/, { error: "must be a duration such as 1h, 30m or 1h30m" })
    .default("1h")
    .describe("How often the operator reads the store again and updates the Secrets."),
});

/**
 * The data classes every platform has, with the minimum protection level each needs. The grades
 * of GB/T 43697-2024 (数据安全技术 数据分类分级规则): core (核心数据), important (重要数据) and
 * general (一般数据); personal information (个人信息) and sensitive personal information
 * (敏感个人信息) under the Personal Information Protection Law; public and internal for data
 * with no protection need beyond the platform's baseline. `dataClasses` in platform.yaml adds
 * classes or changes a level.
 */
export const DEFAULT_DATA_CLASSES: Readonly<Record<string, number>> = {
  public: 1,
  internal: 2,
  general: 2,
  personal: 3,
  "sensitive-personal": 3,
  important: 3,
  core: 4,
};

export const platformSchema = z.strictObject({
  platform: z.strictObject({
    name: dnsLabel.describe("Platform name."),
    displayName: displayName,
    operator: displayName.describe("The bureau that runs the platform, e.g. 省大数据局."),
    operatorDepartment: dnsLabel
      .optional()
      .describe("The department (a file under departments/) through which the operator offers shared platform services."),
  }),
  clusters: z.array(cluster).min(1, { error: "must declare at least one cluster" }),
  decommissionedClusters: z
    .array(
      z.strictObject({
        name: dnsLabel.describe("The cluster to delete."),
        management: dnsLabel.describe("The management cluster whose Cluster API created it."),
      }),
    )
    .default([])
    .describe(
      "Clusters created by Cluster API that are to be deleted. Once a provisioned cluster leaves `clusters` (or loses its `provisioned`), Terraform destroys its Cluster API objects and Cluster API deletes its machines and the data on them; govcloud refuses that unless the cluster is named here. Its management cluster's clusters stack is synthesized while it is (empty if nothing else is provisioned there), so the next apply of that stack deletes it; remove the entry once that apply is done. Default: none.",
    ),
  network,
  admins: z
    .strictObject({
      system: z.array(groupName).min(1),
      security: z.array(groupName).min(1),
      audit: z.array(groupName).min(1),
    })
    .describe("Separation of duties (三权分立): system, security and audit administrator groups."),
  registries: z
    .array(z.string().regex(/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/, { error: "must be a registry host with an optional path, e.g. harbor.example.gov.cn/library" }))
    .min(1)
    .describe("Image registries workloads may pull from."),
  dataClasses: z
    .record(dnsLabel, protectionLevel)
    .default({})
    .describe("Data classes and the minimum protection level each needs; merged over the defaults."),
  logRetentionDays: z.int().describe("Days logs are kept; at least 180 (Cybersecurity Law art. 21)."),
  overcommit: z
    .strictObject({
      cpu: z.number().min(1, { error: "must be at least 1 (no overcommit)" }).max(10),
      memory: z.number().min(1, { error: "must be at least 1 (no overcommit)" }).max(4),
    })
    .default({ cpu: 1, memory: 1 })
    .describe("How far the sum of quotas may exceed a cluster's capacity."),
  templateImages: z
    .strictObject({
      postgresExporter: z.string().min(1),
      redisExporter: z.string().min(1),
      backup: z.string().min(1),
    })
    .describe("Images the catalog templates add (metrics exporters, backup tool), pinned by digest."),
  stateBackend: stateBackend.default({ type: "local", directory: "terraform-state" }),
  secretStore: secretStore
    .optional()
    .describe(
      "Where the Secrets that workloads read come from: with a store, every one is declared as an External Secrets Operator ExternalSecret beside its readers; without, `govcloud secrets` lists those to create before the first apply.",
    ),
  operations: z
    .strictObject({
      applySchedule: cronSchedule.describe(
        "When the scheduled synth-and-apply runs (cron; its days count, in UTC): expiry is decided at synthesis, so an ended agreement's policies stay applied until this next runs.",
      ),
    })
    .optional()
    .describe("How the platform team runs govcloud: the scheduled apply that enforces expiry."),
  ledger: z
    .strictObject({
      controlPlaneNodesPerCluster: z
        .int()
        .min(1)
        .default(3)
        .describe("Control plane nodes of one cluster: 3 keeps etcd quorum through the loss of one node."),
      gatewayNodesPerCluster: z
        .int()
        .min(0)
        .default(2)
        .describe("Nodes reserved for one cluster's ingress gateway (the DMZ zone): 2 for redundancy."),
      monitoringNodesPerCluster: z
        .int()
        .min(0)
        .default(2)
        .describe("Nodes reserved for one cluster's monitoring and logging (the management zone): 2 for redundancy."),
      minimumWorkerNodesPerCluster: z
        .int()
        .min(1)
        .default(3)
        .describe("The fewest worker nodes a standalone cluster runs, however small its workloads: 3 survives one node's maintenance."),
      nodeCpu: cpuQuantity.default(16).describe("CPU of one node of a typical standalone cluster, also used to size the shared clusters' control plane, gateway and monitoring nodes."),
      nodeMemory: byteQuantity.default("64Gi").describe("Memory of one node of a typical standalone cluster, also used to size the shared clusters' control plane, gateway and monitoring nodes."),
    })
    .prefault({})
    .describe(
      "Parameters of the consolidation ledger (`govcloud ledger`): what one department running its own cluster would need, to compare with the shared platform. Only reports read them.",
    ),
});

export type PlatformDeclaration = z.output<typeof platformSchema>;
