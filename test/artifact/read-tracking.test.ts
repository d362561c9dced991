import { ReadRecorder, readsStillHold } from "../../artifact/read-tracking";
import { Cpu } from "../../config/model/quantity";

/** A computation over tracked roots, and whether its recorded reads hold for other roots. */
function recordThenCheck<T>(roots: Record<string, unknown>, compute: (tracked: Record<string, any>) => T, others: Record<string, unknown>) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const recorder = new ReadRecorder(roots);
  const tracked = Object.fromEntries(Object.keys(roots).map((name) => [name, recorder.tracked(name)]));
  const result = compute(tracked);
  return { result, holds: readsStillHold(recorder.reads(), others), same: readsStillHold(recorder.reads(), roots) };
}

describe("read tracking", () => {
  const model = { name: "p", clusters: [{ name: "a", cpu: Cpu.cores(2) }, { name: "b", cpu: Cpu.millis(500) }], labels: { x: "1" } };

  it("holds while what was read is unchanged, whatever else changed", () => {
    const check = recordThenCheck({ model }, (t) => t.model.clusters.find((c: { name: string }) => c.name === "a").cpu.toString(), {
      model: { ...model, name: "other", clusters: [model.clusters[0], { name: "b", cpu: Cpu.cores(9) }] },
    });
    expect(check.result).toBe("2");
    expect(check.same).toBe(true);
    expect(check.holds).toBe(true);
  });

  it("fails when a value read changed, through a class's own methods too", () => {
    const check = recordThenCheck({ model }, (t) => t.model.clusters[0].cpu.toString(), {
      model: { ...model, clusters: [{ name: "a", cpu: Cpu.cores(3) }, model.clusters[1]] },
    });
    expect(check.holds).toBe(false);
  });

  it("fails when an absent property read appears, or a truthiness test's object disappears", () => {
    expect(recordThenCheck({ model }, (t) => t.model.backup ?? "none", { model: { ...model, backup: {} } }).holds).toBe(false);
    expect(recordThenCheck({ model }, (t) => (t.model.labels ? "yes" : "no"), { model: { ...model, labels: undefined } }).holds).toBe(false);
  });

  it("keys on the key list when keys are enumerated, and on `in`", () => {
    const spread = (t: Record<string, any>) => ({ ...t.model.labels }); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(recordThenCheck({ model }, spread, { model: { ...model, labels: { x: "1", y: "2" } } }).holds).toBe(false);
    expect(recordThenCheck({ model }, spread, { model: { ...model, labels: { x: "1" } } }).holds).toBe(true);
    expect(recordThenCheck({ model }, (t) => "y" in t.model.labels, { model: { ...model, labels: { x: "1", y: "2" } } }).holds).toBe(false);
  });

  it("reads maps by key, and keys on the whole map when it is iterated", () => {
    const policies = new Map([["a/ns", [{ name: "p1" }]], ["b/ns", [{ name: "p2" }]]]);
    const changedOther = new Map([["a/ns", [{ name: "p1" }]], ["b/ns", [{ name: "p3" }]]]);
    const byKey = recordThenCheck({ policies }, (t) => t.policies.get("a/ns")[0].name, { policies: changedOther });
    expect(byKey.result).toBe("p1");
    expect(byKey.holds).toBe(true);
    expect(recordThenCheck({ policies }, (t) => t.policies.get("b/ns")[0].name, { policies: changedOther }).holds).toBe(false);
    expect(recordThenCheck({ policies }, (t) => [...t.policies.keys()].length, { policies: changedOther }).holds).toBe(false);
    expect(recordThenCheck({ policies }, (t) => t.policies.has("c/ns"), { policies: new Map([["c/ns", []]]) }).holds).toBe(false);
  });

  it("gives the same object for the same path, and refuses writes to inputs", () => {
    const recorder = new ReadRecorder({ model });
    const tracked = recorder.tracked<typeof model>("model");
    expect(tracked.clusters[0]).toBe(tracked.clusters[0]);
    expect(() => {
      (tracked as { name: string }).name = "changed";
    }).toThrow("a stack's inputs are read-only while it is built");
  });

  it("keeps the reads flat, and takes kept reads it cannot walk to the end for changed ones", () => {
    const recorder = new ReadRecorder({ model });
    const tracked = recorder.tracked<typeof model>("model");
    void [tracked.name, Object.keys(tracked.labels), "x" in tracked.labels];
    const reads = recorder.reads();
    expect(reads.model.every((item) => item === null || typeof item === "string" || typeof item === "number")).toBe(true);
    expect(readsStillHold(reads, { model })).toBe(true);
    expect(readsStillHold(JSON.parse(JSON.stringify(reads)), { model })).toBe(true);
    for (const damaged of [reads.model.slice(0, -1), [...reads.model, null], reads.model.map((item) => (typeof item === "number" ? String(item) : item)), "model"]) {
      expect(readsStillHold({ model: damaged as never }, { model })).toBe(false);
    }
    expect(readsStillHold({ ...reads, other: reads.model }, { model })).toBe(false);
  });
});
