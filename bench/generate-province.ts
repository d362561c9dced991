/**
 * A province-scale declaration, generated deterministically from a seed, for benchmarks and
 * tests: `departments` departments with dev, test and prod environments (and a level-4 `core`
 * environment on every eighth one), six services per environment (one of each catalog template),
 * two-sided sharing agreements (some across clusters, through the provider cluster's gateway),
 * on three clusters: two shared ones for levels 1–3 and one for level 4 alone. Capacities, node
 * pools and quotas are computed from what the services need, so the output is valid as it is.
 *
 *   npx tsx bench/generate-province.ts --departments 200 --seed 7 --out /tmp/province
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import type { Level } from "../config/schema/common";
import type { DepartmentDeclaration, ServiceDeclaration } from "../config/schema/department";
import { Bytes, Cpu } from "../config/model/quantity";
import { serviceFootprint } from "../config/model/workload-sizing";

export interface ProvinceOptions {
  readonly departments: number;
  /** Same seed, same bytes. @default 1 */
  readonly seed?: number;
}

export interface Province {
  /** File contents by path relative to the declaration folder (`platform.yaml`, `departments/<name>.yaml`). */
  readonly files: ReadonlyMap<string, string>;
  readonly departments: readonly string[];
  readonly environments: number;
  readonly services: number;
}

const DOMAIN = "province.gov.cn";
const HARBOR = "harbor.province.gov.cn";
const BASE = "registry.province.gov.cn/base";
/** Agreements end well after any date the benchmark runs on, so none expires or warns. */
const EXPIRES = "2031-12-31";
const SHARED = ["shared-a", "shared-b"] as const;
const SECURE = "secure-l4";

type Environment = DepartmentDeclaration["environments"][number];
type Service = Partial<ServiceDeclaration> & Pick<ServiceDeclaration, "name" | "template" | "image" | "dataClass">;

/** mulberry32: small, fast and the same on every machine (the robustness tests shuffle with it too). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function departmentName(i: number): string {
  return `dept-${String(i).padStart(3, "0")}`;
}

/** An image from the platform's registries: tagged below level 3, pinned by digest from level 3. */
function image(repository: string, version: string, level: Level): string {
  const tagged = `${repository}:${version}`;
  return level >= 3 ? `${tagged}@sha256:${digest(tagged)}` : tagged;
}

interface Shape {
  readonly name: string;
  readonly cluster: string;
  readonly prodLevel: Level;
  readonly core: boolean;
}

function services(dept: string, env: string, level: Level, rand: () => number): Service[] {
  const prod = env === "prod" || env === "core";
  const size = prod ? (rand() < 0.3 ? "large" : "medium") : "small";
  const replicas = level >= 3 ? 2 + Math.floor(rand() * 2) : prod ? 2 : 1;
  const dataClass = level === 4 ? "core" : level === 3 ? "personal" : "internal";
  const version = `${1 + Math.floor(rand() * 5)}.${Math.floor(rand() * 10)}.${Math.floor(rand() * 10)}`;
  const app = (name: string) => image(`${HARBOR}/${dept}/${name}`, version, level);
  const portalExposure = level === 4 ? "extranet" : prod ? (rand() < 0.5 ? "internet" : "extranet") : "none";
  const backupTarget =
    level === 3 && rand() < 0.5
      ? { s3: { bucket: `${dept}-${env}-backups`, endpoint: `https://oss.${DOMAIN}`, secret: "db-backup-s3", network: "object-storage" } }
      : { volume: { size: "100Gi" } };
  return [
    { name: "portal", template: "web", image: app("portal"), size: "small", replicas, port: 8080, exposure: portalExposure, dataClass, connectsTo: ["api"] },
    // Every prod api is offered to other departments, some on another cluster: reachable through the gateway.
    { name: "api", template: "api", image: app("api"), size, replicas, port: 8443, exposure: prod ? "internal" : "none", dataClass, connectsTo: ["db", "cache"] },
    { name: "worker", template: "worker", image: app("worker"), size: "small", replicas, dataClass, connectsTo: ["db"] },
    { name: "report", template: "cron", schedule: `${Math.floor(rand() * 60)} 2 * * *`, image: app("report"), size: "small", dataClass, connectsTo: ["db"] },
    {
      name: "db",
      template: "postgres",
      image: image(`${BASE}/postgres`, "15.8", level),
      size,
      replicas,
      port: 5432,
      dataClass,
      storage: prod ? "200Gi" : "20Gi",
      ...(level >= 3 ? { backup: { schedule: "0 1 * * *", target: level === 4 ? { volume: { size: "200Gi" } } : backupTarget } } : {}),
    },
    { name: "cache", template: "redis", image: image(`${BASE}/redis`, "7.2.5", level), size: "small", replicas, port: 6379, dataClass, storage: "5Gi" },
  ];
}

/** The quota an environment's services need, rounded up with some headroom, as a department would ask. */
function quotaFor(list: readonly Service[], level: Level): Environment["quota"] {
  let cpu = Cpu.millis(0);
  let memory = Bytes.of(0);
  let storage = Bytes.of(0);
  let pods = 0;
  for (const service of list) {
    const f = serviceFootprint({ exposure: "none", connectsTo: [], egressTo: [], ...service } as ServiceDeclaration, level);
    cpu = cpu.plus(f.cpu);
    memory = memory.plus(f.memory);
    storage = storage.plus(f.storage);
    pods += f.pods;
  }
  const gi = 1024 ** 3;
  return {
    cpu: String(Math.ceil((cpu.millis / 1000) * 1.25)),
    memory: `${Math.ceil((memory.bytes / gi) * 1.25)}Gi`,
    storage: `${Math.ceil((storage.bytes / gi) * 1.1)}Gi`,
    pods: Math.max(50, pods * 2),
  };
}

export function generateProvince(options: ProvinceOptions): Province {
  const count = options.departments;
  if (!Number.isInteger(count) || count < 2) throw new Error(`departments must be an integer of at least 2, got ${count}`);
  const rand = random(options.seed ?? 1);
  const shapes: Shape[] = Array.from({ length: count }, (_, i) => ({
    name: departmentName(i),
    cluster: SHARED[i % 2],
    // Mixed levels: most prod environments hold personal data at level 3, the rest stay at 2.
    prodLevel: i === 0 || rand() < 0.6 ? 3 : 2,
    core: i % 8 === 3,
  }));

  const declarations = shapes.map((shape): DepartmentDeclaration & { environments: Environment[] } => {
    const environments: Environment[] = (
      [
        ["dev", 2, shape.cluster],
        ["test", 2, shape.cluster],
        ["prod", shape.prodLevel, shape.cluster],
        ...(shape.core ? [["core", 4, SECURE] as const] : []),
      ] as const
    ).map(([name, level, cluster]) => {
      const list = services(shape.name, name, level, rand);
      // The first shared cluster is the default placement; the others are named.
      return { name, level, ...(cluster === SHARED[0] ? {} : { cluster }), quota: quotaFor(list, level), services: list } as Environment;
    });
    const n = Number(shape.name.slice(5));
    return {
      name: shape.name,
      displayName: `江南省第${n + 1}委办局`,
      owners: { admins: [`${shape.name}-admins`], developers: [`${shape.name}-developers`], viewers: [`${shape.name}-viewers`] },
      environments,
      sharing: { offers: [], consumes: [] },
    };
  });

  // Sharing: each prod api is offered to the prod apis of two other departments whose level is
  // high enough for the data (personal data at level 3 needs a level-3 consumer); half of the
  // pairs are on the other shared cluster. Every level-4 core api consumes dept-000's api, across clusters.
  const offers = new Map<number, string[]>();
  const consume = (provider: number, consumer: number, env: string) => {
    const address = `${shapes[consumer].name}/${env}/api`;
    offers.set(provider, [...(offers.get(provider) ?? []), address]);
    declarations[consumer].sharing.consumes.push({ provider: `${shapes[provider].name}/prod/api`, consumer: `${env}/api`, purpose: `调用${shapes[provider].name}的数据核验接口，用于业务办理` });
  };
  shapes.forEach((provider, p) => {
    for (const step of [1, 2 + Math.floor(rand() * Math.max(1, count - 3))]) {
      const c = (p + step) % count;
      if (c === p || offers.get(p)?.includes(`${shapes[c].name}/prod/api`)) continue;
      if (shapes[c].prodLevel < provider.prodLevel) continue;
      consume(p, c, "prod");
    }
  });
  shapes.forEach((shape, c) => {
    if (shape.core && c !== 0) consume(0, c, "core");
  });
  for (const [p, consumers] of [...offers].sort((a, b) => a[0] - b[0])) {
    const code = String(p).padStart(4, "0");
    declarations[p].sharing.offers.push({
      catalogue: { id: `PROV-ML-${code}`, resource: `${shapes[p].name}业务核验信息`, share: "conditional", legalBasis: "《政务数据共享条例》" },
      service: "prod/api",
      consumers: consumers.sort(),
      purpose: "按业务流水号逐条核验，只返回核验结果，不提供批量查询",
      approval: `PROV-${2026}-${code}`,
      granted: "2026-01-15",
      expires: EXPIRES,
    });
  }

  // Capacity: each cluster holds what its environments ask for (quota sum, with 20% headroom, no overcommit counted).
  const sums = new Map<string, { cpu: number; memory: number; storage: number; byLevel: Map<number, { cpu: number; memory: number }> }>();
  for (const d of declarations) {
    for (const env of d.environments) {
      const cluster = env.cluster ?? SHARED[0];
      const sum = sums.get(cluster) ?? { cpu: 0, memory: 0, storage: 0, byLevel: new Map() };
      const cpu = Number(env.quota.cpu);
      const memory = Number(env.quota.memory.replace("Gi", ""));
      sum.cpu += cpu;
      sum.memory += memory;
      sum.storage += Number(env.quota.storage.replace("Gi", ""));
      const level = sum.byLevel.get(env.level) ?? { cpu: 0, memory: 0 };
      sum.byLevel.set(env.level, { cpu: level.cpu + cpu, memory: level.memory + memory });
      sums.set(cluster, sum);
    }
  }
  const NODE_CPU = 64;
  const NODE_MEMORY = 256;
  const nodesFor = (load: { cpu: number; memory: number } | undefined) => Math.max(3, Math.ceil(Math.max((load?.cpu ?? 0) / NODE_CPU, (load?.memory ?? 0) / NODE_MEMORY) * 1.2));
  const pool = (name: string, levels: Level[], load: { cpu: number; memory: number } | undefined, extra: object) => ({
    name,
    levels,
    arch: levels.includes(1) ? "amd64" : "arm64",
    cpuVendor: levels.includes(1) ? "hygon" : "kunpeng",
    os: levels.includes(1) ? "kylin-v10" : "openeuler-22.03",
    localized: true,
    nodes: nodesFor(load),
    nodeCpu: NODE_CPU,
    nodeMemory: `${NODE_MEMORY}Gi`,
    ...extra,
  });
  const capacity = (name: string, pools: Array<{ nodes: number }>) => {
    const nodes = pools.reduce((n, p) => n + p.nodes, 0);
    const sum = sums.get(name);
    return {
      cpu: Math.max(nodes * NODE_CPU, Math.ceil((sum?.cpu ?? 0) * 1.2)),
      memory: `${Math.max(nodes * NODE_MEMORY, Math.ceil((sum?.memory ?? 0) * 1.2))}Gi`,
      storage: `${Math.max(10, Math.ceil(((sum?.storage ?? 0) * 1.2) / 1024))}Ti`,
    };
  };
  const clusters = [
    ...SHARED.map((name, i) => {
      const byLevel = sums.get(name)?.byLevel;
      const general = byLevel ? { cpu: (byLevel.get(1)?.cpu ?? 0) + (byLevel.get(2)?.cpu ?? 0), memory: (byLevel.get(1)?.memory ?? 0) + (byLevel.get(2)?.memory ?? 0) } : undefined;
      const pools = [pool("general", [1, 2], general, {}), pool("level3", [3], byLevel?.get(3), { dedicated: true })];
      return { name, displayName: `共享集群${i + 1}`, kubeconfig: { path: "~/.kube/govcloud", context: name }, levels: [1, 2, 3], capacity: capacity(name, pools), gatewayAddresses: `10.${40 + i}.0.0/24`, nodePools: pools };
    }),
    (() => {
      const pools = [pool("level4", [4], sums.get(SECURE)?.byLevel.get(4), { dedicated: true })];
      return { name: SECURE, displayName: "四级专属集群", kubeconfig: { path: "~/.kube/govcloud", context: SECURE }, levels: [4], capacity: capacity(SECURE, pools), gatewayAddresses: "10.49.0.0/24", nodePools: pools };
    })(),
  ];

  const platform = {
    platform: { name: "province", displayName: "江南省政务云（基准）", operator: "江南省大数据管理局", operatorDepartment: shapes[0].name },
    clusters,
    network: {
      gateway: {
        namespace: "govcloud-gateway",
        domain: DOMAIN,
        extranet: "gov-extranet",
        sharingCa: { clusterIssuer: "govcloud-sharing-ca", caSecret: "govcloud-sharing-ca" },
        ingressController: { podLabels: { "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" }, ingressClass: "govcloud-nginx" },
      },
      management: {
        namespace: "govcloud-mgmt",
        collectors: { podLabels: { "app.kubernetes.io/name": "prometheus" } },
        logIntake: { podLabels: { "app.kubernetes.io/name": "fluent-bit-aggregator" }, port: 24224 },
      },
      dns: { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" }, port: 53 },
      externalNetworks: [
        { name: "internet", displayName: "互联网", cidrs: ["0.0.0.0/0"], except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], levels: [1, 2] },
        { name: "gov-extranet", displayName: "电子政务外网", cidrs: ["59.202.0.0/16"], levels: [1, 2, 3] },
        { name: "object-storage", displayName: "政务云对象存储", cidrs: ["10.50.0.0/16"], levels: [1, 2, 3] },
      ],
    },
    admins: { system: ["govcloud-system-admins"], security: ["govcloud-security-admins"], audit: ["govcloud-audit-admins"] },
    registries: [HARBOR, BASE],
    templateImages: {
      postgresExporter: image(`${BASE}/postgres-exporter`, "0.15.0", 4),
      redisExporter: image(`${BASE}/redis-exporter`, "1.62.0", 4),
      backup: image(`${BASE}/db-backup`, "2.3.1", 4),
    },
    logRetentionDays: 180,
    overcommit: { cpu: 2, memory: 1.2 },
    stateBackend: { type: "local", directory: "terraform-state" },
  };

  const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });
  const files = new Map<string, string>();
  files.set("platform.yaml", `# Generated by bench/generate-province.ts (${count} departments, seed ${options.seed ?? 1}).\n${yaml(platform)}`);
  for (const d of declarations) {
    const { sharing, ...rest } = d;
    files.set(`departments/${d.name}.yaml`, yaml({ ...rest, sharing: { offers: sharing.offers, consumes: sharing.consumes } }));
  }
  const environments = declarations.flatMap((d) => d.environments);
  return { files, departments: shapes.map((s) => s.name), environments: environments.length, services: environments.reduce((n, e) => n + e.services.length, 0) };
}

/** Writes the province into `dir` (emptied first): `platform.yaml` and `departments/*.yaml`. */
export function writeProvince(dir: string, options: ProvinceOptions): Province {
  const province = generateProvince(options);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "departments"), { recursive: true });
  for (const [path, text] of province.files) writeFileSync(join(dir, path), text);
  return province;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { departments: { type: "string", default: "10" }, seed: { type: "string", default: "1" }, out: { type: "string" } } });
  if (!values.out) {
    process.stderr.write("usage: generate-province --departments N [--seed S] --out DIR\n");
    process.exit(2);
  }
  const province = writeProvince(values.out, { departments: Number(values.departments), seed: Number(values.seed) });
  process.stdout.write(`${values.out}: ${province.departments.length} departments, ${province.environments} environments, ${province.services} services\n`);
}
