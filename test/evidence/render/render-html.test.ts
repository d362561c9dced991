import { CONTENT_SECURITY_POLICY, renderHtml, renderJson } from "../../../evidence/render";
import type { EvidencePack } from "../../../evidence/evidence-pack";
import { failingPack, passingPack } from "./evidence-pack-fixture";
import { decode, rowTones, tableRows } from "./html-table-text";

const passing = renderHtml(passingPack());
const failing = renderHtml(failingPack());

const sectionTitles = (html: string) => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => decode(m[1]));

describe("renderHtml", () => {
  test("every section, in the order auditors read them", () => {
    expect(sectionTitles(passing)).toEqual([
      "1. 平台概况 Platform overview",
      "2. 适用范围 Scope of this evidence (GB/T 22239-2019)",
      "3. 安全区域图 Zone diagram",
      "4. 区域间流量矩阵 Zone-to-zone flow matrix",
      "5. 等保 2.0 控制项 MLPS 2.0 controls (GB/T 22239-2019)",
      "6. 三权分立 Separation of duties",
      "7. 多租户隔离基准 Tenant isolation benchmark (MTB)",
      "8. 豁免 Waivers",
      "9. 数据分级登记 Data classification register",
      "10. 数据目录与共享台账 Data catalogue and sharing ledger",
      "11. 部门清单 Department inventory",
      "12. 上线前提：密钥 Prerequisites: Secrets",
      "13. 资源整合台账 Consolidation ledger",
      "14. 审计摘要 Audit summary",
      "15. 集群供给与控制面 Cluster provisioning and control planes",
    ]);
  });

  test("stamped at the top with the commit, the declaration hash and the date, and the verdict", () => {
    const header = /<header class="report">([\s\S]*?)<\/header>/.exec(passing)![1];
    expect(header).toContain("<h1>江南省政务云 等保测评证据包</h1>");
    expect(header).toContain("<dt>提交 commit</dt><dd>3f2a9c1d7e4b6a8f0c2d4e6f8a0b1c3d5e7f9a1b</dd>");
    expect(header).toContain("<dt>声明哈希 declaration sha256</dt><dd>sha256:9b1f4c2e7a3d5b8c0e6f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d</dd>");
    expect(header).toContain("<dt>日期 date</dt><dd>2026-11-27</dd>");
    // The passing pack has one violation of a warning-level rule: the badge says so rather than stay green.
    expect(header).toContain('<div class="verdict tone-warn">通过，但有 1 项警告级不符合 Pass with 1 violation accepted as warnings</div>');
    expect(failing).toContain('<div class="verdict tone-bad">未通过 FAILS: audit, MLPS rule pack</div>');
  });

  test("one self-contained UTF-8 file in Chinese that names no URL and loads nothing", () => {
    for (const html of [passing, failing]) {
      expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
      expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:");
      // Matches, not the page, in failure messages: a miss names the culprit.
      expect(html.match(/https?:|\/\/[a-z0-9.-]+\.[a-z]{2,}\//gi)).toBeNull();
      expect(html.match(/<link\b/gi)).toBeNull();
      expect(html.match(/<(img|iframe|object|embed|video|audio|source|base)\b/gi)).toBeNull();
      // SVG markers are referenced by fragment (url(#…)); nothing else may be.
      expect(html.match(/@import|url\((?!#zd-)/gi)).toBeNull();
      // The only attributes that could point anywhere point inside the page.
      const targets = [...html.matchAll(/\b(src|href|action|xlink:href)="([^"]*)"/g)].map((m) => m[2]);
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.filter((t) => !/^#[a-z-]+$/.test(t))).toEqual([]);
      expect(html.match(/<script>/g)).toHaveLength(1);
      expect(html.match(/<style>/g)).toHaveLength(1);
    }
  });

  test("platform overview: the figures and the clusters with their node pools", () => {
    expect(passing).toContain('<li><span class="value">4</span><span class="label">部门 departments</span></li>');
    expect(passing).toContain('<li class="tone-ok"><span class="value">180 天 days</span><span class="label">日志留存 log retention</span></li>');
    expect(tableRows(passing, "t-overview-clusters")).toEqual([
      ["杭城共享集群 (shared-hz)", "L1, L2, L3", "10.40.0.0/24", "general", "L1, L2", "amd64", "hygon", "kylin-v10", "是 yes", "24", "否 no"],
      ["", "", "", "general-x86", "L1, L2", "amd64", "intel", "rocky-9", "否 no", "8", "否 no"],
      ["", "", "", "level3-kunpeng", "L3", "arm64", "kunpeng", "openeuler-22.03", "是 yes", "12", "是 yes (tainted)"],
      ["四级专属集群 (secure-l4)", "L4", "10.41.0.0/24", "level4-phytium", "L4", "arm64", "phytium", "kylin-v10", "是 yes", "6", "是 yes (tainted)"],
    ]);
  });

  test("zone diagram: per cluster an SVG with a box per zone and an arrow per zone-to-zone flow, labelled with ports", () => {
    const svg = (html: string, cluster: string) => new RegExp(`<figure class="diagram" data-cluster="${cluster}">([\\s\\S]*?)</figure>`).exec(html)![1];
    const zones = (s: string) => [...s.matchAll(/<g class="zone" data-zone="([^"]+)">/g)].map((m) => m[1]);
    const flows = (s: string) => [...s.matchAll(/<polyline class="flow" data-from="([^"]+)" data-to="([^"]+)"[^>]* stroke="(#[0-9a-f]+)"/g)].map((m) => `${m[1]} → ${m[2]} ${m[3]}`);
    const secure = svg(passing, "secure-l4");
    expect(zones(secure)).toEqual(["gateway-shared-hz", "gov-extranet", "gateway", "mgmt", "level-4", "dns"]);
    expect(flows(secure)).toEqual([
      "gateway → dns #2c3e50",
      "gateway → level-4 #2c3e50",
      "gateway-shared-hz → gateway #2c3e50",
      "gov-extranet → gateway #2c3e50",
      "level-4 → dns #2c3e50",
      "level-4 → mgmt #2c3e50",
      "mgmt → dns #2c3e50",
      "mgmt → level-4 #2c3e50",
    ]);
    expect(secure).toMatch(/class="zd-within">区内 within: TCP 5432<\/text>/);
    expect(secure).toContain(">TCP 8443</text>");
    expect(secure).toContain(">等保四级区</text>");
    // The internet sends to the gateway and, on the broken platform, receives from level 3: it is drawn on both sides.
    const shared = svg(failing, "shared-hz");
    expect(zones(shared).filter((z) => z === "internet")).toHaveLength(2);
    expect(flows(shared)).toContain("level-3 → internet #c0392b");
    expect(flows(shared)).toContain("mgmt → level-3 #d35400");
    expect(shared).toContain(">TCP 443 undeclared</text>");
    expect(shared).toContain(">intended TCP 9090</text>");
  });

  test("flow matrix: effective against intended per cluster, disagreements highlighted and explained", () => {
    const rows = tableRows(failing, "t-flow-matrix-shared-hz");
    expect(rows.map((r) => r[0])).toEqual(["internet", "gov-extranet", "object-storage", "gateway-secure-l4", "gateway", "mgmt", "dns", "level-2", "level-3"]);
    expect(rows[5]).toEqual(["mgmt", "·", "·", "·", "·", "·", "·", "TCP 53,UDP 53", "TCP 9090", "effective - ≠ intended TCP 9090"]);
    expect(rows[8]).toEqual(["level-3", "effective TCP 443 ≠ intended -", "·", "·", "TCP 443", "·", "TCP 24224", "TCP 53,UDP 53", "·", "TCP 5432"]);
    expect(failing).toContain('<td class="tone-bad"><code>effective TCP 443 ≠ intended -</code></td>');
    expect(tableRows(failing, "t-flow-differences-shared-hz")).toEqual([
      ["未声明却放行 unintended", "shared-hz/transport-prod/report-job", "internet 0.0.0.0-9.255.255.255", "TCP 443", "allowed by dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B"],
      ["声明却未放行 missing", "govcloud-mgmt/prometheus", "shared-hz/health-prod/records-api", "TCP 9090", "declared: mgmt collects metrics of health/prod/records-api"],
    ]);
    expect(passing).not.toContain("t-flow-differences-");
    expect(failing).toContain('<li class="tone-bad"><span class="value">2</span><span class="label">不一致 differences</span></li>');
  });

  test("MLPS controls per level: requirement in Chinese and English with the clause, (inferred) where unchecked, state, evidence", () => {
    expect(tableRows(passing, "t-mlps-controls-level-2")[0]).toEqual([
      "MLPS-NET-01",
      "安全通信网络 / 网络架构\nSecurity communication network / Network architecture\n7.1.2.1 (inferred): Zones by protection level, isolated by NetworkPolicy",
      "符合 met",
      "4 个对象 targets\ncivil-affairs/prod\ncivil-affairs/test\nhealth/prod\nhealth/prod/records-api",
      "2 项 items\nconnectivity proof: shared-hz 0 differences\nplatform-shared-hz: kubernetes_namespace_v1.baseline_gateway_namespace_0A1B2C3D",
    ]);
    const level3 = tableRows(failing, "t-mlps-controls-level-3");
    expect(level3.map((r) => `${r[0]} ${r[2].split("\n")[0]}`)).toEqual([
      "MLPS-NET-01 符合 met",
      "MLPS-NET-02 符合 met",
      "MLPS-NET-04 不符合 not met",
      "MLPS-IAM-01 符合 met",
      "MLPS-IMG-02 豁免 waived",
      "MLPS-RES-01 部分符合 partly met",
    ]);
    expect(level3[2]).toEqual([
      "MLPS-NET-04",
      "安全区域边界 / 访问控制\nSecurity area boundary / Access control\n8.1.3.2: Egress only to declared external networks",
      "不符合 not met\n整改 remedy: 在 platform.yaml 登记外部网络后仅对该等级放行 declare the external network in platform.yaml and allow it for the level",
      "1 个对象 targets (1 不符合 violated)\ncivil-affairs/prod",
      "1 项 items\ndept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B",
    ]);
    expect(rowTones(failing, "t-mlps-controls-level-3")).toEqual(["tone-ok", "tone-ok", "tone-bad", "tone-ok", "tone-warn", "tone-warn"]);
    expect(tableRows(passing, "t-mlps-controls-level-4").map((r) => r[0])).toEqual(["MLPS-NET-02", "MLPS-CLD-04"]);
    expect(passing).toContain("<h3>第三级 level 3: 符合 met 3 · 部分符合 partly met 1 · 豁免 waived 2</h3>");
  });

  test("scope: the areas of GB/T 22239-2019 the rule pack covers, and those out of its reach with why", () => {
    const rows = tableRows(passing, "t-scope");
    expect(rows).toHaveLength(14);
    expect(rows[0]).toEqual([
      "安全物理环境\nphysical environment",
      "技术要求 technical",
      "不在范围 out of scope",
      "-",
      "machine rooms, power, fire and access control of the data centre: assessed on site, not visible in Terraform",
    ]);
    expect(rows[2].slice(0, 3)).toEqual(["安全区域边界\nsecurity area boundary", "技术要求 technical", "覆盖 covered"]);
    expect(rows[2][4].split("\n")).toContain("MLPS-NET-01");
  });

  test("findings not met or waived, each with its waiver", () => {
    expect(tableRows(passing, "t-mlps-findings")).toEqual([
      [
        "MLPS-NET-04",
        "transport/prod/report-job",
        "L3",
        "豁免 waived",
        "egress to 202.96.0.0/16 on TCP 443 goes to no declared external network",
        "dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B",
        "JNDSJ-SEC-2026-0412, 江南省大数据管理局网络安全处 陈志远\n至 until 2026-12-10",
      ],
      ["MLPS-RES-01", "health/prod/appointment-cache", "L3", "不符合 violated\n警告级 warning", "runs 1 replica; level 3 needs at least 2 with a disruption budget", "dept-health: kubernetes_deployment_v1.tenant_prod_appointment-cache_deployment_3F9D21A4", "-"],
      [
        "MLPS-IMG-02",
        "health/prod/records-api",
        "L3",
        "豁免 waived",
        "image signed with the vendor's key, not the platform's",
        "dept-health: kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10",
        "JNWJ-IT-2026-0215, 江南省卫生健康委员会信息中心 王建国\n至 until 2027-03-31",
      ],
    ]);
  });

  test("separation of duties and the tenant isolation benchmark, with status and evidence", () => {
    expect(tableRows(passing, "t-separation-of-duties")).toEqual([
      ["系统管理员 system admin", "govcloud-system-admins", "govcloud-admin-system"],
      ["安全管理员 security admin", "govcloud-security-admins", "govcloud-admin-security"],
      ["审计管理员 audit admin", "govcloud-audit-admins", "govcloud-auditor"],
    ]);
    expect(tableRows(passing, "t-separation-of-duties-check")[0][1]).toBe("通过 pass");
    const mtb = tableRows(failing, "t-tenant-isolation-checks");
    expect(mtb.map((r) => `${r[0]} ${r[3].split("\n")[0]}`)).toEqual([
      "MTB-PL1-CC-CPI-1 通过 pass",
      "MTB-PL1-BC-CPI-4 未通过 fail",
      "MTB-PL1-BC-HI-1 通过 pass",
      "MTB-PL1-CC-FNS-1 通过 pass",
      "MTB-PL2-BC-OPS-3 不适用 not applicable",
      "MTB-PL1-BC-NI-1 通过 pass",
    ]);
    expect(mtb[1][5]).toBe("dept-transport: kubernetes_cron_job_v1.tenant_prod_report-job_cronjob_6E7F8091: CronJob transport-prod/report-job: spec.jobTemplate.spec.template.spec.securityContext.runAsNonRoot: runs as root (runAsNonRoot not set)");
    expect(mtb[4][3]).toBe("不适用 not applicable\ndepartments change access through their declaration, reviewed by the platform team");
    expect(mtb[0][4]).toBe("12 department groups hold permissions only through RoleBindings in namespaces (21 bindings), none through a ClusterRoleBinding\ndept-health: kubernetes_role_binding_v1.tenant_prod_binding-admin_926B7BA3");
  });

  test("waivers: expiring ones highlighted, expired ones flagged", () => {
    expect(tableRows(passing, "t-waivers")[0]).toEqual([
      "MLPS-NET-04",
      "transport/prod/report-job",
      "向交通运输部综合交通运输信息平台报送路网运行日报，需经部省专线访问",
      "出站仅限部省专线地址段的 443 端口，流量经网关审计",
      "中 medium",
      "江南省大数据管理局网络安全处 陈志远",
      "JNDSJ-SEC-2026-0412",
      "2026-06-10",
      "2026-12-10",
      "即将到期 expiring",
      "1",
    ]);
    expect(rowTones(passing, "t-waivers")).toEqual(["tone-warn", "tone-ok", "tone-muted"]);
    expect(tableRows(failing, "t-waivers")[0].slice(8, 10)).toEqual(["2026-11-01", "已过期 EXPIRED"]);
    expect(rowTones(failing, "t-waivers")[0]).toBe("tone-bad");
    expect(failing).toContain('<li class="tone-bad"><span class="value">1</span><span class="label">已过期 expired</span></li>');
  });

  test("data classification and data-sharing registers: every service and every agreement", () => {
    const classification = tableRows(passing, "t-data-classification");
    expect(classification).toHaveLength(9);
    expect(classification[4]).toEqual(["江南省卫生健康委员会 (health)", "prod", "records-api", "sensitive-personal", "L3", "L3", "level-3", "shared-hz", "health-prod"]);
    expect(classification[6]).toEqual(["江南省公安厅 (public-security)", "core", "identity-db", "core", "L4", "L4", "level-4", "secure-l4", "public-security-core"]);
    const catalogue = tableRows(passing, "t-data-catalogue");
    expect(catalogue.map((row) => [row[0], row[3], row[4], row[6]])).toEqual([
      ["JNML-GAT-004", "有条件共享 conditional", "《中华人民共和国居民身份证法》", "1"],
      ["JNML-GAT-009", "不予共享 not shared", "《中华人民共和国人民警察法》", "0"],
      ["JNML-MZT-003", "有条件共享 conditional", "《社会救助暂行办法》", "1"],
      ["JNML-MZT-010", "无条件共享 unconditional", "-", "0"],
    ]);
    const sharing = tableRows(passing, "t-data-sharing");
    expect(sharing[0]).toEqual([
      "低保对象身份信息 · 有条件共享 conditional\nJNML-MZT-003",
      "civil-affairs/prod/assistance-api",
      "health/prod/records-api",
      "personal",
      "核验医疗救助对象的低保身份",
      "医疗救助费用减免审核",
      "JNMZ-SHARE-2026-007",
      "2026-01-12",
      "2026-12-15\n部署关闭 closed by the apply of 2026-12-21",
      "即将到期 expiring",
      "集群内 direct",
      "dept-civil-affairs: kubernetes_network_policy_v1.sharing_assistance-api_from_health-prod_8C9D0E1F\ndept-health: kubernetes_network_policy_v1.sharing_records-api_to_civil-affairs-prod_2A3B4C5D",
    ]);
    expect(rowTones(passing, "t-data-sharing")).toEqual(["tone-warn", "tone-ok"]);
    expect(tableRows(failing, "t-data-sharing")[0].slice(8)).toEqual(["2026-11-20\n部署关闭 closed by the apply of 2026-12-21", "已过期 expired", "集群内 direct", "-"]);
    // The audit's expiry finding stands beside the ledger.
    expect(tableRows(passing, "t-sharing-expiry")).toEqual([["JNMZ-SHARE-2026-007", "2026-12-15", expect.stringContaining("stay open 5 days after it ends")]]);
  });

  test("department inventory, consolidation ledger and audit summary: key figures", () => {
    const inventory = tableRows(passing, "t-departments");
    expect(inventory).toHaveLength(7);
    expect(inventory[2]).toEqual([
      "江南省卫生健康委员会 (health)",
      "prod",
      "L3",
      "shared-hz",
      "health-prod",
      "48 / 192Gi / 2560Gi",
      "appointment-cache (redis, none, internal, ×1)\nrecords-api (web-service, extranet, sensitive-personal, ×3)",
    ]);
    expect(tableRows(passing, "t-ledger-clusters")[3]).toEqual(["杭城共享集群 (shared-hz)", "cpu (cores)", "768", "1536", "120", "7.8%", "1416"]);
    expect(tableRows(passing, "t-ledger-showback")[1]).toEqual(["江南省卫生健康委员会 (health)", "64", "42.1%", "256Gi", "42.1%", "3Ti", "37.5%", "prod, test"]);
    expect(tableRows(passing, "t-ledger-localization")[2]).toEqual(["全部 all", "42/50", "84.0%", "3072/3328", "92.3%"]);
    expect(passing).toContain('<li><span class="value">92.3%</span><span class="label">信创率 localization (cpu)</span></li>');
    const summary = /<section id="audit-summary">([\s\S]*?)<\/section>/.exec(failing)![1];
    expect(summary).toContain('<li class="tone-bad"><span class="value">1</span><span class="label">模式问题 schema findings</span></li>');
    expect(summary).toContain('<li class="tone-bad"><span class="value">2</span><span class="label">连通性差异 connectivity differences</span></li>');
    expect(summary).toContain('<li class="tone-bad"><span class="value">未通过 fail</span><span class="label">RBAC</span></li>');
    expect(tableRows(failing, "t-audit-schema-findings")).toEqual([
      ["dept-health", "kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10", "Deployment health-prod/records-api", "spec.template.spec.containers[0].ports[0].containerPort", "must be at most 65535, got 80443"],
    ]);
    expect(tableRows(failing, "t-audit-connectivity")).toEqual([
      ["secure-l4", "5", "14", "9", "0"],
      ["shared-hz", "23", "118", "41", "2"],
    ]);
    expect(tableRows(failing, "t-audit-rbac-checks")[0][3]).toBe("dept-transport: kubernetes_role_binding_v1.extra_debug_binding_0C1D2E3F: RoleBinding health-prod/debug: grants transport-developers secrets in health-prod");
    expect(tableRows(failing, "t-audit-rule-pack-messages")[0]).toEqual(["错误 error", "MLPS-NET-04 transport/prod/report-job: egress to internet on TCP 443; level 3 may not reach the internet"]);
    expect(passing).toContain('<p class="empty">无问题：每个对象都符合 Kubernetes 模式 No findings: every object matches its Kubernetes schema.</p>');
  });

  test("long tables get a filter box, hidden until the script reveals it, naming a table that exists", () => {
    const filters = [...passing.matchAll(/<div class="filter" hidden><label>筛选 Filter <input type="search" data-filter-for="([^"]+)"/g)].map((m) => m[1]);
    expect(filters).toEqual([
      "t-mlps-controls-level-2",
      "t-mlps-controls-level-3",
      "t-mlps-controls-level-4",
      "t-mlps-findings",
      "t-tenant-isolation-checks",
      "t-waivers",
      "t-data-classification",
      "t-data-catalogue",
      "t-data-sharing",
      "t-departments",
      "t-secret-prerequisites",
      "t-ledger-showback",
      "t-audit-rbac-groups",
    ]);
    for (const id of filters) expect(passing).toContain(`<table id="${id}">`);
    expect(passing).toMatch(/@media print \{[\s\S]*nav\.toc, \.filter \{ display: none !important; \}[\s\S]*tr\[hidden\] \{ display: table-row !important; \}/);
    expect(passing).toContain("@page { size: A4;");
  });

  test("every string from the declaration is escaped: markup in a display name renders as text", () => {
    const pack = passingPack() as { -readonly [K in keyof EvidencePack]: EvidencePack[K] };
    const evil = '<script>alert("卫健委")</script>';
    pack.overview = { ...pack.overview, displayName: evil };
    pack.inventory = pack.inventory.map((d, i) => (i === 0 ? { ...d, displayName: `民政厅 <img src=x onerror=alert(1)>` } : d));
    pack.dataSharing = pack.dataSharing.map((s, i) => (i === 0 ? { ...s, purpose: `核验 | "低保" & 'x' </td></tr></table>` } : s));
    const html = renderHtml(pack);
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;卫健委&quot;)&lt;/script&gt; 等保测评证据包</title>");
    expect(html).toContain("<h1>&lt;script&gt;alert(&quot;卫健委&quot;)&lt;/script&gt; 等保测评证据包</h1>");
    expect(html).not.toContain("<script>alert");
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain("<td>民政厅 &lt;img src=x onerror=alert(1)&gt; (civil-affairs)</td>");
    expect(tableRows(html, "t-data-sharing")[0][4]).toBe(`核验 | "低保" & 'x' </td></tr></table>`);
  });

  test("deterministic: the same pack gives the same bytes, however its fields were ordered", () => {
    expect(renderHtml(passingPack())).toBe(passing);
    const reordered = JSON.parse(renderJson(passingPack())) as EvidencePack;
    expect(renderHtml(reordered)).toBe(passing);
  });
});
