import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderHtml, renderJson, renderMarkdown, writeEvidencePack } from "../../../evidence/render";
import type { EvidencePack } from "../../../evidence/evidence-pack";
import { failingPack, passingPack } from "./evidence-pack-fixture";

describe("renderJson", () => {
  test("the pack itself, 2-space indented, keys sorted at every depth, newline-terminated", () => {
    const json = renderJson(passingPack());
    expect(JSON.parse(json)).toEqual(passingPack());
    expect(json.startsWith('{\n  "audit": {\n    "flows": {\n      "clusters": [\n')).toBe(true);
    expect(json.endsWith("\n}\n")).toBe(true);
    expect(json).toContain('\n  "stamp": {\n    "commit": "3f2a9c1d7e4b6a8f0c2d4e6f8a0b1c3d5e7f9a1b",\n    "date": "2026-11-27",\n    "declarationHash": ');
    // Arrays keep their order: the builder sorted them, and order carries meaning.
    expect((JSON.parse(json) as EvidencePack).dataClassification.map((e) => e.service)).toEqual(passingPack().dataClassification.map((e) => e.service));
  });

  test("stable: the bytes depend on the values only", () => {
    const pack = passingPack();
    const reversed = JSON.parse(JSON.stringify(pack), (_, value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value));
    expect(renderJson(reversed)).toBe(renderJson(pack));
  });

  test("written in pieces, the same text as one JSON.stringify of the sorted pack, at every depth and in every corner", () => {
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted((value as Record<string, unknown>)[key])]))
          : value;
    const corners = {
      "10": "integer-like keys come first, in number order",
      "9": [],
      b: { deep: { deeper: { deepest: { beyond: [{ z: 1, a: "line\nbreak", "": null }] } } } },
      a: [undefined, () => 0, {}, [], [[]], { gone: undefined }],
      "キー": "unicode 规则 \u2028",
      nothing: undefined,
    };
    const pack = { ...passingPack(), extra: corners } as unknown as EvidencePack;
    expect(renderJson(pack)).toBe(`${JSON.stringify(sorted(pack), null, 2)}\n`);
  });
});

describe("writeEvidencePack", () => {
  test("writes report.html, report.md and report.json and returns their paths", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "evidence-")), "pack");
    const pack = failingPack();
    const paths = writeEvidencePack(pack, dir);
    expect(paths).toEqual([join(dir, "report.html"), join(dir, "report.md"), join(dir, "report.json")]);
    expect(readFileSync(paths[0], "utf8")).toBe(renderHtml(pack));
    expect(readFileSync(paths[1], "utf8")).toBe(renderMarkdown(pack));
    expect(readFileSync(paths[2], "utf8")).toBe(renderJson(pack));
    expect(readdirSync(dir).sort()).toEqual(["report.html", "report.json", "report.md"]);
  });

  test("replaces a previous pack whole, leaving no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "evidence-"));
    writeEvidencePack(failingPack(), dir);
    writeEvidencePack(passingPack(), dir);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toBe(renderHtml(passingPack()));
    expect(readdirSync(dir).sort()).toEqual(["report.html", "report.json", "report.md"]);
  });

  test("a pack that cannot be rendered leaves the previous pack untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "evidence-"));
    for (const name of ["report.html", "report.md", "report.json"]) writeFileSync(join(dir, name), `previous ${name}`);
    const broken = { ...passingPack(), ledger: undefined } as unknown as EvidencePack;
    expect(() => writeEvidencePack(broken, dir)).toThrow(TypeError);
    expect(readdirSync(dir).sort()).toEqual(["report.html", "report.json", "report.md"]);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toBe("previous report.md");
  });

  test("the same pack writes the same bytes", () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), "evidence-")), mkdtempSync(join(tmpdir(), "evidence-"))];
    const first = writeEvidencePack(passingPack(), a).map((p) => readFileSync(p));
    const second = writeEvidencePack(passingPack(), b).map((p) => readFileSync(p));
    expect(second).toEqual(first);
  });
});
