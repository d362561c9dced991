import type { ArtifactStack } from "../audit/export";
import { viewControlPlanes } from "../audit/mlps/control-plane-view";
import { admissionPluginsVerdict, anonymousAccessVerdict, auditLogVerdict, secretsEncryptionVerdict } from "../audit/mlps/rules/control-plane-rules";
import { describeProvisioning } from "../config/model/cluster-provisioning";
import type { PlatformModel } from "../config/model/platform-model";

/** How one cluster comes to exist, and its control plane's settings as the artifact writes them. */
export interface ClusterProvisioningEntry {
  readonly cluster: string;
  readonly displayName: string;
  readonly kind: "registered" | "cluster-api";
  /** `registered`, or `Cluster API on shared-hz (OpenStack, Kubernetes v1.33.4)`. */
  readonly provisioning: string;
  /** Read from the artifact's KubeadmControlPlane; absent for registered clusters, whose control plane is not in it. */
  readonly controlPlane?: {
    readonly stack: string;
    readonly address: string;
    readonly version: string;
    readonly replicas: number;
    readonly settings: ReadonlyArray<{ readonly control: string; readonly met: boolean; readonly detail: string }>;
  };
}

export function clusterProvisioningEvidence(model: PlatformModel, stacks: readonly ArtifactStack[]): ClusterProvisioningEntry[] {
  const views = new Map(viewControlPlanes(stacks).map((v) => [v.cluster, v]));
  return model.clusters.map((cluster) => {
    const view = views.get(cluster.name);
    const verdicts = view
      ? [
          ["审计日志 audit log", auditLogVerdict(view, model.logRetentionDays)],
          ["静态加密 Secrets at rest", secretsEncryptionVerdict(view)],
          ["匿名访问 anonymous access", anonymousAccessVerdict(view)],
          ["准入插件 admission plugins", admissionPluginsVerdict(view)],
        ] as const
      : [];
    return {
      cluster: cluster.name,
      displayName: cluster.displayName,
      kind: cluster.provisioning.kind,
      provisioning: describeProvisioning(cluster.provisioning),
      ...(view
        ? {
            controlPlane: {
              stack: view.resource.stack,
              address: view.resource.address,
              version: view.version,
              replicas: view.replicas,
              settings: verdicts.map(([control, verdict]) => ({ control, met: verdict.met, detail: verdict.message })),
            },
          }
        : {}),
    };
  });
}
