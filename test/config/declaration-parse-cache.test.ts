import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeclarationParseCache, type ParsedValues } from "../../config/declaration/parse-cache";
import { formatProblem } from "../../config/declaration/problem";
import { SourceDocument } from "../../config/declaration/source-document";
import { readPlatform } from "../../config/read-platform";
import { invalidCases, materialize, TODAY } from "./declaration-fixtures";

function cacheFile(): string {
  return join(mkdtempSync(join(tmpdir(), "parse-cache-")), ".declarations");
}

const TEXT = "name: health\nlevels: [2, 3]\nowner: { team: 卫健委 }\n";
const VALUE = { name: "health", levels: [2, 3], owner: { team: "卫健委" } };

describe("the cache of parsed declaration files", () => {
  it("recalls a text's value after a save, for the same text and parser code only", () => {
    const file = cacheFile();
    const first = DeclarationParseCache.open(file, "code-1");
    expect(first.recall(TEXT)).toBeUndefined();
    first.remember(TEXT, VALUE);
    expect(DeclarationParseCache.open(file, "code-1").recall(TEXT)).toBeUndefined(); // nothing is written before save
    first.save();
    expect(DeclarationParseCache.open(file, "code-1").recall(TEXT)).toEqual({ data: VALUE });
    expect(DeclarationParseCache.open(file, "code-1").recall(`${TEXT} `)).toBeUndefined();
    expect(DeclarationParseCache.open(file, "code-2").recall(TEXT)).toBeUndefined();
  });

  it("hands out copies: a caller changing its value changes neither later recalls nor the file", () => {
    const file = cacheFile();
    const cache = DeclarationParseCache.open(file, "code");
    cache.remember(TEXT, VALUE);
    cache.save();
    const reopened = DeclarationParseCache.open(file, "code");
    (reopened.recall(TEXT)!.data as { name: string }).name = "changed";
    expect(reopened.recall(TEXT)).toEqual({ data: VALUE });
    reopened.remember("other: 1\n", { other: 1 });
    reopened.save();
    expect(DeclarationParseCache.open(file, "code").recall(TEXT)).toEqual({ data: VALUE });
  });

  it("keeps only what the last run used, so edited and deleted files drop out", () => {
    const file = cacheFile();
    const first = DeclarationParseCache.open(file, "code");
    first.remember("a: 1\n", { a: 1 });
    first.remember("b: 1\n", { b: 1 });
    first.save();
    const second = DeclarationParseCache.open(file, "code");
    expect(second.recall("a: 1\n")).toEqual({ data: { a: 1 } });
    second.remember("a: 2\n", { a: 2 });
    second.save();
    const third = DeclarationParseCache.open(file, "code");
    expect([third.recall("a: 1\n"), third.recall("b: 1\n"), third.recall("a: 2\n")]).toEqual([{ data: { a: 1 } }, undefined, { data: { a: 2 } }]);
  });

  it("takes a damaged, truncated or foreign file for an empty cache, and a damaged entry for a miss", () => {
    const file = cacheFile();
    const cache = DeclarationParseCache.open(file, "code");
    cache.remember(TEXT, VALUE);
    cache.remember("b: 1\n", { b: 1 });
    cache.save();
    const whole = readFileSync(file, "utf8");
    for (const damaged of ["", "not json\n", whole.replace('"format":1', '"format":9'), whole.slice(0, 20)]) {
      writeFileSync(file, damaged);
      expect(DeclarationParseCache.open(file, "code").recall(TEXT)).toBeUndefined();
    }
    const [header, ...entries] = whole.trimEnd().split("\n");
    const cut = entries.map((line) => (line.includes("health") ? line.slice(0, -5) : line));
    writeFileSync(file, [header, ...cut].join("\n"));
    const partly = DeclarationParseCache.open(file, "code");
    expect([partly.recall(TEXT), partly.recall("b: 1\n")]).toEqual([undefined, { data: { b: 1 } }]);
  });

  it("keeps nothing JSON would not carry back exactly, and no text that has problems", () => {
    const file = cacheFile();
    const cache = DeclarationParseCache.open(file, "code");
    const folder = mkdtempSync(join(tmpdir(), "parse-cache-docs-"));
    const read = (name: string, text: string) => {
      writeFileSync(join(folder, name), text);
      return SourceDocument.read(join(folder, name), name, undefined, cache);
    };
    // YAML's .nan, .inf and -0 are numbers JSON writes otherwise; a duplicate key is a problem.
    for (const [name, text] of [["nan.yaml", "x: .nan\n"], ["inf.yaml", "x: -.inf\n"], ["zero.yaml", "x: -0\n"], ["twice.yaml", "x: 1\nx: 2\n"]]) read(name, text);
    expect(Array.isArray(read("twice.yaml", "x: 1\nx: 2\n"))).toBe(true);
    cache.save();
    const reopened = DeclarationParseCache.open(file, "code");
    expect(["x: .nan\n", "x: -.inf\n", "x: -0\n", "x: 1\nx: 2\n"].map((text) => reopened.recall(text))).toEqual([undefined, undefined, undefined, undefined]);
    rmSync(folder, { recursive: true, force: true });
  });

  it("changes no problem of any invalid declaration, positions included, when every file comes from it", () => {
    const file = cacheFile();
    for (const caseName of [undefined, ...invalidCases()]) {
      const project = materialize(caseName);
      try {
        const plain = readPlatform(join(project, "config"), project, { today: TODAY });
        const filling = DeclarationParseCache.open(file, "code");
        readPlatform(join(project, "config"), project, { today: TODAY, parsed: filling });
        filling.save();
        const warm = DeclarationParseCache.open(file, "code");
        let recalled = 0;
        const counted: ParsedValues = {
          recall: (text) => {
            const known = warm.recall(text);
            if (known) recalled++;
            return known;
          },
          remember: (text, data) => warm.remember(text, data),
        };
        const cached = readPlatform(join(project, "config"), project, { today: TODAY, parsed: counted });
        // Every case leaves most files valid YAML, and those are not parsed again.
        expect({ case: caseName, recalled: recalled > 1 }).toEqual({ case: caseName, recalled: true });
        expect({ case: caseName, problems: cached.problems.map(formatProblem) }).toEqual({ case: caseName, problems: plain.problems.map(formatProblem) });
        expect(JSON.stringify(cached.model)).toBe(JSON.stringify(plain.model));
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }
  });
});
