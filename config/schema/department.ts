import { z } from "zod";
import { byteQuantity, cpuQuantity, cronSchedule, displayName, dnsLabel, groupName, isoDate, port, protectionLevel } from "./common";

/** `config/departments/<name>.yaml`: one department's request, owned by that department. */

export const TEMPLATES = ["web", "api", "worker", "cron", "postgres", "redis"] as const;
export const EXPOSURES = ["none", "internal", "extranet", "internet"] as const;
export const SIZES = ["small", "medium", "large"] as const;

const resources = z.strictObject({
  cpu: cpuQuantity.describe("CPU request; the limit is the same."),
  memory: byteQuantity.describe("Memory request; the limit is the same."),
});

const serviceFields = {
  name: dnsLabel.describe("Service name, unique within the environment."),
  template: z.enum(TEMPLATES).describe("Catalog template."),
  image: z.string().min(1).describe("Image reference: registry/path:tag, or @sha256:digest (required at level 3 and 4)."),
  size: z.enum(SIZES).optional().describe("Size preset for requests and limits."),
  resources: resources.optional().describe("Explicit requests and limits, instead of a size."),
  replicas: z.int().min(1, { error: "must be at least 1" }).max(100, { error: "must be at most 100" }).optional(),
  port: port.optional().describe("Port the service listens on."),
  exposure: z.enum(EXPOSURES).default("none").describe("Who may reach the service through the gateway."),
  dataClass: z
    .union([dnsLabel, z.array(dnsLabel).min(1, { error: "must name at least one data class" })])
    .describe("Class of the data the service holds or processes, or the classes it combines (the highest wins)."),
  connectsTo: z.array(dnsLabel).default([]).describe("Other services of the same environment this service calls."),
  egressTo: z
    .array(dnsLabel)
    .default([])
    .describe("Named external networks (platform.yaml network.externalNetworks) the service calls out to."),
  storage: byteQuantity.optional().describe("Persistent volume size (postgres, redis)."),
  schedule: cronSchedule.optional().describe("Cron schedule (cron template)."),
  engine: z.enum(["postgresql", "opengauss"]).optional().describe("Database engine (postgres template). Default postgresql."),
  credentialsSecret: dnsLabel
    .optional()
    .describe("Existing Secret with the credentials (postgres, redis), referenced by name. Default <service>-credentials."),
  backup: z
    .strictObject({
      schedule: cronSchedule,
      target: z.union([
        z.strictObject({ volume: z.strictObject({ size: byteQuantity }) }),
        z.strictObject({
          s3: z.strictObject({
            bucket: z.string().min(1),
            endpoint: z.string().min(1),
            secret: dnsLabel,
            network: dnsLabel.describe("The external network (platform.yaml) the object storage is reached on."),
          }),
        }),
      ]),
    })
    .optional()
    .describe("Scheduled backup (postgres); required at level 3 and 4."),
  autoscale: z
    .strictObject({
      minReplicas: z.int().min(1),
      maxReplicas: z.int().min(1).max(100),
      cpuUtilization: z.int().min(10).max(100).default(70),
    })
    .optional()
    .describe("Horizontal autoscaling on CPU (web, api)."),
  host: z
    .string()
    .regex(/^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, { error: "must be a host name such as portal.health.example.gov.cn" })
    .optional()
    .describe("Host name of an internet or extranet exposure. Default <service>.<environment>.<department>.<gateway domain>."),
  tlsSecret: dnsLabel.optional().describe("Existing Secret with the TLS certificate of the exposure. Default <service>-tls."),
  retired: z
    .literal(true)
    .optional()
    .describe("Retire a stateful service: Terraform forgets its objects (removed blocks), the data stays."),
};

const service = z.strictObject(serviceFields);

/** `sha256:<64 hex>`: the digest an environment pins a shared service's image to. */
const digest = z.string().regex(/^sha256:[a-f0-9]{64}$/, { error: "must be a digest sha256:<64 lowercase hex digits>" });

/**
 * What one environment changes of a service declared once under `services`. Fields left out
 * keep the shared value; no defaults apply here, so an override never changes what it does not name.
 */
const serviceOverride = z.strictObject({
  image: serviceFields.image.optional(),
  digest: digest.optional().describe("Pin the shared image's tag to this digest in this environment (image@sha256:...)."),
  size: serviceFields.size,
  resources: serviceFields.resources,
  replicas: serviceFields.replicas,
  port: serviceFields.port,
  exposure: z.enum(EXPOSURES).optional().describe("Who may reach the service through the gateway, in this environment."),
  dataClass: serviceFields.dataClass.optional(),
  connectsTo: z.array(dnsLabel).optional(),
  egressTo: z.array(dnsLabel).optional(),
  storage: serviceFields.storage,
  schedule: serviceFields.schedule,
  backup: serviceFields.backup,
  autoscale: serviceFields.autoscale,
  host: serviceFields.host,
  tlsSecret: serviceFields.tlsSecret,
  retired: serviceFields.retired,
});

export type ServiceOverride = z.output<typeof serviceOverride>;

/** A service declared once for the whole department, with what differs per environment. */
const sharedService = z.strictObject({
  ...serviceFields,
  in: z
    .array(dnsLabel)
    .min(1, { error: "must name at least one environment (or leave in out: every environment)" })
    .optional()
    .describe("The environments the service runs in. Default: every environment of the department."),
  environments: z
    .record(dnsLabel, serviceOverride)
    .default({})
    .describe("Per environment (by name), the fields that differ from the shared definition: image or digest, size, replicas, exposure, ..."),
});

export type SharedServiceDeclaration = z.output<typeof sharedService>;

const environment = z.strictObject({
  name: dnsLabel.describe("Environment name, e.g. dev, test, prod."),
  level: protectionLevel.describe("MLPS protection level of the environment."),
  cluster: dnsLabel.optional().describe("Cluster to place the environment on; by default the first that hosts its level."),
  quota: z
    .strictObject({ cpu: cpuQuantity, memory: byteQuantity, storage: byteQuantity, pods: z.int().min(1).default(50) })
    .describe("Resource quota of the environment's namespace."),
  services: z.array(service).default([]),
  retired: z
    .literal(true)
    .optional()
    .describe("Retire the environment: Terraform forgets its namespace and stateful objects, the data stays."),
});

/** `department/environment/service`, the address of a service across departments. */
const serviceAddress = z.string().regex(/^[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*$/, {
  error: "must be a service address department/environment/service",
});
/** `environment/service` inside this department. */
const localService = z.string().regex(/^[a-z][-a-z0-9]*\/[a-z][-a-z0-9]*$/, {
  error: "must be environment/service of this department",
});

/** The share attributes of the 政务数据共享条例: who may use a catalogued data resource, and how. */
export const SHARE_ATTRIBUTES = ["unconditional", "conditional", "not-shared"] as const;
export type ShareAttribute = (typeof SHARE_ATTRIBUTES)[number];

/**
 * An entry of the government data catalogue (政务数据目录): the data resource a service provides,
 * its share attribute and, where the attribute needs one, the legal basis.
 */
const catalogueEntry = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "must be a catalogue code of letters, digits, '.', '_' or '-' (at most 64)" })
    .describe("Catalogue code of the data resource (资源代码), unique on the platform."),
  resource: displayName.describe("Name of the data resource (资源名称)."),
  share: z
    .enum(SHARE_ATTRIBUTES)
    .describe("Share attribute: unconditional (无条件共享), conditional (有条件共享, per agreement), not-shared (不予共享)."),
  legalBasis: displayName
    .optional()
    .describe("The law, regulation or policy a conditional or not-shared attribute rests on (依据)."),
  dataClass: dnsLabel
    .optional()
    .describe("Class of the resource's data; default: the service's (highest) class, and never below it."),
});

const offer = z.strictObject({
  catalogue: catalogueEntry.describe("The catalogue entry of what the service provides."),
  service: localService.describe("The offered service, environment/service."),
  consumers: z
    .array(serviceAddress)
    .min(1, { error: "must name at least one consumer" })
    .optional()
    .describe("Conditional sharing: the consumers this agreement admits."),
  purpose: displayName.optional().describe("What the shared data is for (unconditional and conditional sharing)."),
  approval: z
    .string()
    .min(1, { error: "must give the approval reference" })
    .max(100, { error: "must be at most 100 characters (an approval reference, kept on every policy of the agreement)" })
    .regex(/^[^\r\n]*$/, { error: "must be one line (an approval reference)" })
    .optional()
    .describe("Conditional sharing: approval reference of the agreement."),
  granted: isoDate.optional().describe("Conditional sharing: the day the agreement was approved."),
  expires: isoDate.optional().describe("Conditional sharing: last day the agreement is valid."),
});

const consumption = z.strictObject({
  provider: serviceAddress.describe("The provider's service, department/environment/service."),
  consumer: localService.describe("Which of this department's services consumes it, environment/service."),
  purpose: displayName,
  since: isoDate
    .optional()
    .describe("An unconditionally shared resource: the day this department registered its use (the ledger's start)."),
});

const departmentFields = {
  name: dnsLabel.describe("Department name; the file is named after it."),
  displayName: displayName.describe("Official name, e.g. 省卫生健康委员会."),
  owners: z.strictObject({
    admins: z.array(groupName).min(1),
    developers: z.array(groupName).default([]),
    viewers: z.array(groupName).default([]),
  }),
  environments: z.array(environment).min(1, { error: "must declare at least one environment" }),
  sharing: z
    .strictObject({ offers: z.array(offer).default([]), consumes: z.array(consumption).default([]) })
    .default({ offers: [], consumes: [] }),
  retired: z
    .literal(true)
    .optional()
    .describe("Retire the department: Terraform forgets its namespaces and stateful objects, the data stays."),
};

/**
 * A department's request with every service placed in its environments: what rules, the model
 * and the stacks read. `departmentFileSchema` below is what the department writes.
 */
export const departmentSchema = z.strictObject(departmentFields);

/**
 * `config/departments/<name>.yaml` as written: services used in several environments may be
 * declared once under `services`, with per-environment overrides; services of one environment
 * only stay under that environment.
 */
export const departmentFileSchema = z.strictObject({
  ...departmentFields,
  services: z
    .array(sharedService)
    .default([])
    .describe("Services declared once and run in every environment (or those under `in`), with per-environment overrides."),
});

export type DepartmentDeclaration = z.output<typeof departmentSchema>;
export type DepartmentFileDeclaration = z.output<typeof departmentFileSchema>;
export type ServiceDeclaration = DepartmentDeclaration["environments"][number]["services"][number];
