import { TerraformElement } from "cdktf";
import type { Construct } from "constructs";

/**
 * A Terraform `removed` block with `destroy = false` (Terraform ≥ 1.7, OpenTofu ≥ 1.10): Terraform
 * forgets the object at `address` and leaves it, and its data, in the cluster. This is how a
 * stateful service, an environment or a department leaves the platform.
 */
export class RetiredResource extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    readonly address: string,
  ) {
    super(scope, id);
    if (!/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(address)) {
      throw new Error(`'address' must be a Terraform resource address such as kubernetes_stateful_set_v1.db, got '${address}'`);
    }
  }

  toTerraform(): Record<string, unknown> {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }
}
