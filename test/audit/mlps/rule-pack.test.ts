import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { MLPS_RULES, runRulePack, type RulePackResult } from "../../../audit/mlps";
import { MLPS_RULE_IDS } from "../../../config/rules/mlps-rule-ids";
import { runAudit } from "../../../audit/run-audit";
import type { PlatformModel } from "../../../config/model/platform-model";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";
import { mutate, refOf, remove } from "../rbac/artifact-mutation";

/** The MLPS rule pack on the bundled example, and on copies of its artifact broken on purpose. */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const model = example.model;

function pack(artifact: readonly ArtifactStack[], platform: PlatformModel = model, today = EXAMPLE_TODAY): RulePackResult {
  const audit = runAudit(artifact, platform, today);
  return runRulePack({ model: platform, stacks: artifact, flows: audit.flows, rbac: audit.rbac, tenancy: audit.tenancy }, today);
}
const result = pack(stacks);

describe("the MLPS rule pack", () => {
  it("describes every rule with an id, levels, a GB/T 22239-2019 item, a severity and a remedy", () => {
    expect(MLPS_RULES.length).toBe(25);
    expect(new Set(MLPS_RULES.map((r) => r.id)).size).toBe(MLPS_RULES.length);
    for (const rule of MLPS_RULES) {
      expect(rule.id).toMatch(/^MLPS-[A-Z]{3}-\d{2}$/);
      expect(rule.requirement.clause).toMatch(/^[789]\.[12]\.\d\.\d+$/);
      expect(rule.remedy.length).toBeGreaterThan(20);
    }
    expect(MLPS_RULES.find((r) => r.id === "MLPS-NET-01")!.requirement).toEqual({
      area: "安全区域边界",
      areaEnglish: "security area boundary",
      item: "访问控制",
      itemEnglish: "access control",
      clause: "8.1.3.2",
      clauseChecked: true,
    });
  });

  it("passes the bundled example, with its waived findings reported as waived, not hidden", () => {
    expect(result.errors).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.findings.filter((f) => f.status === "waived").map((f) => `${f.rule} ${f.target} ${f.waiver!.ticket}`)).toEqual([
      "MLPS-NET-04 ecology-environment/prod/monitoring-api JNDSJ-SEC-2026-0412",
      "MLPS-CMP-06 healthcare-security/prod/db JNYB-IT-2026-0097",
      "MLPS-CMP-06 public-security/core/db JNGA-KX-2026-0215",
      "MLPS-CMP-06 public-security/prod/db JNGA-KX-2026-0215",
    ]);
    expect(result.waivers.map((w) => [w.ticket, w.status, w.findings])).toEqual([
      ["JNYB-IT-2026-0097", "active", 1],
      ["JNGA-KX-2026-0215", "active", 2],
      ["JNDSJ-SEC-2026-0412", "expiring", 1],
    ]);
  });

  it("decides each control per level: met, partly, waived or not applicable", () => {
    const row = (rule: string, level: number) => result.controls.find((c) => c.rule === rule && c.level === level)!;
    expect(row("MLPS-NET-01", 3).state).toBe("met");
    expect(row("MLPS-NET-01", 1).state).toBe("not-applicable"); // the example hosts no level 1 environment
    expect(row("MLPS-CMP-06", 3).state).toBe("partly");
    expect(row("MLPS-CMP-06", 4).state).toBe("waived");
    expect(row("MLPS-NET-04", 2).state).toBe("waived");
    expect(row("MLPS-NET-01", 3).evidence[0]).toMatch(/^dept-[a-z-]+: kubernetes_network_policy_v1\..*default-deny/);
  });

  it("fails on a namespace without default deny, naming the target, the rule and the remedy", () => {
    const broken = remove(stacks, "NetworkPolicy", "default-deny", { namespace: "health-prod" });
    expect(pack(broken).errors).toContain(
      "MLPS-NET-01 health/prod: namespace health-prod has no default-deny policy for both directions. Remedy: Every tenant namespace needs the default-deny NetworkPolicy (all pods, Ingress and Egress, no rules); re-synthesize with govcloud synth.",
    );
  });

  it("fails on a level 3 workload without redundancy or outside its dedicated pool", () => {
    const broken = mutate(stacks, "Deployment", "portal", { namespace: "health-prod" }, (o) => {
      o.spec.replicas = 1;
      delete o.spec.template.spec.nodeSelector;
    });
    const errors = pack(broken).errors;
    expect(errors.filter((e) => e.includes("health/prod/portal"))).toEqual([
      "MLPS-CMP-05 health/prod/portal: 1 replicas, a disruption budget, spread over nodes. Remedy: Run at least 2 replicas; the templates add the PodDisruptionBudget and the topology spread.",
      "MLPS-CLD-03 health/prod/portal: not pinned to a dedicated node pool. Remedy: Declare a dedicated node pool for the level on the cluster; the templates then select and tolerate it.",
    ]);
  });

  it("fails when a waiver has expired, and warns when one matches nothing", () => {
    const later = pack(stacks, model, "2036-12-21");
    expect(later.errors).toContain(
      "waiver JNDSJ-SEC-2026-0412 (MLPS-NET-04 on ecology-environment/prod/monitoring-api) expired on 2036-12-20: fix the finding or renew the waiver with a new approval",
    );
    // The expired waiver no longer covers the finding.
    expect(later.findings.find((f) => f.rule === "MLPS-NET-04")!.status).toBe("violated");
    const stray = { ...model, waivers: [...model.waivers, { rule: "MLPS-NET-01", target: "transport/prod", reason: "x", compensatingMeasure: "z", risk: "low" as const, approver: "y", ticket: "T-1", granted: "2026-01-01", expires: "2037-01-01" }] };
    expect(pack(stacks, stray).warnings).toContain("waiver T-1 (MLPS-NET-01 on transport/prod) matches no finding: remove it");
  });

  it("lists every target and every address of a control row, none cut", () => {
    for (const row of result.controls) {
      const here = result.findings.filter((f) => f.rule === row.rule && f.level === row.level);
      if (here.length === 0) continue;
      expect(row.targetNames).toEqual([...new Set(here.map((f) => f.target))].sort());
      expect(row.evidence).toEqual([...new Set(here.flatMap((f) => f.evidence))].sort());
    }
    const images = result.controls.find((r) => r.rule === "MLPS-IMG-01" && r.level === 2)!;
    expect(images.targets).toBeGreaterThan(12);
    expect(images.targetNames).toHaveLength(images.targets);
  });

  it("states which areas of GB/T 22239-2019 the rules cover and why the others are out of scope", () => {
    expect(result.scope.map((s) => `${s.area} ${s.coverage}`)).toEqual([
      "安全物理环境 out-of-scope",
      "安全通信网络 covered",
      "安全区域边界 covered",
      "安全计算环境 covered",
      "安全管理中心 covered",
      "安全管理制度 out-of-scope",
      "安全管理机构 out-of-scope",
      "安全管理人员 out-of-scope",
      "安全建设管理 out-of-scope",
      "安全运维管理 out-of-scope",
      "安全扩展要求·云计算 covered",
      "安全扩展要求·移动互联 out-of-scope",
      "安全扩展要求·物联网 out-of-scope",
      "安全扩展要求·工业控制系统 out-of-scope",
    ]);
    // Every rule lands in exactly one area, and no out-of-scope area goes without its reason.
    expect(result.scope.flatMap((s) => s.rules).sort()).toEqual(MLPS_RULES.map((r) => r.id).sort());
    expect(result.scope.filter((s) => s.coverage === "out-of-scope" && !s.reason)).toEqual([]);
  });

  it("has exactly the rule ids that waivers are checked against before synthesis", () => {
    expect(MLPS_RULES.map((r) => r.id).sort()).toEqual([...MLPS_RULE_IDS].sort());
  });

  it("cites the Terraform address that proves a finding", () => {
    const finding = result.findings.find((f) => f.rule === "MLPS-CMP-01" && f.target === "health/prod")!;
    expect(finding).toMatchObject({ status: "met", level: 3, message: "enforce=restricted, level 3 needs restricted" });
    expect(finding.evidence).toEqual([refOf(stacks, "Namespace", "health-prod")]);
  });

  it("does not let a rule pass on a check the audit did not make", () => {
    const audit = runAudit(stacks, model, EXAMPLE_TODAY);
    const rbac = { ...audit.rbac, checks: audit.rbac.checks.filter((c) => c.id !== "rbac-separation-of-duties") };
    const without = runRulePack({ model, stacks, flows: audit.flows, rbac, tenancy: audit.tenancy }, EXAMPLE_TODAY);
    expect(without.errors).toContain(
      "MLPS-MGT-02 platform: no RBAC check rbac-separation-of-duties. Remedy: Declare disjoint admin groups in platform.yaml; keep the platform's separated roles.",
    );
  });
});
