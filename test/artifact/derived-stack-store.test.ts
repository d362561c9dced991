import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DerivedStackStore, documentDigest } from "../../artifact/derived-stack-store";
import type { DerivedStack } from "../../artifact/output-stacks";

const derived: DerivedStack = {
  inventory: [{ address: "kubernetes_namespace_v1.ns", cluster: "shared-hz", namespace: "health-prod" }],
  projection: { resource: { kubernetes_namespace_v1: { ns: { provider: "kubernetes.shared-hz", lifecycle: { prevent_destroy: true } } } } },
};
const digest = documentDigest(Buffer.from('{"resource":{}}'));

function store(code = "code-1"): DerivedStackStore<unknown> {
  return new DerivedStackStore<unknown>(join(mkdtempSync(join(tmpdir(), "derived-")), ".derived"), code);
}

describe("the store of what syntheses derived of each stack", () => {
  it("hands back what was kept, for the same stack, bytes and code only", () => {
    const kept = store();
    expect(kept.read("dept-health", digest)).toBeUndefined();
    kept.write("dept-health", digest, derived);
    expect(kept.read("dept-health", digest)).toEqual(derived);
    expect(kept.read("dept-health", documentDigest(Buffer.from('{"resource":{"x":{}}}')))).toBeUndefined();
    expect(kept.read("dept-other", digest)).toBeUndefined();
    expect(new DerivedStackStore(kept.folder, "code-2").read("dept-health", digest)).toBeUndefined();
  });

  it("takes a damaged, truncated or foreign file for a miss", () => {
    const kept = store();
    kept.write("dept-health", digest, derived);
    const [file] = readdirSync(kept.folder);
    const whole = readFileSync(join(kept.folder, file), "utf8");
    for (const damaged of [whole.slice(0, whole.length / 2), "", "null", JSON.stringify({ ...JSON.parse(whole), format: 99 })]) {
      writeFileSync(join(kept.folder, file), damaged);
      expect(kept.read("dept-health", digest)).toBeUndefined();
    }
  });

  it("keeps nothing JSON would not carry back exactly", () => {
    const kept = store();
    const inexact: unknown[] = [undefined, Number.NaN, Infinity, -0, new Date(0), Object.create(null), JSON.parse('{"__proto__":1}'), [1, , 3]]; // eslint-disable-line no-sparse-arrays
    inexact.forEach((value, i) => kept.write(`dept-${i}`, digest, { ...derived, nested: [{ value }] }));
    expect(inexact.map((_, i) => kept.read(`dept-${i}`, digest))).toEqual(inexact.map(() => undefined));
    kept.write("dept-plain", digest, { ...derived, nested: [{ value: null, n: 1.5, s: "é", t: true }] });
    expect(kept.read("dept-plain", digest)).toBeDefined();
  });

  it("keeps only the stacks the platform still has", () => {
    const kept = store();
    for (const stack of ["dept-a", "dept-b", "dept-c"]) kept.write(stack, digest, derived);
    kept.keepOnly(["dept-a", "dept-c"]);
    expect(readdirSync(kept.folder).sort()).toEqual(["dept-a.json", "dept-c.json"]);
    expect(kept.read("dept-b", digest)).toBeUndefined();
  });

  it("hands back once from memory what it preloaded, the file read again after that or after a write", () => {
    const kept = store();
    kept.write("dept-health", digest, derived);
    kept.write("dept-other", digest, derived);
    writeFileSync(join(kept.folder, "dept-damaged.json"), "{");
    const preloaded = new DerivedStackStore<unknown>(kept.folder, "code-1");
    preloaded.preload();
    for (const name of readdirSync(kept.folder)) rmSync(join(kept.folder, name));
    expect(preloaded.read("dept-health", digest)).toEqual(derived);
    expect(preloaded.read("dept-health", digest)).toBeUndefined();
    expect(preloaded.read("dept-damaged", digest)).toBeUndefined();
    const changed = { ...derived, inventory: [] };
    preloaded.write("dept-other", digest, changed);
    expect(preloaded.read("dept-other", digest)).toEqual(changed);
  });
});
