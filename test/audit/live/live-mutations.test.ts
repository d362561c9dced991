import { readArtifact } from "../../../audit/export";
import { runLiveAudit, type LiveAuditResults } from "../../../audit/live";
import { formatDrift } from "../../../audit/live/drift/find-drift";
import { formatFinding } from "../../../audit/rbac";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";
import { ExampleSnapshot } from "./example-snapshot";
import { MUTATIONS } from "./issue-mutations";
import { policyReports } from "../../../audit/live/policy-reports";

/**
 * What an incident leaves on a cluster, found in a live snapshot: every mutation of issue 16 is
 * applied to one snapshot of the bundled example (each in its own namespace, so none hides
 * another), audited once, and each must be named with its object and reason.
 */
const example = synthesizeExample();
const artifact = readArtifact(example.outdir);

function audit(mutate: (snapshot: ExampleSnapshot) => void): LiveAuditResults {
  const snapshot = new ExampleSnapshot(example.outdir);
  mutate(snapshot);
  return runLiveAudit(snapshot.inMemory(), artifact, example.model, EXAMPLE_TODAY).results;
}

describe("the live audit of a snapshot where every mutation of the issue happened", () => {
  let results: LiveAuditResults;
  let drift: string[];
  beforeAll(() => {
    results = audit((s) => Object.values(MUTATIONS).forEach((mutate) => mutate(s)));
    drift = results.drift.findings.map(formatDrift);
  });
  const failing = (part: "rbac" | "tenancy", id: string) => results[part].checks.find((c) => c.id === id)!.findings.map(formatFinding);

  it("fails, because isolation weakened", () => {
    expect(results.passed).toBe(false);
    expect(results.drift.weakensIsolation).toBe(true);
  });

  it("finds the hand-made allow-all policy and the connections it opens", () => {
    expect(drift).toContain(
      "shared-hz: present, not declared: NetworkPolicy health-prod/allow-all: an allow policy no declared flow asks for: it opens connections the declaration does not; not made by Terraform; weakens isolation",
    );
    const differences = results.flows.clusters.find((c) => c.cluster === "shared-hz")!.differences.map((d) => `${d.kind}: ${d.src} => ${d.dst} : ${d.ports} (${d.detail})`);
    // Every address reaches the database: the analyzer cuts the address space at the ranges other
    // policies name (the API server's address among them), so the whole space comes in pieces.
    const suffix = "[External] => health-prod/db[StatefulSet] : All Connections (allowed by health-prod/allow-all (not made by Terraform))";
    const ranges = differences.filter((d) => d.startsWith("unintended: ") && d.endsWith(suffix)).map((d) => d.slice("unintended: ".length, -suffix.length));
    const toNumber = (address: string) => address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
    const pieces = ranges.map((r) => r.split("-").map(toNumber)).sort((a, b) => a[0] - b[0]);
    expect(pieces[0][0]).toBe(0);
    expect(pieces[pieces.length - 1][1]).toBe(toNumber("255.255.255.255"));
    pieces.slice(1).forEach(([start], i) => expect(start).toBe(pieces[i][1] + 1));
  });

  it("finds the deleted default deny, with the Terraform resource that declares it", () => {
    expect(drift).toContain(
      "shared-hz: declared, missing: NetworkPolicy finance-prod/default-deny: a declared deny policy is gone: what it denied is no longer denied; dept-finance: kubernetes_network_policy_v1.tenant_prod_firewall_default-deny_8CAE40FE; weakens isolation",
    );
    expect(failing("tenancy", "MTB-PL1-BC-NI-1")).toEqual([
      "dept-finance: kubernetes_namespace_v1.tenant_prod_namespace_35782AAB: Namespace finance-prod: has no NetworkPolicy selecting every pod (podSelector {}) with policyTypes [Ingress, Egress] and no rules: other tenants are not denied by default",
    ]);
  });

  it("finds the RoleBinding that gives an unknown group edit", () => {
    expect(drift).toContain(
      "shared-hz: present, not declared: RoleBinding education-prod/hotfix-access: a binding nobody declared: grants ClusterRole edit to Group vendor-oncall; not made by Terraform; weakens isolation",
    );
  });

  it("finds the privileged pod in a level-3 namespace", () => {
    expect(drift).toContain(
      "shared-hz: present, not declared: Pod hrss-prod/debug: a privileged workload: spec.containers[0].securityContext.privileged is true; not made by Terraform; weakens isolation",
    );
    expect(failing("tenancy", "MTB-PL1-BC-CPI-5")).toContain("live shared-hz: not made by Terraform: Pod hrss-prod/debug: spec.containers[0].securityContext.privileged: is true");
  });

  it("finds a privileged pod that claims a Deployment as its owner, and checks it itself", () => {
    expect(drift).toContain(
      "shared-hz: declared, different: Pod public-security-prod/household-check-bg9qrnz4kp-zzzzz spec: a privileged pod its controller Deployment public-security-prod/household-check does not make: spec.containers[0].securityContext.privileged is true; dept-public-security: kubernetes_deployment_v1.tenant_prod_svc-household-check_deployment_8EFB18B5; weakens isolation",
    );
    expect(failing("tenancy", "MTB-PL1-BC-CPI-5")).toContain("live shared-hz: not made by Terraform: Pod public-security-prod/household-check-bg9qrnz4kp-zzzzz: spec.containers[0].securityContext.privileged: is true");
  });

  it("finds the binding that lets auditors read Secrets", () => {
    expect(drift).toContain(
      "shared-hz: present, not declared: ClusterRoleBinding incident-auditors-read-secrets: a binding nobody declared: grants ClusterRole incident-secret-reader to Group govcloud-audit-admins; not made by Terraform; weakens isolation",
    );
    expect(failing("rbac", "rbac-separation-of-duties")).toEqual([
      "live shared-hz: not made by Terraform: audit admin group govcloud-audit-admins can get, list core/secrets cluster-wide on cluster shared-hz (live shared-hz: not made by Terraform rules[0]): audit admins only read, and never Secrets",
    ]);
  });

  it("finds the pod whose labels moved it out of its policies", () => {
    const moved = drift.filter((line) => line.includes("Pod civil-affairs-prod/portal-"));
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(
      /^shared-hz: declared, different: Pod civil-affairs-prod\/portal-[a-z0-9]+-[a-z0-9]+ metadata\.labels: its labels are not the pod template's of Deployment civil-affairs-prod\/portal \(app\.kubernetes\.io\/name is "portal-debug", not "portal"\): NetworkPolicies select it apart from its controller's other pods; dept-civil-affairs: kubernetes_deployment_v1\.tenant_prod_svc-portal_deployment_BF217948; weakens isolation$/,
    );
  });

  it("finds the policy of an expired agreement still present", () => {
    expect(drift).toContain(
      "shared-hz: expired agreement, policy still present: NetworkPolicy big-data-prod/share-housing-prod-permit-api-to-exchange-2025-ingress: the sharing agreement JNDSJ-2025-004 expired on 2025-12-31; its policy still opens the flow; not made by Terraform; weakens isolation",
    );
  });

  it("reports nothing else as drift but the role the auditors' binding uses", () => {
    expect(drift).toHaveLength(9);
    expect(drift).toContain("shared-hz: present, not declared: ClusterRole incident-secret-reader: a ClusterRole nobody declared; not made by Terraform");
  });
});

describe("PolicyReports of the mutated snapshot", () => {
  it("put each finding in its namespace's report, in the wgpolicyk8s.io/v1alpha2 shape policy-reporter reads", () => {
    const results = audit((s) => Object.values(MUTATIONS).forEach((mutate) => mutate(s)));
    const homes = example.model.departments.flatMap((d) => d.environments.map((e) => ({ department: d.name, environment: e.name, cluster: e.cluster, namespace: e.namespace })));
    const reports = policyReports(results, homes).get("shared-hz")!;
    expect(reports[0]).toMatchObject({ apiVersion: "wgpolicyk8s.io/v1alpha2", kind: "ClusterPolicyReport", metadata: { name: "govcloud-live-audit" } });
    expect(reports[0].results.filter((r) => r.policy === "govcloud-drift").map((r) => `${r.result} ${r.rule} ${r.resources![0].kind} ${r.resources![0].name}`)).toEqual([
      "warn present-not-declared ClusterRole incident-secret-reader",
      "fail present-not-declared ClusterRoleBinding incident-auditors-read-secrets",
    ]);
    const health = reports.find((r) => r.metadata.namespace === "health-prod")!;
    expect(health.kind).toBe("PolicyReport");
    expect(health.results.find((r) => r.policy === "govcloud-drift")).toEqual({
      source: "govcloud",
      policy: "govcloud-drift",
      rule: "present-not-declared",
      category: "Drift against the artifact",
      result: "fail",
      severity: "high",
      scored: true,
      message: "an allow policy no declared flow asks for: it opens connections the declaration does not",
      timestamp: { seconds: Date.parse("2026-11-27T08:30:00Z") / 1000, nanos: 0 },
      resources: [{ kind: "NetworkPolicy", name: "allow-all", namespace: "health-prod" }],
      properties: { terraform: "not made by Terraform" },
    });
    expect(health.summary.fail).toBeGreaterThan(0);
    const hrss = reports.find((r) => r.metadata.namespace === "hrss-prod")!;
    expect(hrss.results.filter((r) => r.policy === "MTB-PL1-BC-CPI-5").map((r) => r.message)).toEqual(["spec.containers[0].securityContext.privileged: is true"]);
    for (const report of reports) {
      expect(report.summary).toEqual({
        pass: report.results.filter((r) => r.result === "pass").length,
        fail: report.results.filter((r) => r.result === "fail").length,
        warn: report.results.filter((r) => r.result === "warn").length,
        error: 0,
        skip: report.results.filter((r) => r.result === "skip").length,
      });
      for (const result of report.results) {
        expect(["pass", "fail", "warn", "error", "skip"]).toContain(result.result);
        expect(["critical", "high", "medium", "low", "info"]).toContain(result.severity);
      }
    }
  });
});

describe("harmless drift", () => {
  it("passes with a warning: a Deployment scaled by hand and an extra ServiceAccount weaken nothing", () => {
    const results = audit((s) => {
      s.find("shared-hz", "Deployment", "transport-prod", "portal").spec.replicas = 3;
      s.objects("shared-hz").push({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "ci-deployer", namespace: "transport-prod", uid: "4f1c", resourceVersion: "1", creationTimestamp: "2026-11-26T10:00:00Z" } });
    });
    expect(results.drift.findings.map(formatDrift)).toEqual([
      "shared-hz: declared, different: Deployment transport-prod/portal spec.replicas: changed on the cluster (declared 2, running 3); dept-transport: kubernetes_deployment_v1.tenant_prod_svc-portal_deployment_BF217948",
      "shared-hz: present, not declared: ServiceAccount transport-prod/ci-deployer: a ServiceAccount nobody declared; not made by Terraform",
    ]);
    expect(results.drift.weakensIsolation).toBe(false);
    expect(results.passed).toBe(true);
  });
});
