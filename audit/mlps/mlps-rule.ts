import type { Level } from "../../config/schema/common";
import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactStack } from "../export/read-artifact";
import type { FlowReport } from "../flows";
import type { RbacReport } from "../rbac";
import type { TenancyReport } from "../tenancy";

/**
 * One rule of the MLPS 2.0 rule pack: a GB/T 22239-2019 requirement, the levels it applies to,
 * and how the artifact shows it is met. In the spirit of cdk-nag, for this provider.
 */
export interface MlpsRequirement {
  /** Technical area, e.g. 安全区域边界 (security area boundary). */
  readonly area: string;
  readonly areaEnglish: string;
  /** Control item within the area, e.g. 访问控制 (access control). */
  readonly item: string;
  readonly itemEnglish: string;
  /** Clause number at the lowest level the rule applies to, e.g. 8.1.3.2. */
  readonly clause: string;
  /** False where the clause number is inferred from the standard's structure, not checked against its text. */
  readonly clauseChecked: boolean;
}

export type RuleSeverity = "error" | "warning";

/** What a rule sees: the artifact, what the audit proved of it, and what was declared. */
export interface RuleContext {
  readonly model: PlatformModel;
  readonly stacks: readonly ArtifactStack[];
  readonly flows: FlowReport;
  readonly rbac: RbacReport;
  readonly tenancy: TenancyReport;
  /**
   * False when `stacks` are a live snapshot: it captures no Cluster API objects (they live on the
   * management cluster, in kinds other clusters do not serve), so provisioned control planes are
   * not provable from it. @default - the stacks are the artifact, which holds them
   */
  readonly clusterApiObjects?: false;
}

/**
 * The rule's verdict on one target: `department/environment[/service]`, `cluster/<name>` or
 * `platform`. `evidence` lists the Terraform addresses (`stack: address`) or checks that prove it.
 */
export interface RuleOutcome {
  readonly target: string;
  readonly level?: Level;
  readonly met: boolean;
  /** False when the artifact cannot show either way (a registered cluster's control plane): an auditor checks by hand. */
  readonly provable?: false;
  readonly message: string;
  readonly evidence: readonly string[];
}

export interface MlpsRule {
  readonly id: string;
  readonly title: string;
  readonly levels: readonly Level[];
  readonly requirement: MlpsRequirement;
  readonly severity: RuleSeverity;
  /** What to do when the rule is not met. */
  readonly remedy: string;
  evaluate(context: RuleContext): RuleOutcome[];
}
