import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection, TableRow } from "../report-document";

/**
 * Per cluster: registered or provisioned by Cluster API, and for provisioned clusters the control
 * plane's settings read from the artifact. A registered cluster's control plane is not in the
 * artifact, so the assessor checks it on the cluster itself.
 */
export function clusterProvisioningSection(pack: EvidencePack): ReportSection {
  return {
    id: "cluster-provisioning",
    title: "集群供给与控制面 Cluster provisioning and control planes",
    blocks: [
      {
        kind: "table",
        id: "cluster-provisioning",
        filter: false,
        columns: ["集群 cluster", "供给方式 provisioned", "控制面 control plane", "控制项 control", "设置 setting", "证据 evidence"],
        rows: pack.clusterProvisioning.flatMap((c): TableRow[] => {
          const head = [`${c.displayName} (${c.cluster})`, c.provisioning];
          if (!c.controlPlane) {
            return [{ tone: "warn" as const, cells: [...head, "不在制品中 not in the artifact", "-", "注册集群，需人工核查 registered: check the API server on the cluster by hand", "-"] }];
          }
          const cp = c.controlPlane;
          return cp.settings.map((s, i) => ({
            tone: s.met ? ("ok" as const) : ("bad" as const),
            cells: [
              i === 0 ? head[0] : "",
              i === 0 ? head[1] : "",
              i === 0 ? `${cp.replicas} × ${cp.version}` : "",
              s.control,
              s.detail,
              i === 0 ? { text: `${cp.stack}: ${cp.address}`, code: true } : "",
            ],
          }));
        }),
      },
    ],
  };
}
