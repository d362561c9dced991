import type { CheckFinding } from "../rbac";
import type { DriftFinding } from "./drift/find-drift";
import type { LiveAuditResults } from "./run-live-audit";

/**
 * The live audit's findings where operators already look: PolicyReport objects
 * (`wgpolicyk8s.io/v1alpha2`, the format Kyverno and policy-reporter read), one per namespace, and
 * one ClusterPolicyReport per cluster for cluster-scoped objects and findings without a namespace.
 * `kubectl apply -f` them on the cluster (the CRDs come with Kyverno or policy-reporter) and the
 * dashboards and alerts show them beside every other policy engine's.
 */

export const POLICY_REPORT_API_VERSION = "wgpolicyk8s.io/v1alpha2";
/** The report's name in every namespace: applying a newer snapshot's reports replaces the older ones. */
export const POLICY_REPORT_NAME = "govcloud-live-audit";

type Result = "pass" | "fail" | "warn" | "error" | "skip";
type Severity = "critical" | "high" | "medium" | "low" | "info";

export interface PolicyReportResult {
  readonly source: "govcloud";
  readonly policy: string;
  readonly rule: string;
  readonly category: string;
  readonly result: Result;
  readonly severity: Severity;
  readonly scored: true;
  readonly message: string;
  readonly timestamp: { readonly seconds: number; readonly nanos: 0 };
  readonly resources?: ReadonlyArray<{ readonly apiVersion?: string; readonly kind: string; readonly name: string; readonly namespace?: string }>;
  readonly properties?: Readonly<Record<string, string>>;
}

export interface PolicyReport {
  readonly apiVersion: typeof POLICY_REPORT_API_VERSION;
  readonly kind: "PolicyReport" | "ClusterPolicyReport";
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels: Readonly<Record<string, string>> };
  readonly summary: Readonly<Record<Result, number>>;
  readonly results: readonly PolicyReportResult[];
}

/** A result before it is placed: the cluster and namespace it belongs in. */
interface Placed {
  readonly cluster: string;
  readonly namespace?: string;
  readonly result: Omit<PolicyReportResult, "source" | "scored" | "timestamp">;
}

/** Where a declared environment lives: MLPS findings name environments, reports are per namespace. */
export interface EnvironmentHome {
  readonly department: string;
  readonly environment: string;
  readonly cluster: string;
  readonly namespace: string;
}

/** Per cluster, its reports: the ClusterPolicyReport first, then one PolicyReport per namespace by name. */
export function policyReports(results: LiveAuditResults, environments: readonly EnvironmentHome[]): Map<string, PolicyReport[]> {
  const placed = [...driftResults(results.drift.findings), ...checkResults(results), ...connectivityResults(results), ...ruleResults(results, environments)];
  const reports = new Map<string, PolicyReport[]>();
  for (const { cluster, takenAt } of results.live.clusters) {
    const seconds = Math.floor(Date.parse(takenAt) / 1000);
    const mine = placed.filter((p) => p.cluster === cluster);
    const namespaces = [...new Set(mine.flatMap((p) => (p.namespace !== undefined ? [p.namespace] : [])))].sort();
    const report = (namespace: string | undefined): PolicyReport => {
      const items = mine
        .filter((p) => p.namespace === namespace)
        .map((p): PolicyReportResult => ({ source: "govcloud", scored: true, timestamp: { seconds, nanos: 0 }, ...p.result }));
      const summary = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
      for (const item of items) summary[item.result]++;
      return {
        apiVersion: POLICY_REPORT_API_VERSION,
        kind: namespace === undefined ? "ClusterPolicyReport" : "PolicyReport",
        metadata: {
          name: POLICY_REPORT_NAME,
          ...(namespace !== undefined ? { namespace } : {}),
          labels: { "app.kubernetes.io/managed-by": "govcloud", "govcloud/snapshot-taken-at": takenAt.replace(/:/g, "-") },
        },
        summary,
        results: items,
      };
    };
    reports.set(cluster, [report(undefined), ...namespaces.map(report)]);
  }
  return reports;
}

function driftResults(findings: readonly DriftFinding[]): Placed[] {
  return findings.map((f) => ({
    cluster: f.cluster,
    namespace: f.namespace,
    result: {
      policy: "govcloud-drift",
      rule: f.kind,
      category: "Drift against the artifact",
      result: f.weakensIsolation ? "fail" : "warn",
      severity: f.weakensIsolation ? "high" : "low",
      message: `${f.reason}${f.declared !== undefined || f.live !== undefined ? ` (declared ${f.declared ?? "nothing"}, running ${f.live ?? "nothing"})` : ""}`,
      resources: [{ kind: f.objectKind, name: f.name, ...(f.namespace !== undefined ? { namespace: f.namespace } : {}) }],
      properties: { terraform: f.terraform ?? "not made by Terraform", ...(f.field ? { field: f.field } : {}) },
    },
  }));
}

/** `Kind namespace/name` or `Kind name`, as the RBAC and tenancy findings name objects. */
function objectOf(finding: CheckFinding): { kind: string; name: string; namespace?: string } | undefined {
  const match = /^(\S+) (?:([^/\s]+)\/)?(\S+)$/.exec(finding.object ?? "");
  return match ? { kind: match[1], name: match[3], ...(match[2] !== undefined ? { namespace: match[2] } : {}) } : undefined;
}

/** Which cluster a finding is on: the live stack names it (`live <cluster>`), else its message does. */
function clusterOf(finding: CheckFinding, clusters: readonly string[]): string | undefined {
  const live = /^live (\S+)$/.exec(finding.stack ?? "")?.[1];
  return live ?? clusters.find((c) => finding.message.includes(`cluster ${c}`)) ?? (clusters.length === 1 ? clusters[0] : undefined);
}

function checkResults(results: LiveAuditResults): Placed[] {
  const clusters = results.live.clusters.map((c) => c.cluster);
  const placed: Placed[] = [];
  for (const [part, report] of [["RBAC", results.rbac], ["Multi-tenancy benchmark", results.tenancy]] as const) {
    for (const check of report.checks.filter((c) => c.status === "fail")) {
      for (const finding of check.findings) {
        const object = objectOf(finding);
        const targets = clusterOf(finding, clusters) !== undefined ? [clusterOf(finding, clusters)!] : clusters;
        for (const cluster of targets) {
          placed.push({
            cluster,
            namespace: object?.namespace,
            result: {
              policy: check.id,
              rule: check.title,
              category: part,
              result: "fail",
              severity: "high",
              message: [finding.field, finding.message].filter(Boolean).join(": "),
              ...(object ? { resources: [object] } : {}),
              properties: { terraform: finding.stack && finding.address ? `${finding.stack}: ${finding.address}` : finding.stack ?? "" },
            },
          });
        }
      }
    }
  }
  return placed;
}

/** `health-prod/portal[Deployment]` → its namespace; addresses and other clusters' gateways have none. */
function namespaceOfPeer(peer: string): string | undefined {
  return /^([a-z0-9-]+)\/[^[]+\[[A-Za-z]+\]$/.exec(peer)?.[1];
}

function connectivityResults(results: LiveAuditResults): Placed[] {
  return results.flows.clusters.flatMap((c) =>
    c.differences.map((d) => ({
      cluster: c.cluster,
      // The receiving side's namespace holds the ingress that should have stopped it; else the sender's.
      namespace: namespaceOfPeer(d.dst) ?? namespaceOfPeer(d.src),
      result: {
        policy: "govcloud-connectivity",
        rule: d.kind,
        category: "Network isolation",
        result: "fail" as const,
        severity: d.kind === "unintended" ? ("high" as const) : ("medium" as const),
        message: `${d.src} => ${d.dst} : ${d.ports} (${d.detail})`,
      },
    })),
  );
}

/**
 * MLPS rule findings name a target `department/environment[/service]`, a whole department, a
 * cluster (`cluster/<name>`) or the platform: an environment's go in its namespace's report, a
 * cluster's in its ClusterPolicyReport, the others in the ClusterPolicyReport of every cluster they concern.
 */
function ruleResults(results: LiveAuditResults, environments: readonly EnvironmentHome[]): Placed[] {
  const clusters = results.live.clusters.map((c) => c.cluster);
  // A violated rule of warning severity does not fail the audit; its result is a warning too.
  const warningRules = new Set(results.mlps.controls.filter((c) => c.severity !== "error").map((c) => c.rule));
  const placed: Placed[] = [];
  for (const f of results.mlps.findings) {
    const [department, environment] = f.target.split("/");
    // Waived, or not provable from what the audit reads (checked by hand): not evaluated here.
    const status: Result = f.status === "met" ? "pass" : f.status === "waived" || f.status === "not-provable" ? "skip" : warningRules.has(f.rule) ? "warn" : "fail";
    const result = {
      policy: f.rule,
      rule: f.target,
      category: "MLPS 2.0 (GB/T 22239-2019)",
      result: status,
      severity: status === "fail" ? ("high" as const) : status === "warn" ? ("medium" as const) : ("info" as const),
      message: f.message,
      ...(f.waiver ? { properties: { waiver: f.waiver.ticket, approver: f.waiver.approver, expires: f.waiver.expires } } : {}),
    };
    // A cluster's own finding (`cluster/<name>`, its control plane) goes in that cluster's report only.
    if (department === "cluster") {
      if (clusters.includes(environment)) placed.push({ cluster: environment, result });
      continue;
    }
    const homes = environments.filter((e) => e.department === department && (environment === undefined || e.environment === environment) && clusters.includes(e.cluster));
    if (environment !== undefined && homes.length > 0) {
      for (const home of homes) placed.push({ cluster: home.cluster, namespace: home.namespace, result });
    } else {
      const concerned = homes.length > 0 ? [...new Set(homes.map((h) => h.cluster))] : clusters;
      for (const cluster of concerned) placed.push({ cluster, result });
    }
  }
  return placed;
}
