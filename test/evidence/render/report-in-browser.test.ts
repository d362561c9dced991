import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { writeEvidencePack } from "../../../evidence/render";
import { launchChromium, openReport } from "./chromium-browser";
import { failingPack } from "./evidence-pack-fixture";

/** The CJK families of the report's font stack (evidence/render/html-styles.ts) that Linux machines have. */
const CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"];

/** report.html as an auditor opens it: from disk, in Chromium, with no network. */
describe("report.html in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "evidence-browser-"));
  const [html] = writeEvidencePack(failingPack(), dir);
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
  });

  test("renders every section from the file alone, filters rows, prints without filters", async () => {
    const { context, page, requests, errors } = await openReport(browser, html);

    // Nothing but the file was requested, and the page broke no rule of its own policy.
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);

    const headings = page.locator("section > h2");
    await expect(headings.allInnerTexts()).resolves.toHaveLength(15);
    for (const title of ["1. 平台概况 Platform overview", "2. 适用范围 Scope of this evidence (GB/T 22239-2019)", "3. 安全区域图 Zone diagram", "5. 等保 2.0 控制项 MLPS 2.0 controls (GB/T 22239-2019)", "12. 上线前提：密钥 Prerequisites: Secrets", "14. 审计摘要 Audit summary"]) {
      await expect(page.getByRole("heading", { name: title, exact: true }).isVisible()).resolves.toBe(true);
    }
    await expect(page.locator("header .verdict").innerText()).resolves.toBe("未通过 FAILS: audit, MLPS rule pack");
    await expect(page.locator("header .stamp dd").allInnerTexts()).resolves.toEqual([
      "3f2a9c1d7e4b6a8f0c2d4e6f8a0b1c3d5e7f9a1b",
      "sha256:9b1f4c2e7a3d5b8c0e6f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d",
      "2026-11-27",
    ]);

    // The zone diagrams: drawn, with their zones, at a readable size.
    const shared = page.locator('figure[data-cluster="shared-hz"] svg.zone-diagram');
    await expect(shared.locator("g.zone").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-zone")))).resolves.toEqual([
      "internet",
      "gov-extranet",
      "gateway",
      "mgmt",
      "level-2",
      "level-3",
      "dns",
      "internet",
      "object-storage",
      "gateway-secure-l4",
    ]);
    await expect(shared.locator("text.zd-name").allTextContents()).resolves.toContain("等保三级区");
    const box = (await shared.boundingBox())!;
    expect(box.width).toBeGreaterThan(1000);
    expect(box.height).toBeGreaterThan(250);
    await expect(page.locator('figure[data-cluster="secure-l4"] g.zone').count()).resolves.toBe(6);

    // The control table of level 3 and its filter, revealed by the script.
    const rows = page.locator("#t-mlps-controls-level-3 tbody tr");
    const filter = page.locator('input[data-filter-for="t-mlps-controls-level-3"]');
    await expect(rows.count()).resolves.toBe(6);
    await expect(filter.isVisible()).resolves.toBe(true);
    await expect(rows.nth(2).innerText()).resolves.toContain("不符合 not met");
    await filter.fill("MLPS-NET-04");
    await expect(rows.evaluateAll((trs) => trs.filter((tr) => !(tr as unknown as { hidden: boolean }).hidden).map((tr) => tr.querySelector("td")!.textContent))).resolves.toEqual(["MLPS-NET-04"]);
    await expect(page.locator("#t-mlps-controls-level-3").locator("xpath=../preceding-sibling::div[1]").locator(".filter-count").innerText()).resolves.toBe("1 / 6 行 rows");
    await page.locator('input[data-filter-for="t-data-classification"]').fill("卫生 prod");
    await expect(page.locator("#t-data-classification tbody tr:visible").count()).resolves.toBe(2);

    // Print: no filter boxes, and the rows the filter hid are back on paper.
    await page.emulateMedia({ media: "print" });
    await expect(filter.isVisible()).resolves.toBe(false);
    await expect(page.locator(".filter:visible").count()).resolves.toBe(0);
    await expect(page.locator("#t-mlps-controls-level-3 tbody tr:visible").count()).resolves.toBe(6);
    await expect(page.locator("#t-data-classification tbody tr:visible").count()).resolves.toBe(9);
    await page.emulateMedia({ media: "screen" });
    await filter.fill("");

    // The top of the report and the shared cluster's diagram, as a reader first sees them (a
    // full-page capture of a report this long costs seconds and shows nothing more at this size).
    const top = join(dir, "report-top.png");
    const diagram = join(dir, "zone-diagram-shared-hz.png");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: top });
    await shared.screenshot({ path: diagram });
    expect(statSync(top).size).toBeGreaterThan(60_000);
    expect(statSync(diagram).size).toBeGreaterThan(30_000);
    expect(requests).toEqual([]);
    await context.close();
  }, 30_000);

  test("draws the Chinese text with a CJK font, not boxes", async () => {
    const { context, page } = await openReport(browser, html);
    const heading = "1. 平台概况 Platform overview";
    const cdp = await context.newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#overview > h2" });
    await expect(page.locator("#overview > h2").innerText()).resolves.toBe(heading);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    // A character no font has is drawn as a box by the first family, so a CJK family must draw
    // at least the four Han characters (it may draw the Latin ones too).
    const cjk = fonts.filter((font) => CJK_FAMILIES.includes(font.familyName));
    expect(cjk.reduce((sum, font) => sum + font.glyphCount, 0)).toBeGreaterThanOrEqual([...heading].filter((c) => /\p{Script=Han}/u.test(c)).length);
    await context.close();
  }, 15_000);

  test("without JavaScript every row shows and no dead filter box does", async () => {
    const { context, page, requests } = await openReport(browser, html, { javaScriptEnabled: false });
    await expect(page.locator(".filter:visible").count()).resolves.toBe(0);
    await expect(page.locator("#t-data-classification tbody tr:visible").count()).resolves.toBe(9);
    await expect(page.locator("svg.zone-diagram").count()).resolves.toBe(2);
    expect(requests).toEqual([]);
    await context.close();
  }, 15_000);
});
