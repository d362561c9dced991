import { rmSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { expectedLines, invalidCases, materialize, TODAY } from "./declaration-fixtures";

/**
 * Every folder under test/fixtures/declarations/invalid/ is the valid base with a few files
 * changed; the user must see exactly the lines in its expected.txt (file:line:col field: message),
 * all at once, and no model.
 */
function read(caseName?: string) {
  const project = materialize(caseName);
  try {
    return readPlatform(join(project, "config"), project, { today: TODAY });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

describe("the base declaration", () => {
  it("is valid, without warnings", () => {
    const { model, problems } = read();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(model?.departments.map((d) => d.name)).toEqual(["health", "insurance", "public-security"]);
    expect(model?.clusters.map((c) => c.name).sort()).toEqual(["secure-l4", "shared"]);
  });
});

describe("invalid declarations", () => {
  const cases = invalidCases();

  it("cover at least 28 single problems and a case with many", () => {
    expect(cases.length).toBeGreaterThanOrEqual(29);
    expect(cases).toContain("many-problems");
  });

  it.each(cases)("%s: reports exactly its expected problems and returns no model", (caseName) => {
    const { model, problems } = read(caseName);
    expect(problems.map(formatProblem)).toEqual(expectedLines(caseName));
    expect(model).toBeUndefined();
  });

  it("eight-mistakes-one-round: schema and rule problems come in one run (2 + 9 = 11)", () => {
    const lines = read("eight-mistakes-one-round").problems.map(formatProblem);
    expect(lines).toHaveLength(11);
    expect(lines.filter((l) => /unknown field|must be one of/.test(l))).toHaveLength(2);
  });

  it("level 5 with a misspelt data class reports both", () => {
    expect(expectedLines("level-5-and-unknown-data-class").map((l) => l.split(" ")[1])).toEqual(["environments[1].level:", "environments[1].services[0].dataClass:"]);
  });

  it("many-problems: reports problems of several files at once, sorted by file then line", () => {
    const lines = expectedLines("many-problems");
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const files = lines.map((line) => line.split(":")[0]);
    expect(new Set(files).size).toBeGreaterThanOrEqual(2);
    const keys = lines.map((line) => {
      const [file, l, c] = line.split(" ")[0].split(":");
      return [file, Number(l), Number(c)] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });
});
