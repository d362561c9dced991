import { keysText, provisionText } from "../../../audit/secrets";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";

/**
 * Every Secret the workloads read and where it comes from: the platform's secret store (an
 * ExternalSecret beside its readers), cert-manager, or the operator by hand before the first
 * apply. No value is shown or known here: the artifact names Secrets, never their contents.
 */
export function secretPrerequisitesSection(pack: EvidencePack): ReportSection {
  const { secrets } = pack.audit;
  const count = (kind: string) => secrets.secrets.filter((s) => s.provider?.kind === kind).length;
  const missing = secrets.secrets.filter((s) => !s.provider).length + secrets.findings.length;
  return {
    id: "secret-prerequisites",
    title: "上线前提：密钥 Prerequisites: Secrets",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "读取的密钥 Secrets read", value: String(secrets.secrets.length) },
          { label: "首次部署前创建 create before the first apply", value: String(count("prerequisite")), tone: count("prerequisite") === 0 ? "ok" : "warn" },
          { label: "来自密钥库 from the secret store", value: String(count("external-secret")), tone: "ok" },
          { label: "cert-manager 签发 from cert-manager", value: String(count("cert-manager")), tone: "ok" },
          { label: "无来源 provided by nothing", value: String(missing), tone: missing === 0 ? "ok" : "bad" },
        ],
      },
      {
        kind: "paragraph",
        text: "每个工作负载读取的密钥均须在首次部署前存在；制品只按名称引用密钥，不含任何密钥值。Every Secret a workload reads must exist before its first apply; the artifact names Secrets and never holds their values.",
      },
      {
        kind: "table",
        id: "secret-prerequisites",
        filter: true,
        columns: ["集群 cluster", "命名空间 namespace", "密钥 Secret", "键 keys", "读取者 read by", "来源 provided by"],
        rows: secrets.secrets.map((s) => ({
          tone: s.provider ? (s.provider.kind === "prerequisite" ? ("warn" as const) : undefined) : ("bad" as const),
          cells: [{ text: s.cluster, code: true }, { text: s.namespace, code: true }, { text: s.name, code: true }, keysText(s), s.readers.join(", "), provisionText(s)],
        })),
        empty: "无工作负载读取密钥 No workload reads a Secret.",
      },
      ...(secrets.findings.length > 0
        ? [
            { kind: "heading" as const, text: "无来源的读取 Reads that nothing provides" },
            {
              kind: "table" as const,
              id: "secret-findings",
              filter: false,
              columns: ["问题 finding"],
              rows: secrets.findings.map((f) => ({ tone: "bad" as const, cells: [f] })),
            },
          ]
        : []),
    ],
  };
}
