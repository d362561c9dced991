import type { IsoDate } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactStack } from "../export/read-artifact";
import { verifyFlows } from "../flows";
import { runRulePack } from "../mlps";
import { analyzeRbac } from "../rbac";
import { everyCheckPassed, type AuditResults } from "../run-audit";
import { validateStacks } from "../schema";
import { runTenancyBenchmark } from "../tenancy";
import { checkAgreementExpiry, verifySharingRoutes } from "../sharing";
import { verifySecretReads } from "../secrets";
import { placeLiveObjects, type LiveResources } from "./live-resources";
import type { LiveSnapshot } from "./read-snapshot";
import { findDrift, type DriftReport } from "./drift/find-drift";

/** The namespaces the platform governs on each cluster: its environments', the gateway's and the management zone's. */
export function governedNamespaces(model: PlatformModel): (cluster: string, namespace: string) => boolean {
  const tenants = new Set(model.departments.flatMap((d) => d.environments).map((e) => `${e.cluster}\u0000${e.namespace}`));
  const zones = new Set([model.network.gateway.namespace, model.network.management.namespace]);
  return (cluster, namespace) => zones.has(namespace) || tenants.has(`${cluster}\u0000${namespace}`);
}

/** Which snapshot an audit read: per cluster, when it was taken and how many objects it held. */
export interface LiveSource {
  readonly dir: string;
  readonly clusters: ReadonlyArray<{ readonly cluster: string; readonly takenAt: string; readonly objects: number }>;
}

export interface LiveAuditResults extends AuditResults {
  readonly live: LiveSource;
  /** How the clusters differ from the artifact; drift that weakens isolation fails the audit. */
  readonly drift: DriftReport;
}

/**
 * snapshot → audit: the same checks as on the artifact (schemas, connectivity, RBAC, tenancy, the
 * MLPS rule pack), on what the clusters really hold. Objects Terraform made are cited by their
 * Terraform address; the others as `live <cluster>: not made by Terraform`.
 */
export function runLiveAudit(snapshot: LiveSnapshot, artifact: readonly ArtifactStack[], model: PlatformModel, today: IsoDate): { results: LiveAuditResults; resources: LiveResources } {
  const governs = governedNamespaces(model);
  const resources = placeLiveObjects(snapshot.clusters, artifact, governs);
  const drift = findDrift(resources.placed, artifact, model, governs, today);
  const findings = validateStacks(resources.all);
  const flows = verifyFlows(resources.connectivity, model);
  const rbac = analyzeRbac(resources.objects, model);
  const tenancy = runTenancyBenchmark(resources.objects, model, rbac);
  const mlps = runRulePack({ model, stacks: resources.objects, flows, rbac, tenancy, clusterApiObjects: false }, today);
  const sharingRoutes = verifySharingRoutes(resources.objects, model);
  // Tenants' pods only: the platform components in the gateway and management zones bring their own Secrets.
  const tenants = new Set(model.departments.flatMap((d) => d.environments).map((e) => `${e.cluster}\u0000${e.namespace}`));
  const secrets = verifySecretReads(resources.objects, artifact, (read) => tenants.has(`${read.cluster}\u0000${read.namespace}`));
  const sharingExpiry = checkAgreementExpiry(resources.objects, model, today);
  const schema = { status: findings.length === 0 ? ("pass" as const) : ("fail" as const), findings };
  const results: LiveAuditResults = {
    platform: { name: model.name, displayName: model.displayName },
    stacks: resources.objects.length,
    objects: snapshot.clusters.reduce((n, c) => n + c.objects.length, 0),
    schema,
    flows,
    rbac,
    tenancy,
    sharingRoutes,
    secrets,
    sharingExpiry,
    mlps,
    passed: everyCheckPassed({ schema, flows, rbac, tenancy, sharingRoutes, secrets, sharingExpiry, mlps }) && !drift.weakensIsolation,
    drift,
    live: { dir: snapshot.dir, clusters: snapshot.clusters.map((c) => ({ cluster: c.cluster, takenAt: c.takenAt, objects: c.objects.length })) },
  };
  return { results, resources };
}
