import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { todayUtc } from "../../config/model/calendar";
import { readPlatformOrThrow } from "../../config/read-platform";
import { EXAMPLE_CONFIG, PROJECT_ROOT } from "../artifact/example-project";

/** A date field of the bundled example and where it is written. */
interface DatedField {
  readonly where: string;
  readonly date: string;
}

/** Every field whose name speaks of an expiry (`expires`, `expiry`, …) in every YAML file of the example. */
function expiryFields(dir: string): DatedField[] {
  const fields: DatedField[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const lines = new LineCounter();
    const document = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines });
    const visit = (node: Node | null | undefined, path: string) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : "?";
          const value = pair.value as Node | null;
          if (/expir/i.test(key) && isScalar(value)) {
            const { line, col } = lines.linePos(value.range![0]);
            fields.push({ where: `${relative(PROJECT_ROOT, file)}:${line}:${col} ${path}${path ? "." : ""}${key}`, date: String(value.value) });
          } else visit(value, `${path}${path ? "." : ""}${key}`);
        }
      } else if (isSeq(node)) node.items.forEach((item, index) => visit(item as Node, `${path}[${index}]`));
    };
    visit(document.contents, "");
  }
  return fields.sort((a, b) => (a.where < b.where ? -1 : 1));
}

/**
 * The README's first command runs on the bundled example on any day: no waiver or sharing
 * agreement in it may run out. This fails a year ahead, so the maintainers renew the dates long
 * before a user meets an expired example. (The tests show expiring and expired ones with --today.)
 */
describe("the bundled example does not expire by itself", () => {
  const today = todayUtc();
  const fields = expiryFields(EXAMPLE_CONFIG);

  it("finds every waiver's and agreement's expiry", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today });
    expect(fields.length).toBeGreaterThanOrEqual(model.waivers.length + new Set(model.sharingAgreements.filter((a) => a.expires !== undefined).map((a) => a.approval)).size);
    expect(fields.every((field) => /^\d{4}-\d{2}-\d{2}$/.test(field.date))).toBe(true);
  });

  it("every expiry is at least a year from today", () => {
    const aYearFromToday = new Date(`${today}T00:00:00Z`);
    aYearFromToday.setUTCFullYear(aYearFromToday.getUTCFullYear() + 1);
    const limit = aYearFromToday.toISOString().slice(0, 10);
    const tooSoon = fields.filter((field) => field.date < limit).map((field) => `${field.where}: ${field.date} is less than a year from ${today}; move it years ahead`);
    expect(tooSoon).toEqual([]);
  });
});
