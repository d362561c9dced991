import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import type { PlatformModel } from "../../config/model/platform-model";
import { readPlatformOrThrow } from "../../config/read-platform";
import { copyExampleProject } from "../artifact/example-project";

/** The date the bundled example's expiry checks are pinned to in tests. */
export const EXAMPLE_TODAY = "2036-11-27";

/** Set by test/global-setup.ts: a project where the example is already synthesized for EXAMPLE_TODAY. */
export const EXAMPLE_CACHE_VARIABLE = "GOVCLOUD_TEST_EXAMPLE_PROJECT";

export interface ExampleArtifact {
  readonly model: PlatformModel;
  /** The synthesized output folder (`cdktf.out`) of the temporary project. */
  readonly outdir: string;
  /** Resources of one stack by Terraform type, as Terraform will read them. */
  resources(stack: string, type: string): Array<Record<string, any>>;
  /** A NetworkPolicy of a stack by namespace and name. */
  policy(stack: string, namespace: string, name: string): Record<string, any>;
  /** Every NetworkPolicy of a stack with the name of its namespace resolved. */
  policies(stack: string): Array<{ namespace: string; resource: Record<string, any> }>;
}

/**
 * The bundled example synthesized into a temporary project of this suite's own (it may change
 * it), with the artifact read back. For the usual date it copies the run's one synthesis.
 */
export function synthesizeExample(today: string = EXAMPLE_TODAY): ExampleArtifact {
  const cached = process.env[EXAMPLE_CACHE_VARIABLE];
  let root: string;
  if (cached && today === EXAMPLE_TODAY) {
    root = mkdtempSync(join(tmpdir(), "govcloud-example-"));
    cpSync(cached, root, { recursive: true });
  } else {
    root = copyExampleProject();
    const fresh = readPlatformOrThrow(join(root, "config"), { today });
    synthesizePlatform(fresh, { outdir: join(root, "cdktf.out"), projectRoot: root, configDir: join(root, "config") });
  }
  const model = readPlatformOrThrow(join(root, "config"), { today });
  const cache = new Map<string, any>();
  const stackJson = (stack: string) => {
    if (!cache.has(stack)) cache.set(stack, JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", stack, "cdk.tf.json"), "utf8")));
    return cache.get(stack);
  };
  const resources = (stack: string, type: string) => Object.values(stackJson(stack).resource?.[type] ?? {}) as Array<Record<string, any>>;
  // Policies name their namespace through a reference to the namespace resource; resolve it.
  const namespaceOf = (stack: string, ref: string) => {
    const match = /^\$\{kubernetes_namespace_v1\.([^.]+)\.metadata\[0\]\.name\}$/.exec(ref);
    return match ? stackJson(stack).resource.kubernetes_namespace_v1[match[1]].metadata.name : ref;
  };
  const policies = (stack: string) =>
    resources(stack, "kubernetes_network_policy_v1").map((resource) => ({ namespace: namespaceOf(stack, resource.metadata.namespace) as string, resource }));
  return {
    model,
    outdir: join(root, "cdktf.out"),
    resources,
    policies,
    policy(stack, namespace, name) {
      const found = policies(stack).filter((p) => p.resource.metadata.name === name && p.namespace === namespace);
      if (found.length !== 1) throw new Error(`expected one policy ${namespace}/${name} in ${stack}, found ${found.length}`);
      return found[0].resource;
    },
  };
}
