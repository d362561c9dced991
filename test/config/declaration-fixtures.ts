import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument, type Document } from "yaml";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";

/** `test/fixtures/declarations`: a valid `base/` and one overlay folder per invalid case. */
export const DECLARATIONS = join(__dirname, "..", "fixtures", "declarations");
export const BASE = join(DECLARATIONS, "base");
export const INVALID = join(DECLARATIONS, "invalid");

/** The date expiry checks use, fixed so that the expected messages never depend on the day the tests run. */
export const TODAY = "2026-06-01";

/** Files of a case folder that describe the case rather than overlay the declaration. */
const CASE_FILES = new Set(["expected.txt", "remove.txt", "README.md"]);

/**
 * Files too large (or too odd) to commit, written into the copied declaration by the test.
 * Each case named here has a README.md in its folder saying so.
 */
const GENERATED: Record<string, (configDir: string) => void> = {
  // 1 MiB and a bit of valid YAML: only the size is wrong.
  "file-over-1mib": (configDir) => {
    const padding = `# ${"x".repeat(98)}\n`.repeat(10_486);
    writeFileSync(join(configDir, "waivers.yaml"), `${padding}waivers: []\n`);
  },
};

export function invalidCases(): string[] {
  return readdirSync(INVALID, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * A project folder in tmp whose `config/` is base with the case's files laid over it
 * (and those listed in its `remove.txt` deleted), as a user's project would look.
 */
export function materialize(caseName?: string): string {
  const project = mkdtempSync(join(tmpdir(), `govcloud-${caseName ?? "base"}-`));
  const configDir = join(project, "config");
  cpSync(BASE, configDir, { recursive: true });
  if (caseName === undefined) return project;
  const caseDir = join(INVALID, caseName);
  cpSync(caseDir, configDir, { recursive: true, filter: (src) => !CASE_FILES.has(src.slice(caseDir.length + 1)) });
  const removals = join(caseDir, "remove.txt");
  if (existsSync(removals)) {
    for (const line of readFileSync(removals, "utf8").split("\n")) {
      if (line.trim() !== "") rmSync(join(configDir, line.trim()));
    }
  }
  GENERATED[caseName]?.(configDir);
  return project;
}

export function expectedLines(caseName: string): string[] {
  return readFileSync(join(INVALID, caseName, "expected.txt"), "utf8").split("\n").filter((line) => line !== "");
}

/** A change to the base declaration: `file(path, change)` edits one YAML file of it in place. */
export type Edit = (file: (relative: string, change: (doc: Document) => void) => void) => void;

export function problemsAfter(edit: Edit, today = TODAY): { lines: string[]; valid: boolean } {
  const project = materialize();
  edit((relative, change) => {
    const path = join(project, "config", relative);
    const document = parseDocument(readFileSync(path, "utf8"));
    change(document);
    writeFileSync(path, document.toString());
  });
  const result = readPlatform(join(project, "config"), project, { today });
  return { lines: result.problems.map(formatProblem), valid: result.model !== undefined };
}

