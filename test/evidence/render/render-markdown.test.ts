import { renderMarkdown } from "../../../evidence/render";
import type { EvidencePack } from "../../../evidence/evidence-pack";
import { failingPack, passingPack } from "./evidence-pack-fixture";

const passing = renderMarkdown(passingPack());
const failing = renderMarkdown(failingPack());

/** The Mermaid block that follows a cluster's caption. */
function mermaidOf(markdown: string, caption: string): string {
  const start = markdown.indexOf(`**${caption}**\n\n\`\`\`mermaid\n`);
  expect(start).toBeGreaterThan(0);
  const block = markdown.slice(markdown.indexOf("```mermaid\n", start));
  return block.slice(0, block.indexOf("\n```\n") + 4);
}

describe("renderMarkdown", () => {
  test("the same sections as the HTML, in the same order, stamped at the top", () => {
    expect(passing.match(/^## .*$/gm)).toEqual([
      "## 1. 平台概况 Platform overview",
      "## 2. 适用范围 Scope of this evidence (GB/T 22239-2019)",
      "## 3. 安全区域图 Zone diagram",
      "## 4. 区域间流量矩阵 Zone-to-zone flow matrix",
      "## 5. 等保 2.0 控制项 MLPS 2.0 controls (GB/T 22239-2019)",
      "## 6. 三权分立 Separation of duties",
      "## 7. 多租户隔离基准 Tenant isolation benchmark (MTB)",
      "## 8. 豁免 Waivers",
      "## 9. 数据分级登记 Data classification register",
      "## 10. 数据目录与共享台账 Data catalogue and sharing ledger",
      "## 11. 部门清单 Department inventory",
      "## 12. 上线前提：密钥 Prerequisites: Secrets",
      "## 13. 资源整合台账 Consolidation ledger",
      "## 14. 审计摘要 Audit summary",
      "## 15. 集群供给与控制面 Cluster provisioning and control planes",
    ]);
    expect(passing.startsWith("# 江南省政务云 等保测评证据包\n\nEvidence pack: jiangnan, 江南省大数据管理局\n\n")).toBe(true);
    expect(passing).toContain("- 提交 commit: `3f2a9c1d7e4b6a8f0c2d4e6f8a0b1c3d5e7f9a1b`\n- 声明哈希 declaration sha256: `sha256:9b1f4c2e7a3d5b8c0e6f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d`\n- 日期 date: `2026-11-27`\n");
    expect(failing).toContain("**❌ 未通过 FAILS: audit, MLPS rule pack**");
  });

  test("each zone diagram is a Mermaid flowchart LR: sanitised node ids, quoted labels, ports on the arrows", () => {
    const secure = mermaidOf(passing, "四级专属集群 (secure-l4)");
    expect(secure.split("\n").filter((l) => !l.includes("classDef"))).toEqual([
      "```mermaid",
      "flowchart LR",
      '  z_gateway_shared_hz["杭城共享集群网关地址 gateway-shared-hz"]:::external',
      '  z_gov_extranet["电子政务外网 gov-extranet"]:::external',
      '  z_gateway["网关区 gateway"]:::gateway',
      '  z_mgmt["安全管理区 mgmt"]:::mgmt',
      '  z_dns["集群 DNS dns"]:::dns',
      '  z_level_4["等保四级区 level-4<br/>区内 within: TCP 5432"]:::level4',
      '  z_gateway -->|"TCP 53,UDP 53"| z_dns',
      '  z_gateway -->|"TCP 8443"| z_level_4',
      '  z_gateway_shared_hz -->|"TCP 443"| z_gateway',
      '  z_gov_extranet -->|"TCP 443"| z_gateway',
      '  z_level_4 -->|"TCP 53,UDP 53"| z_dns',
      '  z_level_4 -->|"TCP 24224"| z_mgmt',
      '  z_mgmt -->|"TCP 53,UDP 53"| z_dns',
      '  z_mgmt -->|"TCP 9090"| z_level_4',
      "```",
    ]);
    // Disagreements: a red arrow for a flow nobody declared, a dashed one for a declared flow not allowed.
    const shared = mermaidOf(failing, "杭城共享集群 (shared-hz)");
    expect(shared).toContain('  z_level_3 -->|"TCP 443 undeclared"| z_internet\n');
    expect(shared).toContain('  z_mgmt -.->|"intended TCP 9090"| z_level_3\n');
    expect(shared).toContain("  linkStyle 11 stroke:#c0392b,stroke-width:2px\n  linkStyle 15 stroke:#d35400,stroke-width:2px\n");
    // linkStyle counts links in writing order: 11 and 15 are the two that disagree.
    const links = shared.split("\n").filter((l) => / -\.?->\|/.test(l));
    expect([links[11], links[15]]).toEqual(['  z_level_3 -->|"TCP 443 undeclared"| z_internet', '  z_mgmt -.->|"intended TCP 9090"| z_level_3']);
  });

  test("GitHub-flavoured tables: one line a row, list items joined with <br>, problem rows marked", () => {
    expect(passing).toContain(
      "| 部门 department | 环境 environment | 服务 service | 数据级别 data class | 最低等级 minimum level | 等级 level | 区域 zone | 集群 cluster | 命名空间 namespace |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    expect(passing).toContain("| 江南省卫生健康委员会 (health) | `prod` | `records-api` | sensitive-personal | L3 | L3 | `level-3` | `shared-hz` | `health-prod` |\n");
    expect(failing).toContain(
      "| ❌ `MLPS-NET-04` | 安全区域边界 / 访问控制<br>Security area boundary / Access control<br>8.1.3.2: Egress only to declared external networks | 不符合 not met<br>整改 remedy: 在 platform.yaml 登记外部网络后仅对该等级放行 declare the external network in platform.yaml and allow it for the level | 1 个对象 targets (1 不符合 violated)<br>`civil-affairs/prod` | 1 项 items<br>`dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B` |\n",
    );
    expect(passing).toContain("| ⚠️ `MLPS-NET-04` | `transport/prod/report-job` | 向交通运输部综合交通运输信息平台报送路网运行日报，需经部省专线访问 | 出站仅限部省专线地址段的 443 端口，流量经网关审计 | 中 medium | 江南省大数据管理局网络安全处 陈志远 | `JNDSJ-SEC-2026-0412` | 2026-06-10 | 2026-12-10 | 即将到期 expiring | 1 |\n");
    expect(passing).toContain("| `mgmt` | · | · | · | · | · | · | `TCP 53,UDP 53` | `TCP 9090` | `TCP 9090` |\n");
    expect(passing).toContain("7.1.2.1 (inferred): Zones by protection level, isolated by NetworkPolicy");
    // Every table line has as many cells as its header.
    for (const table of passing.split(/\n\n/).filter((b) => b.startsWith("| "))) {
      const lines = table.split("\n").filter(Boolean);
      const cells = (line: string) => line.replace(/\\\|/g, "").split("|").length;
      for (const line of lines) expect(`${cells(line)} ${line.slice(0, 40)}`).toBe(`${cells(lines[0])} ${line.slice(0, 40)}`);
    }
  });

  test("text from the declaration cannot break a table, format, or inject HTML", () => {
    const pack = passingPack() as { -readonly [K in keyof EvidencePack]: EvidencePack[K] };
    pack.overview = { ...pack.overview, displayName: '<script>alert("x")</script>' };
    pack.dataSharing = pack.dataSharing.map((s, i) => (i === 0 ? { ...s, purpose: "核验 | 低保 *身份* _x_ [link](javascript:1)\n第二行", approval: "A|B`C" } : s));
    const markdown = renderMarkdown(pack);
    expect(markdown).toContain("# &lt;script&gt;alert(\"x\")&lt;/script&gt; 等保测评证据包\n");
    expect(markdown).not.toContain("<script>");
    expect(markdown).toContain(" | 核验 \\| 低保 \\*身份\\* \\_x\\_ \\[link\\](javascript:1)<br>第二行 | 医疗救助费用减免审核 | ``A\\|B`C`` | ");
    const sharingRow = markdown.split("\n").find((l) => l.includes("核验 \\|"))!;
    expect(sharingRow.replace(/\\\|/g, "").split("|")).toHaveLength(14);
  });

  test("a long list is cut after 20 items, saying how many there are and where report.json holds them all", () => {
    const pack = passingPack() as { -readonly [K in keyof EvidencePack]: EvidencePack[K] };
    const evidence = Array.from({ length: 25 }, (_, i) => `dept-health: kubernetes_network_policy_v1.p${String(i).padStart(2, "0")}`);
    pack.controls = { ...pack.controls, controls: pack.controls.controls.map((c, i) => (i === 0 ? { ...c, evidence } : c)) };
    const row = renderMarkdown(pack).split("\n").find((l) => l.includes("kubernetes_network_policy_v1.p00"))!;
    expect(row).toContain("`dept-health: kubernetes_network_policy_v1.p19`<br>… 5 more (25 in all): report.json controls.controls (rule MLPS-NET-01, level 2).evidence |");
    expect(row).not.toContain("p20");
  });

  test("deterministic", () => {
    expect(renderMarkdown(passingPack())).toBe(passing);
    expect(passing.endsWith("\n")).toBe(true);
  });
  test("shows per cluster how it is provisioned, and the provisioned control plane's settings with their evidence", () => {
    const section = passing.slice(passing.indexOf("## 15."));
    expect(section.split("\n").slice(0, 7)).toEqual([
      "## 15. 集群供给与控制面 Cluster provisioning and control planes",
      "",
      "| 集群 cluster | 供给方式 provisioned | 控制面 control plane | 控制项 control | 设置 setting | 证据 evidence |",
      "| --- | --- | --- | --- | --- | --- |",
      "| 四级专属集群 (secure-l4) | Cluster API on shared-hz (OpenStack, Kubernetes v1.33.4) | 3 × v1.33.4 | 审计日志 audit log | audit policy /etc/kubernetes/govcloud/audit-policy.yaml, log /var/log/kubernetes/audit/audit.log kept 180 days | `clusters-shared-hz: kubernetes_manifest.secure-l4_control-plane_0D2CEDF6` |",
      "|  |  |  | 静态加密 Secrets at rest | EncryptionConfiguration from Secret secure-l4-encryption-config (key encryption-config.yaml); its key never enters the artifact |  |",
      "| ⚠️ 杭城共享集群 (shared-hz) | registered | 不在制品中 not in the artifact | - | 注册集群，需人工核查 registered: check the API server on the cluster by hand | - |",
    ]);
  });
});
