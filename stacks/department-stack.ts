import { TerraformOutput, type TerraformResource } from "cdktf";
import type { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import type { Construct } from "constructs";
import type { StatefulLockEntry } from "../config/declaration/stateful-lock";
import type { DepartmentModel, PlatformModel } from "../config/model/platform-model";
import type { DepartmentSharingModel } from "../config/model/sharing-routes";
import { RetiredResource } from "../constructs/retired-resource";
import { DepartmentTenant } from "../constructs/tenant/department-tenant";
import { ClusterProviders } from "./cluster-providers";
import { renderFlows, type PoliciesByNamespace } from "./render-flows";
import { addServiceTemplate } from "./service-templates";
import { addSharingCertificates } from "./sharing-routes";
import { provisionSecrets, type RequiredSecret } from "./secret-provisioning";
import { configureStateBackend, type StateLocation } from "./state-backend";
import { requireTerraformVersions } from "./terraform-version-floor";
import { departmentStackName, REQUIRED_SECRETS_OUTPUT } from "../config/model/stack-names";
import { StandaloneStack } from "./standalone-stack";


const STATEFUL_TEMPLATES = new Set(["postgres", "redis"]);

/**
 * `dept-<department>`: every namespace and workload of one department, on any cluster, and the
 * `removed` blocks of whatever it retired.
 */
export class DepartmentStack extends StandaloneStack {
  readonly tenant: DepartmentTenant;
  /** The objects whose loss would lose data, with their Terraform addresses, for the lock file. */
  readonly statefulEntries: StatefulLockEntry[] = [];
  /** Secrets the stack's pods read that must exist before its first apply. */
  readonly requiredSecrets: RequiredSecret[] = [];

  constructor(scope: Construct, model: PlatformModel, department: DepartmentModel, policies: PoliciesByNamespace, where: StateLocation, sharing: DepartmentSharingModel) {
    const name = departmentStackName(department.name);
    super(scope, name);
    configureStateBackend(this, name, model, where);
    requireTerraformVersions(this, model);
    const providers = new ClusterProviders(this, model.clusters);
    this.tenant = new DepartmentTenant(this, "tenant", {
      department: department.name,
      displayName: department.displayName,
      groups: { admin: department.owners.admins, developer: department.owners.developers, viewer: department.owners.viewers },
      environments: department.environments.map((env) => ({
        name: env.name,
        constructId: env.constructId,
        namespace: env.namespace,
        level: env.level,
        quota: {
          cpu: env.quota.cpu.toString(),
          memory: env.quota.memory.toString(),
          storage: env.quota.storage.toString(),
          pods: env.quota.pods,
        },
        holdsData: env.services.some((s) => STATEFUL_TEMPLATES.has(s.template)),
        provider: providers.for(env.cluster),
      })),
    });
    for (const env of department.environments) {
      const tenantNamespace = this.tenant.environments.get(env.name)!;
      renderFlows(tenantNamespace.firewall, env.cluster, env.namespace, policies);
      const certificates = addSharingCertificates(tenantNamespace, model, env, tenantNamespace.namespaceName, providers.for(env.cluster), sharing);
      const placed = env.services.map((service) =>
        addServiceTemplate(tenantNamespace, model, env, service, tenantNamespace.namespaceName, providers.for(env.cluster), certificates.get(service.name)),
      );
      this.requiredSecrets.push(
        ...provisionSecrets(
          tenantNamespace,
          model,
          env,
          tenantNamespace.namespaceName,
          providers.for(env.cluster),
          placed.flatMap((p) => p.secretReads),
          new Set(certificates.values()),
        ),
      );
      const stateful = placed.filter((p) => p.statefulResources.length > 0);
      if (stateful.length === 0) continue;
      this.record({ key: `${department.name}/${env.name}`, kind: "namespace", stack: name, resources: [this.address(tenantNamespace.namespace)] });
      for (const { service, statefulResources, dataClaims } of stateful) {
        const key = `${department.name}/${env.name}/${service.name}`;
        const imported = dataClaims ? this.adoptExistingClaims(model, key, dataClaims, env.namespace) : [];
        this.record({
          ...(imported.length > 0 ? { imported } : {}),
          key,
          kind: "service",
          template: service.template,
          stack: name,
          resources: statefulResources.map((r) => this.address(r)),
        });
      }
    }
    if (this.requiredSecrets.length > 0) {
      new TerraformOutput(this, REQUIRED_SECRETS_OUTPUT, {
        description: "Secrets the workloads of this stack read, to be created in their namespaces before the first apply (no secret store is declared).",
        // Terraform has no undefined: readers of every key are marked so, rather than by an empty key list.
        value: this.requiredSecrets.map(({ keys, ...s }) => ({ ...s, readers: [...s.readers], ...(keys ? { keys: [...keys] } : { everyKey: true }) })),
      });
    }
    // What an environment that moved or left holds on its old cluster is destroyed through that cluster's provider.
    for (const cluster of department.vacatedClusters) providers.for(cluster);
    for (const { address, cluster } of model.retiredResources.filter((r) => r.stack === name)) {
      new RetiredResource(this, `retired-${address}`, address);
      // Terraform needs the provider of every object in state, even to forget it.
      if (cluster !== undefined) providers.for(cluster);
    }
  }

  /**
   * The data claims Terraform imports (`import` blocks, id `namespace/name`) rather than creates,
   * as the model decided from the record (`ClaimImport`). New stores and new replicas get claims
   * created by Terraform. Returns the imported addresses, which the record keeps.
   */
  private adoptExistingClaims(model: PlatformModel, key: string, claims: readonly PersistentVolumeClaimV1[], namespace: string): string[] {
    const plan = model.claimImports.get(key);
    if (!plan) return [];
    const adopted = "addresses" in plan ? claims.filter((claim) => plan.addresses.includes(this.address(claim))) : claims.slice(0, plan.appliedReplicas ?? claims.length);
    for (const claim of adopted) claim.importFrom(`${namespace}/${claim.metadata.nameInput}`, claim.provider);
    return adopted.map((claim) => this.address(claim));
  }

  private record(entry: StatefulLockEntry): void {
    this.statefulEntries.push(entry);
  }

  private address(resource: TerraformResource): string {
    return `${resource.terraformResourceType}.${this.getLogicalId(resource)}`;
  }
}
