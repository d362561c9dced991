import { readArtifact } from "../../../audit/export";
import { checkAgreementExpiry } from "../../../audit/sharing";
import { synthesizeExample } from "../../stacks/example-artifact";

/**
 * When an agreement's end reaches the clusters, read from the bundled example's artifact (its
 * shortest agreement, JNDSJ-2025-118, ends on 2036-12-15, a Monday): expiry is decided at
 * synthesis, so the policies stay until the first scheduled apply after the end.
 */
const stacks = readArtifact(synthesizeExample().outdir);
const LAND = "agreement JNDSJ-2025-118 (housing/prod/permit-api uses natural-resources/prod/land-api)";

describe("agreements whose end must reach the clusters", () => {
  it("a nightly apply closes every agreement the day after it ends: nothing to flag", () => {
    const report = checkAgreementExpiry(stacks, { applySchedule: "0 3 * * *" }, "2036-12-10");
    expect(report).toEqual({ schedule: { cron: "0 3 * * *", nextApply: "2036-12-11" }, agreements: 12, findings: [], passed: true });
  });

  it("a weekly apply leaves an agreement ending on its own day open until the week after", () => {
    const report = checkAgreementExpiry(stacks, { applySchedule: "0 3 * * mon" }, "2036-12-10");
    expect(report.schedule).toEqual({ cron: "0 3 * * mon", nextApply: "2036-12-15" });
    expect(report.findings.map((f) => [f.kind, f.message])).toEqual([
      ["outlasts-its-end", `${LAND} ends on 2036-12-15; the first scheduled apply after that is on 2036-12-22, so its policies stay open 6 days after it ends unless a synthesis is applied on 2036-12-16, or it is renewed`],
    ]);
    expect(report.passed).toBe(true);
  });

  it("without a scheduled apply, an agreement ending within 30 days is flagged", () => {
    const report = checkAgreementExpiry(stacks, {}, "2036-11-20");
    expect(report.schedule).toBeUndefined();
    expect(report.findings.map((f) => f.message)).toEqual([
      `${LAND} ends on 2036-12-15, in 25 days, and the platform declares no scheduled apply (platform.yaml operations.applySchedule): its policies stay open until someone synthesizes and applies after it ends`,
    ]);
  });

  it("fails when an ended agreement's policies are still in what is audited", () => {
    const report = checkAgreementExpiry(stacks, { applySchedule: "0 3 * * mon" }, "2036-12-17");
    expect(report.findings.map((f) => [f.kind, f.message])).toEqual([
      ["ended-but-applied", `${LAND} ended on 2036-12-15, but its policies are still here: synthesize and apply now (the scheduled apply closes it on 2036-12-22)`],
    ]);
    expect(report.passed).toBe(false);
  });

  it("counts only conditional agreements: unconditional sharing has no end", () => {
    const ends = stacks.flatMap((s) => s.resources).filter((r) => r.object.kind === "NetworkPolicy" && r.object.metadata.annotations?.["govcloud/share"] === "unconditional");
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((r) => r.object.metadata.annotations?.["govcloud/expires"] === undefined && r.object.metadata.annotations?.["govcloud/approval"] === undefined)).toBe(true);
  });
});
