import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { zoneLabel } from "../report-labels";

/** One diagram per cluster, drawn from the zone matrix the connectivity proof computed. */
export function zoneDiagramSection(pack: EvidencePack): ReportSection {
  return {
    id: "zone-diagram",
    title: "安全区域图 Zone diagram",
    blocks: [
      {
        kind: "paragraph",
        text:
          "每个集群的安全区域及其之间的有效流量（来自 NetworkPolicy 的连通性证明）。Per cluster, the zones and the flows the artifact's NetworkPolicies allow between them, labelled with ports; " +
          "red: allowed but not declared (or on other ports); dashed orange: declared but not allowed.",
      },
      ...pack.audit.flows.clusters.map((c) => {
        const cluster = pack.overview.clusters.find((o) => o.name === c.cluster);
        return {
          kind: "zone-diagram" as const,
          cluster: c.cluster,
          title: cluster ? `${cluster.displayName} (${c.cluster})` : c.cluster,
          matrix: c.matrix,
          zoneLabels: Object.fromEntries(c.matrix.zones.map((z) => [z, zoneLabel(z, pack.overview)])),
        };
      }),
    ],
  };
}
