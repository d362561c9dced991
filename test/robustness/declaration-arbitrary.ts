import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { BASE } from "../config/declaration-fixtures";

/**
 * Random declarations that are valid by construction: 1–4 departments, 1–3 environments of
 * levels 2–4 each, 1–4 catalog services per environment, random `connectsTo`, exposures,
 * egress and two-sided sharing agreements. Every choice respects the rules in `config/rules/`,
 * so the only way a generated declaration can be refused is a bug.
 */

export interface GeneratedDeclaration {
  readonly platform: Record<string, unknown>;
  readonly departments: ReadonlyArray<{ readonly name: string; readonly document: Record<string, unknown> }>;
  readonly waivers: Record<string, unknown>;
}

type Level = 2 | 3 | 4;

const DEPARTMENTS = ["health", "insurance", "transport", "finance", "water", "culture"] as const;
const ENVIRONMENTS = ["dev", "test", "prod"] as const;
const SERVICES = ["portal", "records-api", "db", "cache", "jobs", "reports", "sync"] as const;
const TEMPLATES = ["web", "api", "worker", "cron", "postgres", "redis"] as const;
const CHINESE_NAMES = ["省卫生健康委员会", "省医疗保障局", "省交通运输厅", "省财政厅", "省水利厅", "省文化和旅游厅"];
const PURPOSES = ["诊疗记录共享，仅用于医保结算审核", "跨部门数据核验", "统一身份认证", "交通出行数据分析"];

/** Data classes and the level each needs (the platform defaults). */
const DATA_CLASSES: ReadonlyArray<readonly [string, number]> = [
  ["public", 1],
  ["internal", 2],
  ["personal", 3],
  ["sensitive-personal", 3],
  ["important", 3],
  ["core", 4],
];

const digest = (seed: number) => (seed.toString(16).padStart(8, "0").repeat(8)).slice(0, 64);

/** The base fixture platform with room for any generated department, and gateway routes between its clusters. */
export function generatedPlatform(): Record<string, unknown> {
  const platform = parse(readFileSync(join(BASE, "platform.yaml"), "utf8")) as {
    clusters: Array<Record<string, unknown>>;
    network: { gateway: Record<string, unknown> };
  };
  platform.clusters.forEach((cluster, i) => {
    cluster.capacity = { cpu: 512, memory: "4Ti", storage: "64Ti" };
    // Pools that give that capacity (64 nodes of at least 16 cores and 64Gi each), whatever the requests.
    for (const pool of cluster.nodePools as Array<Record<string, unknown>>) pool.nodes = 64;
    cluster.gatewayAddresses = `10.${10 + i}.0.0/24`;
  });
  platform.network.gateway.extranet = "gov-extranet";
  platform.network.gateway.sharingCa = { clusterIssuer: "govcloud-sharing-ca", caSecret: "govcloud-sharing-ca" };
  return platform as Record<string, unknown>;
}

interface ServiceChoice {
  readonly template: (typeof TEMPLATES)[number];
  readonly sizing: "small" | "medium" | "large" | "resources" | "default";
  readonly extraReplicas: number | null;
  readonly exposure: "none" | "internal" | "extranet" | "internet";
  readonly dataClass: number;
  readonly connects: readonly number[];
  readonly egress: readonly boolean[];
  readonly digestBelow3: boolean;
  readonly workerPort: boolean;
  readonly autoscale: number | null;
  readonly host: boolean;
  readonly tlsSecret: boolean;
  readonly credentialsSecret: boolean;
  readonly engine: "postgresql" | "opengauss" | null;
  readonly s3Backup: boolean;
}

const serviceChoice: fc.Arbitrary<ServiceChoice> = fc.record({
  template: fc.constantFrom(...TEMPLATES),
  sizing: fc.constantFrom("small", "medium", "large", "resources", "default"),
  extraReplicas: fc.option(fc.integer({ min: 0, max: 1 })),
  exposure: fc.constantFrom("none", "internal", "extranet", "internet"),
  dataClass: fc.nat(),
  connects: fc.array(fc.nat(), { maxLength: 3 }),
  egress: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
  digestBelow3: fc.boolean(),
  workerPort: fc.boolean(),
  autoscale: fc.option(fc.integer({ min: 0, max: 3 })),
  host: fc.boolean(),
  tlsSecret: fc.boolean(),
  credentialsSecret: fc.boolean(),
  engine: fc.option(fc.constantFrom("postgresql" as const, "opengauss" as const)),
  s3Backup: fc.boolean(),
});

const environmentChoice = fc.record({
  level: fc.constantFrom<Level>(2, 3, 4),
  explicitCluster: fc.boolean(),
  services: fc.uniqueArray(fc.tuple(fc.constantFrom(...SERVICES), serviceChoice), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
});

const departmentChoice = fc.record({
  displayName: fc.oneof(fc.constantFrom(...CHINESE_NAMES), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 })),
  developers: fc.boolean(),
  viewers: fc.boolean(),
  environments: fc.uniqueArray(fc.tuple(fc.constantFrom(...ENVIRONMENTS), environmentChoice), { minLength: 1, maxLength: 3, selector: ([name]) => name }),
});

type Service = Record<string, unknown> & { name: string; port?: number; exposure: string; dataClass: string };
type Environment = { name: string; level: Level; services: Service[] } & Record<string, unknown>;

function buildService(department: string, name: string, level: Level, c: ServiceChoice, index: number): Service {
  const minimum = level >= 3 ? 2 : 1;
  const pinned = level >= 3 || c.digestBelow3;
  const service: Service = {
    name,
    template: c.template,
    image: `harbor.example.gov.cn/${department}/${name}:1.${index}.0${pinned ? `@sha256:${digest(index * 7919 + name.length)}` : ""}`,
    exposure: "none",
    dataClass: "internal",
  };
  if (c.sizing === "resources") service.resources = { cpu: "500m", memory: "1Gi" };
  else if (c.sizing !== "default") service.size = c.sizing;
  if (c.template !== "cron" && c.extraReplicas !== null) service.replicas = minimum + c.extraReplicas;
  const ports: Record<string, number | undefined> = { web: 8080, api: 8443, worker: c.workerPort ? 9000 : undefined, cron: undefined, postgres: 5432, redis: 6379 };
  if (ports[c.template] !== undefined) service.port = ports[c.template];
  const publishable = c.template === "web" || c.template === "api";
  let exposure = c.exposure;
  if ((exposure === "internet" || exposure === "extranet") && !publishable) exposure = "internal";
  if (exposure === "internet" && level === 4) exposure = "extranet";
  service.exposure = exposure;
  const classes = DATA_CLASSES.filter(([, minimumLevel]) => minimumLevel <= level);
  service.dataClass = classes[c.dataClass % classes.length][0];
  const networks = [
    ["internet", [2]],
    ["gov-extranet", [2, 3]],
  ] as const;
  const egressTo = networks.filter(([, levels], i) => c.egress[i] && (levels as readonly number[]).includes(level)).map(([n]) => n);
  if (egressTo.length > 0) service.egressTo = egressTo;
  if (c.template === "cron") service.schedule = "30 2 * * *";
  if (c.template === "postgres" || c.template === "redis") {
    service.storage = "10Gi";
    if (c.credentialsSecret) service.credentialsSecret = `${name}-secret`;
  }
  if (c.template === "postgres") {
    if (c.engine) service.engine = c.engine;
    if (level >= 3 || c.s3Backup) {
      const s3 = c.s3Backup && level < 4;
      service.backup = {
        schedule: "0 1 * * *",
        target: s3
          ? { s3: { bucket: `${department}-backup`, endpoint: "https://oss.example.gov.cn", secret: "backup-s3", network: "gov-extranet" } }
          : { volume: { size: "20Gi" } },
      };
    }
  }
  if (publishable && c.autoscale !== null) {
    const replicas = (service.replicas as number | undefined) ?? minimum;
    service.autoscale = { minReplicas: minimum, maxReplicas: Math.max(replicas, minimum + c.autoscale) };
  }
  if (exposure === "internet" || exposure === "extranet") {
    if (c.host) service.host = `${name}.${department}.example.gov.cn`;
    if (c.tlsSecret) service.tlsSecret = `${name}-certificate`;
  }
  return service;
}

interface Candidate {
  readonly provider: { department: string; environment: string; service: string };
  readonly consumer: { department: string; environment: string; service: string };
}

const HTTP_TEMPLATES: ReadonlySet<string> = new Set(["web", "api"]);
const CERTIFICATE_TEMPLATES: ReadonlySet<string> = new Set(["web", "api", "worker", "cron"]);

/** Every provider/consumer pair the sharing rules accept. */
function sharingCandidates(departments: ReadonlyArray<{ name: string; environments: Environment[] }>): Candidate[] {
  const candidates: Candidate[] = [];
  const required = (dataClass: string) => DATA_CLASSES.find(([c]) => c === dataClass)![1];
  const cluster = (level: Level) => (level === 4 ? "secure-l4" : "shared");
  for (const p of departments) {
    for (const pe of p.environments) {
      for (const ps of pe.services) {
        if (ps.port === undefined) continue;
        for (const c of departments) {
          if (c.name === p.name) continue;
          for (const ce of c.environments) {
            if (ce.level < required(ps.dataClass)) continue;
            const crossCluster = cluster(ce.level) !== cluster(pe.level);
            // Across clusters: an HTTP route to a web or api provider, a client certificate mounted by the consumer.
            if (crossCluster && (ps.exposure === "none" || !HTTP_TEMPLATES.has(String(ps.template)))) continue;
            for (const cs of ce.services) {
              if (crossCluster && !CERTIFICATE_TEMPLATES.has(String(cs.template))) continue;
              candidates.push({
                provider: { department: p.name, environment: pe.name, service: ps.name },
                consumer: { department: c.name, environment: ce.name, service: cs.name },
              });
            }
          }
        }
      }
    }
  }
  return candidates;
}

export const declarationArbitrary: fc.Arbitrary<GeneratedDeclaration> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...DEPARTMENTS), departmentChoice), { minLength: 1, maxLength: 4, selector: ([name]) => name })
  .map((choices) =>
    choices.map(([name, d]) => {
      const environments: Environment[] = d.environments.map(([envName, e]) => {
        const services = e.services.map(([svcName, s], i) => buildService(name, svcName, e.level, s, i));
        // connectsTo: other services of the environment that have a port.
        e.services.forEach(([, s], i) => {
          const targets = services.filter((t, j) => j !== i && t.port !== undefined);
          const picked = [...new Set(s.connects.filter(() => targets.length > 0).map((n) => targets[n % targets.length].name))];
          if (picked.length > 0) services[i].connectsTo = picked;
        });
        return {
          name: envName,
          level: e.level,
          ...(e.explicitCluster ? { cluster: e.level === 4 ? "secure-l4" : "shared" } : {}),
          quota: { cpu: 64, memory: "128Gi", storage: "1Ti" },
          services,
        };
      });
      return {
        name,
        displayName: d.displayName,
        owners: {
          admins: [`${name}-admins`],
          ...(d.developers ? { developers: [`${name}-developers`] } : {}),
          ...(d.viewers ? { viewers: [`${name}-viewers`, `${name}-auditors`] } : {}),
        },
        environments,
      };
    }),
  )
  .chain((departments) => {
    const candidates = sharingCandidates(departments);
    return fc
      .tuple(fc.subarray(candidates, { maxLength: Math.min(4, candidates.length) }), fc.array(fc.constantFrom(...PURPOSES), { minLength: 8, maxLength: 8 }))
      .map(([pairs, purposes]) => withSharing(departments, pairs, purposes));
  });

function withSharing(
  departments: ReadonlyArray<{ name: string } & Record<string, unknown>>,
  pairs: readonly Candidate[],
  purposes: readonly string[],
): GeneratedDeclaration {
  const documents = departments.map((d) => ({ ...d }) as Record<string, unknown> & { name: string });
  const byName = new Map(documents.map((d) => [d.name, d]));
  const offers = new Map<string, { service: string; consumers: string[]; department: string }>();
  pairs.forEach(({ provider, consumer }, i) => {
    const key = `${provider.department}/${provider.environment}/${provider.service}`;
    const offer = offers.get(key) ?? { department: provider.department, service: `${provider.environment}/${provider.service}`, consumers: [] };
    offer.consumers.push(`${consumer.department}/${consumer.environment}/${consumer.service}`);
    offers.set(key, offer);
    const sharing = (byName.get(consumer.department)!.sharing ??= { consumes: [] }) as { consumes?: unknown[] };
    (sharing.consumes ??= []).push({ provider: key, consumer: `${consumer.environment}/${consumer.service}`, purpose: purposes[i % purposes.length] });
  });
  [...offers.values()].forEach((offer, i) => {
    const sharing = (byName.get(offer.department)!.sharing ??= {}) as { offers?: unknown[] };
    (sharing.offers ??= []).push({
      catalogue: { id: `TEST-ML-${String(i + 1).padStart(3, "0")}`, resource: `测试数据资源${i + 1}`, share: "conditional", legalBasis: "测试用法律依据" },
      service: offer.service,
      consumers: offer.consumers,
      purpose: purposes[(i + 4) % purposes.length],
      approval: `TEST-2026-${String(i + 1).padStart(3, "0")}`,
      granted: "2026-01-05",
      expires: "2030-12-31",
    });
  });
  return {
    platform: generatedPlatform(),
    departments: documents.map((document) => ({ name: document.name, document })),
    waivers: { waivers: [] },
  };
}

/** Writes the declaration as `<project>/config/` YAML files; returns the project folder. */
export function writeProject(declaration: GeneratedDeclaration, project = mkdtempSync(join(tmpdir(), "govcloud-robust-"))): string {
  const config = join(project, "config");
  mkdirSync(join(config, "departments"), { recursive: true });
  writeFileSync(join(config, "platform.yaml"), stringify(declaration.platform));
  writeFileSync(join(config, "waivers.yaml"), stringify(declaration.waivers));
  for (const { name, document } of declaration.departments) writeFileSync(join(config, "departments", `${name}.yaml`), stringify(document));
  return project;
}
