import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentModel, PlatformModel, ServiceModel } from "../config/model/platform-model";
import { serviceResources } from "../config/model/workload-sizing";
import { levelPriorityClassName } from "../constructs/platform/platform-baseline";
import { ApiServiceTemplate } from "../constructs/templates/api-service-template";
import { CronTemplate } from "../constructs/templates/cron-template";
import { PostgresTemplate } from "../constructs/templates/postgres-template";
import { RedisTemplate } from "../constructs/templates/redis-template";
import { WebServiceTemplate } from "../constructs/templates/web-service-template";
import { WorkerTemplate } from "../constructs/templates/worker-template";
import type { SecretRead } from "../constructs/templates/secret-reads";
import type { BackupProps, ExposureProps, WorkloadTemplateProps } from "../constructs/templates/workload-props";
import type { TerraformProvider } from "cdktf";
import type { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";

/** What a stack needs back from a template: the objects whose loss would lose data. */
export interface PlacedService {
  readonly service: ServiceModel;
  readonly statefulResources: readonly TerraformResource[];
  /** Every Secret the template's objects read. */
  readonly secretReads: readonly SecretRead[];
  /** A store's per-replica data claims, by ordinal, which its StatefulSet adopts. */
  readonly dataClaims?: readonly PersistentVolumeClaimV1[];
}

/** model → template props: one catalog template per service, with the platform's defaults filled in. */
export function addServiceTemplate(
  scope: Construct,
  model: PlatformModel,
  env: EnvironmentModel,
  service: ServiceModel,
  namespace: string,
  provider: TerraformProvider,
  /** Secret of the client certificate it presents across clusters, when it consumes from another cluster. */
  clientCertificateSecret?: string,
): PlacedService {
  const id = `svc-${service.name}`;
  const common: WorkloadTemplateProps = {
    department: env.department,
    environment: env.name,
    service: service.name,
    namespace,
    level: env.level,
    dataClass: service.dataClass,
    image: service.image,
    resources: serviceResources(service),
    replicas: service.replicas,
    port: service.port,
    metricsPort: model.network.management.metricsPort,
    nodePool: env.nodePool,
    priorityClassName: levelPriorityClassName(env.level),
    ...(clientCertificateSecret ? { clientCertificateSecret } : {}),
    provider,
  };
  const stateless = (template: "web" | "api") => {
    const props = { ...common, port: service.port!, exposure: exposureOf(model, env, service), autoscaling: service.autoscale };
    return template === "web" ? new WebServiceTemplate(scope, id, props) : new ApiServiceTemplate(scope, id, props);
  };
  const store = {
    ...common,
    storage: service.storage!,
    credentialsSecretName: service.credentialsSecret ?? `${service.name}-credentials`,
  };
  switch (service.template) {
    case "web":
    case "api":
      return { service, statefulResources: [], secretReads: stateless(service.template).secretReads };
    case "worker":
      return { service, statefulResources: [], secretReads: new WorkerTemplate(scope, id, common).secretReads };
    case "cron": {
      const { replicas: _replicas, port: _port, ...job } = common;
      return { service, statefulResources: [], secretReads: new CronTemplate(scope, id, { ...job, schedule: service.schedule! }).secretReads };
    }
    case "postgres": {
      const db = new PostgresTemplate(scope, id, {
        ...store,
        engine: service.engine ?? "postgresql",
        exporterImage: model.templateImages.postgresExporter,
        backup: backupOf(model, service),
      });
      return { service, statefulResources: db.statefulResources, secretReads: db.secretReads, dataClaims: db.dataClaims };
    }
    case "redis": {
      const cache = new RedisTemplate(scope, id, { ...store, exporterImage: model.templateImages.redisExporter });
      return { service, statefulResources: cache.statefulResources, secretReads: cache.secretReads, dataClaims: cache.dataClaims };
    }
  }
}

function exposureOf(model: PlatformModel, env: EnvironmentModel, service: ServiceModel): ExposureProps | undefined {
  if (service.exposure !== "internet" && service.exposure !== "extranet") return undefined;
  const { gateway, externalNetworks } = model.network;
  const extranet = externalNetworks.find((n) => n.name === gateway.extranet);
  return {
    exposure: service.exposure,
    host: service.host ?? `${service.name}.${env.name}.${env.department}.${gateway.domain}`,
    ingressClassName: gateway.ingressController.ingressClass,
    tlsSecretName: service.tlsSecret ?? `${service.name}-tls`,
    sourceRanges: service.exposure === "extranet" && extranet ? extranet.cidrs : undefined,
  };
}

function backupOf(model: PlatformModel, service: ServiceModel): BackupProps | undefined {
  const backup = service.backup;
  if (!backup) return undefined;
  const target: BackupProps["target"] =
    "volume" in backup.target
      ? { kind: "volume", size: backup.target.volume.size }
      : { kind: "s3", bucket: backup.target.s3.bucket, endpoint: backup.target.s3.endpoint, secretName: backup.target.s3.secret };
  return { schedule: backup.schedule, image: model.templateImages.backup, target };
}
