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
