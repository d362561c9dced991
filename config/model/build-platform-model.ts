import type { Declaration } from "../declaration/load-declaration";
import { dataClassLevels } from "../rules/data-classes";
import { dataClassesOf, effectiveDataClass } from "./data-class";
import { buildDataCatalogue } from "./data-catalogue";
import type { Level } from "../schema/common";
import type { PlatformDeclaration } from "../schema/platform";
import type { ClusterModel, DepartmentModel, PlatformModel } from "./platform-model";
import { dedicatedPoolFor, namespaceName, placeDeclaredEnvironment, requiresDedicatedPool } from "./placement";
import { Bytes, Cpu } from "./quantity";
import type { IsoDate } from "./calendar";
import type { StatefulLock } from "../declaration/stateful-lock";
import { buildSharingAgreements } from "./sharing-agreement";
import { retiredObjects } from "./retired-objects";
import { buildProvisioning } from "./cluster-provisioning";
import { claimImports } from "./claim-imports";
import { environmentConstructId } from "./environment-addresses";
import { departmentStackName } from "./stack-names";

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sortedLevels = (levels: readonly Level[]) => [...new Set(levels)].sort();

/** Builds the model from a declaration that passed every rule; see `PlatformModel`. */
export function buildPlatformModel({ platform: { data: p }, departments, waivers, lock }: Declaration, today: IsoDate): PlatformModel {
  const declared = departments.map((d) => d.data);
  const retiredResources = retiredObjects(lock.data, declared);
  return {
    name: p.platform.name,
    displayName: p.platform.displayName,
    operator: p.platform.operator,
    operatorDepartment: p.platform.operatorDepartment,
    clusters: p.clusters.map(buildCluster).sort(byName),
    network: {
      ...p.network,
      externalNetworks: [...p.network.externalNetworks]
        .map((n) => ({ ...n, cidrs: [...n.cidrs].sort(), except: [...n.except].sort(), levels: sortedLevels(n.levels), ports: [...new Set(n.ports)].sort((a, b) => a - b) }))
        .sort(byName),
      gateway: {
        ...p.network.gateway,
        ingressController: { ...p.network.gateway.ingressController, ports: [...new Set(p.network.gateway.ingressController.ports)].sort((a, b) => a - b) },
      },
    },
    admins: p.admins,
    registries: [...p.registries].sort(),
    dataClasses: dataClassLevels(p.dataClasses) as Record<string, Level>,
    logRetentionDays: p.logRetentionDays,
    overcommit: p.overcommit,
    stateBackend: p.stateBackend,
    ...(p.operations ? { applySchedule: p.operations.applySchedule } : {}),
    templateImages: p.templateImages,
    ...(p.secretStore ? { secretStore: p.secretStore } : {}),
    departments: departments.map((d) => buildDepartment(p, d.data, lock.data)).sort(byName),
    dataCatalogue: buildDataCatalogue(departments.map((d) => d.data), dataClassLevels(p.dataClasses)),
    sharingAgreements: buildSharingAgreements(p, departments, today, lock.data.environments),
    statefulLock: lock.data,
    retiredResources,
    claimImports: claimImports(lock.data),
    decommissionedClusters: [...p.decommissionedClusters].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.management < b.management ? -1 : 1)),
    waivers: [...waivers.data.waivers].sort((a, b) => (`${a.rule} ${a.target}` < `${b.rule} ${b.target}` ? -1 : 1)),
  };
}

function buildCluster(c: PlatformDeclaration["clusters"][number]): ClusterModel {
  return {
    name: c.name,
    displayName: c.displayName ?? c.name,
    kubeconfig: c.kubeconfig,
    provisioning: buildProvisioning(c.name, c.provisioned),
    levels: sortedLevels(c.levels),
    capacity: { cpu: Cpu.parse(c.capacity.cpu), memory: Bytes.parse(c.capacity.memory), storage: Bytes.parse(c.capacity.storage) },
    gatewayAddresses: c.gatewayAddresses,
    ...(c.apiServer
      ? { apiServer: { addresses: [...c.apiServer.addresses].sort(), port: c.apiServer.port, controlPlaneRanges: [...(c.apiServer.controlPlaneRanges ?? c.apiServer.addresses)].sort() } }
      : {}),
    nodePools: c.nodePools
      .map((pool) => ({
        ...pool,
        levels: sortedLevels(pool.levels),
        nodeCpu: Cpu.parse(pool.nodeCpu),
        nodeMemory: Bytes.parse(pool.nodeMemory),
      }))
      .sort(byName),
  };
}

function buildDepartment(p: PlatformDeclaration, d: Declaration["departments"][number]["data"], lock: StatefulLock): DepartmentModel {
  const levels = dataClassLevels(p.dataClasses);
  const retired = d.retired === true;
  const placements = lock.environments;
  const environments = d.environments
    .filter((env) => !retired && !env.retired)
    .map((env) => {
      const cluster = placeDeclaredEnvironment(p, d.name, env, placements)!;
      return {
        department: d.name,
        name: env.name,
        level: env.level,
        cluster: cluster.name,
        constructId: environmentConstructId(env.name, cluster.name, placements[`${d.name}/${env.name}`]),
        namespace: namespaceName(d.name, env.name),
        nodePool: requiresDedicatedPool(env.level) ? dedicatedPoolFor(cluster, env.level)?.name : undefined,
        quota: {
          cpu: Cpu.parse(env.quota.cpu),
          memory: Bytes.parse(env.quota.memory),
          storage: Bytes.parse(env.quota.storage),
          pods: env.quota.pods,
        },
        retiredServices: env.services
          .filter((s) => s.retired)
          .map((s) => s.name)
          .sort(),
        services: env.services
          .filter((s) => !s.retired)
          .map((s) => ({
            ...s,
            dataClass: effectiveDataClass(s.dataClass, levels),
            dataClasses: [...new Set(dataClassesOf(s.dataClass))].sort(),
            connectsTo: [...new Set(s.connectsTo)].sort(),
            egressTo: [...new Set(s.egressTo)].sort(),
          }))
          .sort(byName),
      };
    })
    .sort(byName);
  const placed = new Set(environments.map((env) => env.cluster));
  return {
    name: d.name,
    displayName: d.displayName,
    retired,
    retiredEnvironments: d.environments
      .filter((env) => retired || env.retired)
      .map((env) => env.name)
      .sort(),
    owners: {
      admins: [...d.owners.admins].sort(),
      developers: [...d.owners.developers].sort(),
      viewers: [...d.owners.viewers].sort(),
    },
    environments,
    vacatedClusters: Object.keys(lock.stacks[departmentStackName(d.name)] ?? {}).filter((cluster) => !placed.has(cluster) && p.clusters.some((c) => c.name === cluster)).sort(),
    sharing: {
      offers: [...d.sharing.offers]
        .map((o) => (o.consumers ? { ...o, consumers: [...o.consumers].sort() } : o))
        .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0)),
      consumes: [...d.sharing.consumes].sort((a, b) =>
        `${a.provider} ${a.consumer}` < `${b.provider} ${b.consumer}` ? -1 : 1,
      ),
    },
  };
}
