import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { readArtifact } from "../../../audit/export";
import { runAudit } from "../../../audit/run-audit";
import { buildEvidencePack } from "../../../evidence/build-evidence-pack";
import type { EvidencePack } from "../../../evidence/evidence-pack";
import { computeLedger, readLedgerParameters } from "../../../evidence/ledger";
import { renderHtml, writeEvidencePack } from "../../../evidence/render";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";
import { launchChromium, openReport } from "./chromium-browser";

/**
 * End to end on the bundled example: synthesize, audit the artifact, build the pack with the real
 * builder, write it, and open report.html in Chromium as an auditor would.
 */
describe("the bundled example's evidence pack", () => {
  let pack: EvidencePack;
  let paths: string[];
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "evidence-example-"));

  beforeAll(async () => {
    const example = synthesizeExample();
    const configDir = join(dirname(example.outdir), "config");
    const stacks = readArtifact(example.outdir);
    const audit = runAudit(stacks, example.model, EXAMPLE_TODAY);
    const ledger = computeLedger(example.model, stacks, readLedgerParameters(configDir));
    pack = buildEvidencePack({ model: example.model, stacks, audit, ledger, configDir, today: EXAMPLE_TODAY });
    paths = writeEvidencePack(pack, dir);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("writes the three files, deterministically", () => {
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(["report.html", "report.md", "report.json"]);
    expect(readFileSync(paths[0], "utf8")).toBe(renderHtml(pack));
    expect(JSON.parse(readFileSync(paths[2], "utf8"))).toEqual(JSON.parse(JSON.stringify(pack)));
    expect(readFileSync(paths[1], "utf8")).toContain("```mermaid\nflowchart LR\n");
  });

  test("the data catalogue, with all three share attributes, and the sharing ledger are in all three formats", () => {
    const [html, markdown, json] = paths.map((p) => readFileSync(p, "utf8"));
    expect(new Set(pack.dataCatalogue.map((e) => e.share))).toEqual(new Set(["unconditional", "conditional", "not-shared"]));
    const notShared = pack.dataCatalogue.find((e) => e.share === "not-shared")!;
    expect(notShared).toMatchObject({ id: "JNML-GAT-002", provider: "public-security/core/population-api", consumers: 0 });
    expect(notShared.legalBasis).toMatch(/^《中华人民共和国个人信息保护法》第三十四条/);
    // Unconditional uses: registered by each consumer, with no approval and no end.
    const exchange = pack.dataSharing.filter((e) => e.catalogue.id === "JNML-DSJ-002");
    expect(exchange.map((e) => [e.consumer, e.since, e.expires])).toEqual([
      ["ecology-environment/prod/monitoring-api", "2026-05-06", undefined],
      ["finance/prod/budget-api", "2026-03-09", undefined],
      ["housing/prod/permit-api", "2026-03-16", undefined],
      ["market-regulation/prod/enterprise-api", "2026-03-02", undefined],
      ["natural-resources/prod/land-api", "2026-03-02", undefined],
      ["transport/prod/permit-api", "2026-04-13", undefined],
    ]);
    expect(exchange.every((e) => e.policies.length === 2)).toBe(true);
    for (const e of pack.dataCatalogue) {
      expect(html).toContain(`<code class="nowrap">${e.id}</code>`);
      expect(markdown).toContain(`\`${e.id}\``);
    }
    expect(html.match(/<tr[^>]*>/g)!.length).toBeGreaterThan(pack.dataCatalogue.length + pack.dataSharing.length);
    expect(JSON.parse(json).dataCatalogue).toEqual(JSON.parse(JSON.stringify(pack.dataCatalogue)));
    expect(markdown).toContain("### 政务数据目录 Data catalogue");
    expect(markdown).toContain("### 共享台账 Sharing ledger");
  });

  test("report.html opens offline and shows every section with the example's figures", async () => {
    const { context, page, requests, errors } = await openReport(browser, paths[0]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    await expect(page.locator("section > h2").allInnerTexts()).resolves.toHaveLength(15);
    await expect(page.locator("#t-cluster-provisioning").innerText()).resolves.toMatch(/secure-l4\)\tCluster API on shared-hz \(OpenStack, Kubernetes v1\.33\.4\)\t3 × v1\.33\.4/);
    await expect(page.getByRole("heading", { name: "4. 区域间流量矩阵 Zone-to-zone flow matrix", exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator("header h1").innerText()).resolves.toBe(`${pack.overview.displayName} 等保测评证据包`);
    await expect(page.locator("header .stamp dd").allInnerTexts()).resolves.toEqual([pack.stamp.commit, pack.stamp.declarationHash, EXAMPLE_TODAY]);

    // One diagram per cluster, with a box for each zone of its matrix.
    for (const cluster of pack.audit.flows.clusters) {
      const zones = await page.locator(`figure[data-cluster="${cluster.cluster}"] g.zone`).evaluateAll((gs) => gs.map((g) => g.getAttribute("data-zone")));
      expect(new Set(zones)).toEqual(new Set(cluster.matrix.zones));
      await expect(page.locator(`#t-flow-matrix-${cluster.cluster} tbody tr`).count()).resolves.toBe(cluster.matrix.zones.length);
    }

    // Every control row of the rule pack, level by level; every register row.
    const levels = [...new Set(pack.controls.controls.map((c) => c.level))];
    for (const level of levels) {
      await expect(page.locator(`#t-mlps-controls-level-${level} tbody tr`).count()).resolves.toBe(pack.controls.controls.filter((c) => c.level === level).length);
    }
    expect(levels.length).toBeGreaterThanOrEqual(3);
    await expect(page.locator("#t-data-classification tbody tr").count()).resolves.toBe(pack.dataClassification.length);
    await expect(page.locator("#t-data-sharing tbody tr").count()).resolves.toBe(pack.dataSharing.length);
    await expect(page.locator("#t-waivers tbody tr").count()).resolves.toBe(pack.controls.waivers.length);
    await expect(page.locator("#t-waivers").innerText()).resolves.toContain("JNDSJ-SEC-2026-0412");
    await expect(page.locator("#t-tenant-isolation-checks tbody tr").count()).resolves.toBe(pack.audit.tenancy.checks.length);
    expect(pack.dataClassification.length).toBeGreaterThan(20);

    const screenshot = join(dir, "report-top.png");
    await page.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(60_000);
    const diagram = join(dir, "zone-diagram.png");
    await page.locator("#zone-diagram").screenshot({ path: diagram });
    expect(statSync(diagram).size).toBeGreaterThan(30_000);
    await context.close();
  }, 60_000);
});
