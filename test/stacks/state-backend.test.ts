import { readFileSync } from "node:fs";
import { join } from "node:path";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import type { PlatformModel } from "../../config/model/platform-model";
import { readPlatformOrThrow } from "../../config/read-platform";
import { materialize } from "../config/declaration-fixtures";

/** The `terraform` block of one stack, synthesized from the fixture platform with `stateBackend` replaced. */
function terraformBlock(stateBackend: PlatformModel["stateBackend"], stack = "dept-health"): Record<string, any> {
  const root = materialize();
  const model = { ...readPlatformOrThrow(join(root, "config")), stateBackend };
  synthesizePlatform(model, { outdir: join(root, "cdktf.out"), projectRoot: root, configDir: join(root, "config") });
  return JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", stack, "cdk.tf.json"), "utf8")).terraform;
}

const s3 = { type: "s3", bucket: "govcloud-state", endpoint: "https://oss.example.gov.cn", region: "cn-default", keyPrefix: "jiangnan" } as const;

describe("state backends", () => {
  it("locks S3-compatible state with a lock object beside it, and requires the Terraform that has it", () => {
    const terraform = terraformBlock({ ...s3, locking: { type: "lockfile" } });
    expect(terraform.backend.s3).toMatchObject({ bucket: "govcloud-state", key: "jiangnan/dept-health.tfstate", use_lockfile: true });
    expect(terraform.backend.s3.dynamodb_table).toBeUndefined();
    expect(terraform.required_version).toBe(">= 1.10.0");
  });

  it("locks S3-compatible state in a DynamoDB-compatible table when declared, for Terraform from 1.7", () => {
    const terraform = terraformBlock({ ...s3, locking: { type: "dynamodb", table: "govcloud-locks", endpoint: "https://tablestore.example.gov.cn" } }, "platform-shared");
    expect(terraform.backend.s3).toMatchObject({
      key: "jiangnan/platform-shared.tfstate",
      dynamodb_table: "govcloud-locks",
      endpoints: { s3: "https://oss.example.gov.cn", dynamodb: "https://tablestore.example.gov.cn" },
    });
    expect(terraform.backend.s3.use_lockfile).toBeUndefined();
    expect(terraform.required_version).toBe(">= 1.7.0");
  });
});
