import { decodeModel, encodeModel } from "../../config/model/model-transfer";
import type { PlatformModel } from "../../config/model/platform-model";
import { Bytes, Cpu } from "../../config/model/quantity";

describe("the model as it crosses to a worker thread", () => {
  it("arrives with its value classes, maps and absent-but-present fields as they were", () => {
    const model = { name: "p", quota: { cpu: Cpu.cores(2), memory: Bytes.gibibytes(4) }, byName: new Map([["a", { cpu: Cpu.millis(500) }]]), optional: undefined, list: [1, "x", null] };
    const arrived = decodeModel(encodeModel(model as unknown as PlatformModel)) as unknown as typeof model;
    expect(arrived).toEqual(model);
    expect(arrived.quota.cpu).toBeInstanceOf(Cpu);
    expect(arrived.byName.get("a")!.cpu).toBeInstanceOf(Cpu);
    expect(Object.prototype.hasOwnProperty.call(arrived, "optional")).toBe(true);
  });

  it("refuses a function or an unlisted class, naming where it is", () => {
    class Unlisted {}
    const withFunction = { departments: [{ services: [{ build: () => 1 }] }] };
    expect(() => encodeModel(withFunction as unknown as PlatformModel)).toThrow("model.departments[0].services[0].build: a function cannot be sent");
    const withClass = { clusters: new Map([["c", { pool: new Unlisted() }]]) };
    expect(() => encodeModel(withClass as unknown as PlatformModel)).toThrow("model.clusters.get(c).pool: a Unlisted instance cannot be sent");
  });
});
