import type { Level } from "../schema/common";
import type { DepartmentDeclaration, ServiceDeclaration } from "../schema/department";
import type { PlatformDeclaration } from "../schema/platform";
import type { WaiversDeclaration } from "../schema/waivers";
import type { Bytes, Cpu } from "./quantity";
import type { DataCatalogueEntry } from "./data-catalogue";
import type { SharingAgreementModel } from "./sharing-agreement";
import type { ClusterProvisioning } from "./cluster-provisioning";
import type { StatefulLock } from "../declaration/stateful-lock";
import type { RetiredObject } from "./retired-objects";
import type { ClaimImport } from "./claim-imports";

/**
 * The typed platform model: a validated declaration with every default applied, every
 * reference resolved and every list sorted by name. Stacks turn it into construct props;
 * nothing downstream reads YAML or depends on the order things were written in.
 */
export interface PlatformModel {
  readonly name: string;
  readonly displayName: string;
  readonly operator: string;
  /** The department through which the operator offers shared platform services, if any. */
  readonly operatorDepartment?: string;
  readonly clusters: readonly ClusterModel[];
  readonly network: PlatformDeclaration["network"];
  readonly admins: PlatformDeclaration["admins"];
  readonly registries: readonly string[];
  /** Data class → minimum protection level, defaults merged with the declaration. */
  readonly dataClasses: Readonly<Record<string, Level>>;
  readonly logRetentionDays: number;
  readonly overcommit: PlatformDeclaration["overcommit"];
  readonly stateBackend: PlatformDeclaration["stateBackend"];
  /** The scheduled synth-and-apply, when declared: the only way an agreement's end reaches the clusters. */
  readonly applySchedule?: string;
  readonly templateImages: PlatformDeclaration["templateImages"];
  /** The External Secrets store the Secrets come from; undefined when they are created by hand before the first apply. */
  readonly secretStore?: PlatformDeclaration["secretStore"];
  readonly departments: readonly DepartmentModel[];
  /** The data catalogue (政务数据目录): every resource departments provide, with its share attribute. */
  readonly dataCatalogue: readonly DataCatalogueEntry[];
  /** Every consumer's use of a catalogued resource, expired agreements included with their status; only those in force open flows. */
  readonly sharingAgreements: readonly SharingAgreementModel[];
  readonly waivers: WaiversDeclaration["waivers"];
  /** The lock the declaration was checked against; a synthesis writes its successor. */
  readonly statefulLock: StatefulLock;
  /** Objects of retired services, environments and departments, by stack: rendered as `removed` blocks. */
  readonly retiredResources: readonly RetiredObject[];
  /** Stores whose data claims Terraform imports rather than creates, by `department/environment/service`. */
  readonly claimImports: ReadonlyMap<string, ClaimImport>;
  /** Clusters Cluster API created whose deletion is declared (`decommissionedClusters`), in name order. */
  readonly decommissionedClusters: ReadonlyArray<{ readonly name: string; readonly management: string }>;
}

export interface ClusterModel {
  readonly name: string;
  readonly displayName: string;
  readonly kubeconfig: { readonly path: string; readonly context: string };
  /** Registered (created by other means), or created by Cluster API on a management cluster. */
  readonly provisioning: ClusterProvisioning;
  readonly levels: readonly Level[];
  readonly capacity: ResourceAmounts;
  readonly gatewayAddresses?: string;
  readonly nodePools: readonly NodePoolModel[];
  /** Where the API server listens and where its webhook calls come from; undefined when not declared. */
  readonly apiServer?: ApiServerModel;
}

export interface ApiServerModel {
  readonly addresses: readonly string[];
  readonly port: number;
  readonly controlPlaneRanges: readonly string[];
}

export interface NodePoolModel {
  readonly name: string;
  readonly levels: readonly Level[];
  readonly arch: "amd64" | "arm64";
  readonly cpuVendor: string;
  readonly os: string;
  readonly localized: boolean;
  /** The node count; with `maxNodes`, the fewest the pool scales down to. Capacity counts these. */
  readonly nodes: number;
  /** Autoscaled up to this many nodes (provisioned clusters only). */
  readonly maxNodes?: number;
  /** Flavor, image and failure domain of the machines, for provisioned clusters. */
  readonly machine?: { readonly flavor: string; readonly image: string; readonly failureDomain?: string };
  readonly nodeCpu: Cpu;
  readonly nodeMemory: Bytes;
  readonly dedicated: boolean;
}

export interface ResourceAmounts {
  readonly cpu: Cpu;
  readonly memory: Bytes;
  readonly storage: Bytes;
}

export interface DepartmentModel {
  readonly name: string;
  readonly displayName: string;
  readonly owners: DepartmentDeclaration["owners"];
  /** A retired department keeps its file; Terraform forgets its objects, the data stays. */
  readonly retired: boolean;
  /** Live environments only; retired ones are in `retiredEnvironments`. */
  readonly environments: readonly EnvironmentModel[];
  readonly retiredEnvironments: readonly string[];
  /**
   * Clusters the record holds objects of this department on that none of its environments is on
   * any more (an environment moved or was removed): the stack keeps their providers, which
   * Terraform needs to destroy or forget what is left there.
   */
  readonly vacatedClusters: readonly string[];
  readonly sharing: DepartmentDeclaration["sharing"];
}

export interface EnvironmentModel {
  readonly department: string;
  readonly name: string;
  readonly level: Level;
  readonly cluster: string;
  /** The construct id its objects are addressed under: its name, unless it moved cluster (`environmentConstructId`). */
  readonly constructId: string;
  readonly namespace: string;
  /** The dedicated node pool levels 3 and 4 are pinned to; none below level 3. */
  readonly nodePool?: string;
  readonly quota: ResourceAmounts & { readonly pods: number };
  /** Live services only; retired stateful services are in `retiredServices`. */
  readonly services: readonly ServiceModel[];
  readonly retiredServices: readonly string[];
}

export type ServiceModel = Readonly<Omit<ServiceDeclaration, "dataClass">> & {
  /** The class in force: the highest of those the service declares (config/model/data-class.ts). */
  readonly dataClass: string;
  /** Every class the service declares, sorted; one in most cases. */
  readonly dataClasses: readonly string[];
  readonly connectsTo: readonly string[];
  readonly egressTo: readonly string[];
};
