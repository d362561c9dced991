import { relative } from "node:path";
import { LocalBackend, S3Backend, TerraformBackend, TerraformRemoteState, type TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { PlatformModel } from "../config/model/platform-model";

/**
 * Terraform's `kubernetes` backend (state in a Secret of the cluster, locked by a Lease in the
 * same namespace, which must exist before `terraform init`), which cdktf 0.21 has
 * no class for. Remote-state reading is not needed: stacks never read each other's state.
 */
class KubernetesStateBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: { secretSuffix: string; namespace: string; configPath: string; configContext?: string },
  ) {
    super(scope, "backend", "kubernetes");
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const { secretSuffix, namespace, configPath, configContext } = this.props;
    return {
      secret_suffix: secretSuffix,
      namespace,
      config_path: configPath,
      ...(configContext ? { config_context: configContext } : {}),
    };
  }

  getRemoteStateDataSource(): TerraformRemoteState {
    throw new Error("govcloud stacks do not read each other's state");
  }
}

export interface StateLocation {
  /** Folder the synthesized stacks are written to, e.g. `/repo/cdktf.out`. */
  readonly outdir: string;
  /** Project root: relative local state folders are resolved from here. */
  readonly projectRoot: string;
}

/**
 * Gives a stack its own state, so each department plans and applies alone. Local state paths
 * are written relative to the stack's folder, never absolute, so two clones synthesize the same bytes.
 */
export function configureStateBackend(stack: TerraformStack, name: string, model: PlatformModel, where: StateLocation): void {
  const backend = model.stateBackend;
  switch (backend.type) {
    case "local": {
      const stackDir = `${where.outdir}/stacks/${name}`;
      const stateDir = relative(stackDir, `${where.projectRoot}/${backend.directory}`);
      new LocalBackend(stack, { path: `${stateDir}/${name}.tfstate` });
      return;
    }
    case "s3":
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: `${backend.keyPrefix}/${name}.tfstate`,
        region: backend.region,
        endpoints: { s3: backend.endpoint },
        usePathStyle: true,
        skipCredentialsValidation: true,
        skipRegionValidation: true,
        skipRequestingAccountId: true,
        skipMetadataApiCheck: true,
        skipS3Checksum: true,
        ...(backend.locking.type === "dynamodb" ? { dynamodbTable: backend.locking.table, endpoints: { s3: backend.endpoint, dynamodb: backend.locking.endpoint } } : {}),
      });
      // Without a lock two runners on one stack can both write its state; cdktf 0.21 has no
      // property for Terraform 1.10's lock file beside the state object.
      if (backend.locking.type === "lockfile") stack.addOverride("terraform.backend.s3.use_lockfile", true);
      return;
    case "kubernetes":
      new KubernetesStateBackend(stack, {
        secretSuffix: name,
        namespace: backend.namespace,
        configPath: backend.configPath,
        configContext: backend.configContext,
      });
      return;
  }
}
