import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { error } from "../../config/declaration/problem";
import { readStatefulLock, serializeLock, type LoadedLock } from "../../config/declaration/stateful-lock";
import { SourceDocument } from "../../config/declaration/source-document";
import { DeclarationParseCache } from "../../config/declaration/parse-cache";
import { statefulLockSchema } from "../../config/declaration/stateful-lock";

// The lock as govcloud writes it is read with JSON.parse; anything else with the YAML reader and positions.
describe("reading the record of applied state", () => {
  const bundled = readFileSync(join(__dirname, "..", "..", "config", "stateful.lock.json"), "utf8");
  const where = mkdtempSync(join(tmpdir(), "govcloud-lock-"));
  afterAll(() => rmSync(where, { recursive: true, force: true }));
  const read = (name: string, text: string) => {
    const path = join(where, name);
    writeFileSync(path, text);
    return readStatefulLock(path, `config/${name}`);
  };

  it("reads the lock as written without the YAML reader, and the same lock written otherwise, through it, to the same record", () => {
    const yamlReader = jest.spyOn(SourceDocument, "parse");
    const asWritten = read("as-written.json", bundled) as LoadedLock;
    expect(yamlReader).not.toHaveBeenCalled();
    const reformatted = read("reformatted.json", JSON.stringify(JSON.parse(bundled)));
    expect(yamlReader).toHaveBeenCalledTimes(1);
    yamlReader.mockRestore();
    expect(Array.isArray(asWritten)).toBe(false);
    expect(serializeLock(asWritten.lock)).toBe(bundled);
    expect((reformatted as LoadedLock).lock).toEqual(asWritten.lock);
  });

  it("reads a lock text found valid in an earlier run without validating it again, to the record validation gave", () => {
    const path = join(where, "remembered.json");
    writeFileSync(path, bundled);
    const cacheFile = join(where, "parses");
    const first = DeclarationParseCache.open(cacheFile, "code");
    const validated = readStatefulLock(path, "config/remembered.json", first) as LoadedLock;
    first.save();
    expect(readFileSync(cacheFile, "utf8")).toMatch(/^lock [0-9a-f]{64}$/m);

    const validation = jest.spyOn(statefulLockSchema, "safeParse");
    const again = readStatefulLock(path, "config/remembered.json", DeclarationParseCache.open(cacheFile, "code")) as LoadedLock;
    expect(validation).not.toHaveBeenCalled();
    expect(JSON.stringify(again.lock)).toBe(JSON.stringify(validated.lock));
    const problem = error("config/remembered.json", ["entries", 1, "resources", 0], "a problem");
    expect(again.document!.position(problem)).toEqual(validated.document!.position(problem));

    // Another text, or other reader code, is validated.
    readStatefulLock(path, "config/remembered.json", DeclarationParseCache.open(cacheFile, "other code"));
    expect(validation).toHaveBeenCalledTimes(1);
    writeFileSync(path, bundled.replace('"version": 2', '"version": 3'));
    expect(Array.isArray(readStatefulLock(path, "config/remembered.json", DeclarationParseCache.open(cacheFile, "code")))).toBe(true);
    expect(validation).toHaveBeenCalledTimes(3);
    validation.mockRestore();
  });

  it("places a problem found later in the lock where the YAML reader places it", () => {
    const loaded = read("positions.json", bundled) as LoadedLock;
    const problem = error("config/positions.json", ["entries", 1, "resources", 0], "a problem");
    const expected = (SourceDocument.parse(bundled, "config/positions.json") as SourceDocument).position(problem);
    expect(loaded.document!.position(problem)).toEqual(expected);
    expect(expected.line).toBeGreaterThan(1);
  });

  it("refuses a duplicated key even where the rest is as govcloud writes it", () => {
    const duplicated = bundled.replace('  "version": 2,\n', '  "version": 2,\n  "version": 2,\n');
    const problems = read("duplicated.json", duplicated) as unknown[];
    expect(Array.isArray(problems)).toBe(true);
    expect(JSON.stringify(problems)).toMatch(/version/);
  });

  it("refuses a control character written as an escape", () => {
    const escaped = bundled.replace('"key": "big-data/dev"', '"key": "big-data/dev\\u0007"');
    expect(escaped).not.toBe(bundled);
    expect(Array.isArray(read("escaped.json", escaped))).toBe(true);
  });
});
