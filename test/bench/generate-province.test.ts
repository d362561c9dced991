import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateProvince, writeProvince } from "../../bench/generate-province";
import { readPlatform } from "../../config/read-platform";

describe("generated province (bench/generate-province.ts)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "province-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is the same, byte for byte, for the same seed, and differs for another", () => {
    const files = (seed: number) => [...generateProvince({ departments: 10, seed }).files];
    expect(files(7)).toEqual(files(7));
    expect(files(8)).not.toEqual(files(7));
  });

  it("validates cleanly at 10 departments, with levels 2 to 4 and sharing within and across clusters", () => {
    const province = writeProvince(dir, { departments: 10, seed: 7 });
    const { model, problems } = readPlatform(dir, dir, { today: "2026-11-27" });
    expect(problems).toEqual([]);
    expect(model!.departments.map((d) => d.name)).toEqual(province.departments);
    expect(model!.clusters.map((c) => `${c.name}:${c.levels.join(",")}`).sort()).toEqual(["secure-l4:4", "shared-a:1,2,3", "shared-b:1,2,3"]);
    const environments = model!.departments.flatMap((d) => d.environments);
    expect([...new Set(environments.map((e) => e.level))].sort()).toEqual([2, 3, 4]);
    expect(province.services).toBe(province.environments * 6);
    const routes = new Set(model!.sharingAgreements.filter((a) => a.status !== "expired").map((a) => a.route));
    expect([...routes].sort()).toEqual(["direct", "gateway"]);
  });
});
