import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { ProtectionLevel } from "../labels";
import type { TenantRole } from "../platform/rbac-rules";
import { TenantNamespace } from "./tenant-namespace";

export interface TenantEnvironmentProps {
  readonly name: string;
  /**
   * The construct id of the environment's namespace, and so the Terraform addresses of everything
   * in it. Give a new id when the environment moves to another cluster: Terraform then destroys
   * the objects on the old cluster and creates them on the new one, where a changed provider on the
   * same addresses would leave the old objects running, unmanaged.
   * @default - the environment's name
   */
  readonly constructId?: string;
  readonly namespace: string;
  readonly level: ProtectionLevel;
  readonly quota: TenantNamespaceQuota;
  /** The environment runs databases or caches. @default false */
  readonly holdsData?: boolean;
  /** Provider of the cluster the environment is placed on. */
  readonly provider: TerraformProvider;
}

export type TenantNamespaceQuota = { readonly cpu: string; readonly memory: string; readonly storage: string; readonly pods: number };

export interface DepartmentTenantProps {
  /** Department name (a DNS label). */
  readonly department: string;
  readonly displayName: string;
  /** The department's groups per tenant role; the same in all its environments. */
  readonly groups: Readonly<Record<TenantRole, readonly string[]>>;
  readonly environments: readonly TenantEnvironmentProps[];
}

/** A department on the platform: one graded namespace per environment, on whichever cluster hosts it. */
export class DepartmentTenant extends Construct {
  readonly environments: ReadonlyMap<string, TenantNamespace>;

  constructor(scope: Construct, id: string, props: DepartmentTenantProps) {
    super(scope, id);
    const environments = new Map<string, TenantNamespace>();
    for (const env of props.environments) {
      if (environments.has(env.name)) {
        throw new Error(`DepartmentTenant ${props.department}: environment "${env.name}" is declared twice`);
      }
      environments.set(
        env.name,
        new TenantNamespace(this, env.constructId ?? env.name, {
          department: props.department,
          environment: env.name,
          name: env.namespace,
          level: env.level,
          displayName: props.displayName,
          quota: env.quota,
          groups: props.groups,
          holdsData: env.holdsData,
          provider: env.provider,
        }),
      );
    }
    this.environments = environments;
  }
}
