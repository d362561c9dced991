import type { ClusterProvisioningEntry } from "./cluster-provisioning-evidence";
import type { Level } from "../config/schema/common";
import type { AuditResults } from "../audit/run-audit";
import type { RulePackResult } from "../audit/mlps/rule-pack-result";
import type { Ledger } from "./ledger";
import type { LiveSource } from "../audit/live/run-live-audit";
import type { DriftReport } from "../audit/live/drift/find-drift";

/**
 * Everything the evidence pack shows, as one plain value: computed from the artifact and the
 * audit of it (and, for what only the declaration says, from the model); rendered as
 * report.html, report.md and report.json without any further computation.
 */
export interface EvidencePack {
  readonly stamp: {
    /** The git commit of the declaration, or "uncommitted" / "unknown". */
    readonly commit: string;
    /** sha256 of every declaration file (path and bytes), in name order. */
    readonly declarationHash: string;
    /** The date expiry and waiver checks used. */
    readonly date: string;
  };
  /**
   * Set when the pack shows a live snapshot of the clusters rather than the synthesized artifact:
   * which snapshot, of which cluster, taken when. Shown on the first screen.
   */
  readonly live?: LiveSource;
  /** With `live`: how the clusters differ from the artifact. */
  readonly drift?: DriftReport;
  readonly overview: PlatformOverview;
  /** The audit's results; its MLPS rule pack is `controls` (kept once, the report is large enough). */
  readonly audit: Omit<AuditResults, "mlps">;
  readonly controls: RulePackResult;
  readonly separationOfDuties: ReadonlyArray<{ readonly duty: "system" | "security" | "audit"; readonly groups: readonly string[]; readonly role: string }>;
  readonly dataClassification: readonly DataClassificationEntry[];
  readonly dataCatalogue: readonly DataCatalogueRow[];
  readonly dataSharing: readonly DataSharingEntry[];
  readonly inventory: readonly DepartmentInventoryEntry[];
  readonly ledger: Ledger;
  /** How each cluster is provisioned, with the control-plane settings the artifact shows. */
  readonly clusterProvisioning: readonly ClusterProvisioningEntry[];
}

export interface PlatformOverview {
  readonly name: string;
  readonly displayName: string;
  readonly operator: string;
  readonly clusters: ReadonlyArray<{
    readonly name: string;
    readonly displayName: string;
    readonly levels: readonly Level[];
    readonly gatewayAddresses?: string;
    readonly nodePools: ReadonlyArray<{ readonly name: string; readonly levels: readonly Level[]; readonly arch: string; readonly cpuVendor: string; readonly os: string; readonly localized: boolean; readonly nodes: number; readonly dedicated: boolean }>;
  }>;
  readonly externalNetworks: ReadonlyArray<{ readonly name: string; readonly displayName: string; readonly cidrs: readonly string[]; readonly levels: readonly Level[] }>;
  readonly departments: number;
  readonly environments: number;
  readonly services: number;
  /** Environments per protection level. */
  readonly environmentsByLevel: Readonly<Record<string, number>>;
  readonly logRetentionDays: number;
  readonly registries: readonly string[];
}

/** Where each service's data lives: the data classification register. */
export interface DataClassificationEntry {
  readonly department: string;
  readonly departmentName: string;
  readonly environment: string;
  readonly service: string;
  readonly dataClass: string;
  /** The minimum level the class requires. */
  readonly minimumLevel: Level;
  readonly level: Level;
  readonly zone: string;
  readonly cluster: string;
  readonly namespace: string;
}

/** One resource of the data catalogue (政务数据目录), with how many consumers use it. */
export interface DataCatalogueRow {
  readonly id: string;
  readonly resource: string;
  readonly share: "unconditional" | "conditional" | "not-shared";
  readonly legalBasis?: string;
  readonly dataClass: string;
  readonly provider: string;
  readonly departmentName: string;
  readonly consumers: number;
}

/**
 * The sharing ledger (共享台账): who uses which catalogued resource, under which attribute and
 * approval, since when and until when, and the policies that open it.
 */
export interface DataSharingEntry {
  readonly provider: string;
  readonly consumer: string;
  readonly catalogue: { readonly id: string; readonly resource: string; readonly share: "unconditional" | "conditional" | "not-shared"; readonly legalBasis?: string };
  readonly dataClass: string;
  readonly purpose: string;
  /** Why the consumer uses it, in its own declaration's words. */
  readonly consumerPurpose: string;
  /** The agreement's approval; the catalogue code for unconditional sharing. */
  readonly approval: string;
  readonly since?: string;
  /** Conditional sharing only. */
  readonly expires?: string;
  /** With a scheduled apply: the day it closes the agreement's policies, the first run after its end. */
  readonly closes?: string;
  readonly status: "active" | "expiring" | "expired";
  /** `direct` on one cluster, `gateway` across clusters. */
  readonly route: "direct" | "gateway";
  /** The NetworkPolicies in the artifact that implement it (`stack: address`); none when expired. */
  readonly policies: readonly string[];
  /**
   * Across clusters: the provider cluster's route that serves it, and every consumer whose client
   * certificate that route admits (mutual TLS), as the audit computed them from the artifact.
   */
  readonly gatewayRoute?: { readonly cluster: string; readonly host: string; readonly admits: readonly string[] };
}

export interface DepartmentInventoryEntry {
  readonly department: string;
  readonly displayName: string;
  readonly retired: boolean;
  readonly environments: ReadonlyArray<{
    readonly name: string;
    readonly level: Level;
    readonly cluster: string;
    readonly namespace: string;
    readonly services: ReadonlyArray<{ readonly name: string; readonly template: string; readonly exposure: string; readonly dataClass: string; readonly replicas: number }>;
    readonly quota: { readonly cpu: string; readonly memory: string; readonly storage: string };
  }>;
}
