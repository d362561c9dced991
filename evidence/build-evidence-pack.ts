import type { ArtifactStack } from "../audit/export";
import { viewArtifact } from "../audit/mlps/artifact-view";
import type { AuditResults } from "../audit/run-audit";
import type { SharingRouteReport } from "../audit/sharing";
import { ADMIN_DUTIES, adminClusterRoleName } from "../constructs/platform/rbac-rules";
import type { IsoDate } from "../config/model/calendar";
import type { PlatformModel } from "../config/model/platform-model";
import { serviceReplicas } from "../config/model/workload-sizing";
import type { Level } from "../config/schema/common";
import { declarationStamp } from "./declaration-stamp";
import { clusterProvisioningEvidence } from "./cluster-provisioning-evidence";
import type { DataCatalogueRow, DataClassificationEntry, DataSharingEntry, EvidencePack } from "./evidence-pack";
import { applySchedule } from "../config/model/apply-schedule";
import type { Ledger } from "./ledger";
import type { LiveSource } from "../audit/live/run-live-audit";
import type { DriftReport } from "../audit/live/drift/find-drift";

export interface EvidenceSources {
  readonly model: PlatformModel;
  readonly stacks: readonly ArtifactStack[];
  readonly audit: AuditResults;
  readonly ledger: Ledger;
  readonly configDir: string;
  readonly today: IsoDate;
  /** The live snapshot the audit read, when it read one instead of the artifact. */
  readonly live?: LiveSource;
  readonly drift?: DriftReport;
}

/**
 * audit → evidence. Registers are read from the artifact where it holds the fact (which data
 * class runs at which level in which zone, which policies implement an agreement) and from the
 * model for what only the declaration says (names, purposes, approvals).
 */
export function buildEvidencePack({ model, stacks, audit, ledger, configDir, today, live, drift }: EvidenceSources): EvidencePack {
  const environments = model.departments.flatMap((d) => d.environments);
  return {
    stamp: { ...declarationStamp(configDir), date: today },
    ...(live ? { live } : {}),
    ...(drift ? { drift } : {}),
    overview: {
      name: model.name,
      displayName: model.displayName,
      operator: model.operator,
      clusters: model.clusters.map((c) => ({
        name: c.name,
        displayName: c.displayName,
        levels: c.levels,
        gatewayAddresses: c.gatewayAddresses,
        nodePools: c.nodePools.map((p) => ({ name: p.name, levels: p.levels, arch: p.arch, cpuVendor: p.cpuVendor, os: p.os, localized: p.localized, nodes: p.nodes, dedicated: p.dedicated })),
      })),
      externalNetworks: model.network.externalNetworks.map((n) => ({ name: n.name, displayName: n.displayName ?? n.name, cidrs: n.cidrs, levels: n.levels as Level[] })),
      departments: model.departments.filter((d) => !d.retired).length,
      environments: environments.length,
      services: environments.reduce((n, e) => n + e.services.length, 0),
      environmentsByLevel: Object.fromEntries([1, 2, 3, 4].map((l) => [String(l), environments.filter((e) => e.level === l).length])),
      logRetentionDays: model.logRetentionDays,
      registries: model.registries,
    },
    audit: withoutRulePack(audit),
    controls: audit.mlps,
    separationOfDuties: ADMIN_DUTIES.map((duty) => ({ duty, groups: [...model.admins[duty]].sort(), role: adminClusterRoleName(duty) })),
    dataClassification: dataClassification(model, stacks),
    dataCatalogue: dataCatalogue(model),
    dataSharing: dataSharing(model, stacks, audit.sharingRoutes),
    clusterProvisioning: clusterProvisioningEvidence(model, stacks),
    inventory: model.departments.map((d) => ({
      department: d.name,
      displayName: d.displayName,
      retired: d.retired,
      environments: d.environments.map((e) => ({
        name: e.name,
        level: e.level,
        cluster: e.cluster,
        namespace: e.namespace,
        services: e.services.map((s) => ({ name: s.name, template: s.template, exposure: s.exposure, dataClass: s.dataClass, replicas: serviceReplicas(s, e.level) })),
        quota: { cpu: e.quota.cpu.toString(), memory: e.quota.memory.toString(), storage: e.quota.storage.toString() },
      })),
    })),
    ledger,
  };
}

/** Every service as it will run: its data class, level and zone from the labels of its workload. */
function dataClassification(model: PlatformModel, stacks: readonly ArtifactStack[]): DataClassificationEntry[] {
  const names = new Map(model.departments.map((d) => [d.name, d.displayName]));
  const seen = new Set<string>();
  return viewArtifact(stacks)
    .workloads.filter((w) => w.component !== "backup")
    .flatMap((w) => {
      const labels = w.template.resource.object.metadata.labels ?? {};
      const key = `${w.namespace.cluster}/${w.target}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const dataClass = labels["govcloud/data-class"] ?? "";
      return [
        {
          department: labels["govcloud/department"] ?? "",
          departmentName: names.get(labels["govcloud/department"] ?? "") ?? "",
          environment: labels["govcloud/environment"] ?? "",
          service: w.service,
          dataClass,
          minimumLevel: (model.dataClasses[dataClass] ?? 1) as Level,
          level: w.namespace.level,
          zone: w.namespace.labels["govcloud/zone"] ?? "",
          cluster: w.namespace.cluster,
          namespace: w.namespace.namespace,
        },
      ];
    })
    .sort((a, b) => (`${a.department}/${a.environment}/${a.service}` < `${b.department}/${b.environment}/${b.service}` ? -1 : 1));
}

/** Every agreement, with the NetworkPolicies that implement it in the artifact (none once expired). */
function dataSharing(model: PlatformModel, stacks: readonly ArtifactStack[], routes: SharingRouteReport): DataSharingEntry[] {
  const schedule = model.applySchedule !== undefined ? applySchedule(model.applySchedule) : undefined;
  // By provider and consumer, and by provider: looking each agreement up in every policy and route was quadratic in the province.
  const policiesOf = new Map<string, string[]>();
  for (const s of stacks) {
    for (const r of s.resources) {
      const annotations = r.object.metadata.annotations;
      if (r.object.kind !== "NetworkPolicy" || annotations?.["govcloud/catalogue-entry"] === undefined) continue;
      const parties = JSON.stringify([annotations["govcloud/provider"] ?? null, annotations["govcloud/consumer"] ?? null]);
      const listed = policiesOf.get(parties);
      if (listed === undefined) policiesOf.set(parties, [`${r.stack}: ${r.address}`]);
      else listed.push(`${r.stack}: ${r.address}`);
    }
  }
  const routeOf = new Map<string, SharingRouteReport["routes"][number]>();
  for (const r of routes.routes) if (r.provider !== undefined && !routeOf.has(r.provider)) routeOf.set(r.provider, r);
  return model.sharingAgreements.map((a) => {
    const provider = `${a.provider.department}/${a.provider.environment}/${a.provider.service}`;
    const consumer = `${a.consumer.department}/${a.consumer.environment}/${a.consumer.service}`;
    const policies = [...(policiesOf.get(JSON.stringify([provider, consumer])) ?? [])].sort();
    const served = a.route === "gateway" ? routeOf.get(provider) : undefined;
    const gatewayRoute = served ? { cluster: served.cluster, host: served.host, admits: served.admitted.map((x) => x.consumer) } : undefined;
    const closes = a.expires !== undefined && schedule ? schedule.nextAfter(a.expires) : undefined;
    return {
      provider,
      consumer,
      catalogue: a.catalogue,
      dataClass: a.provider.dataClass,
      purpose: a.purpose,
      consumerPurpose: a.consumerPurpose,
      approval: a.approval,
      ...(a.since !== undefined ? { since: a.since } : {}),
      ...(a.expires !== undefined ? { expires: a.expires } : {}),
      ...(closes !== undefined ? { closes } : {}),
      status: a.status,
      route: a.route,
      policies,
      ...(gatewayRoute ? { gatewayRoute } : {}),
    };
  });
}

/** The catalogue as declared, with how many uses the ledger holds of each entry. */
function dataCatalogue(model: PlatformModel): DataCatalogueRow[] {
  const names = new Map(model.departments.map((d) => [d.name, d.displayName]));
  return model.dataCatalogue.map((e) => ({
    ...e,
    departmentName: names.get(e.department) ?? e.department,
    consumers: model.sharingAgreements.filter((a) => a.catalogue.id === e.id).length,
  })).map(({ department: _department, ...row }) => row);
}

function withoutRulePack({ mlps: _rulePack, ...rest }: AuditResults): Omit<AuditResults, "mlps"> {
  return rest;
}
