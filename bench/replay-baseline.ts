/**
 * The replay baseline: a plain cdktf program, with no govcloud layer, that creates the resources
 * of a synthesized output again through the same provider classes
 * (`@cdktf/provider-kubernetes/lib/<resource>`) and synthesizes them with cdktf. Each resource's
 * config is its cdk.tf.json block with the keys turned back into the classes' camelCase props;
 * the replay's own output is then compared with the original, resource by resource.
 *
 *   node --require tsx/cjs bench/replay-baseline.ts SYNTH_OUT_DIR REPLAY_OUT_DIR
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { App, LocalBackend, TerraformResource, TerraformStack } from "cdktf";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";

type Json = Record<string, unknown>;
type ResourceClass = new (scope: TerraformStack, id: string, config: Json) => TerraformResource;

const [from, to] = process.argv.slice(2).map((p) => resolve(p));

/** `kubernetes_deployment_v1` → the DeploymentV1 class of `@cdktf/provider-kubernetes/lib/deployment-v1`. */
const classes = new Map<string, ResourceClass>();
function resourceClass(type: string): ResourceClass {
  let found = classes.get(type);
  if (!found) {
    const module = type.replace(/^kubernetes_/, "").replace(/_/g, "-");
    const name = module.split("-").map((part) => part[0].toUpperCase() + part.slice(1)).join("");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    found = require(`@cdktf/provider-kubernetes/lib/${module}`)[name] as ResourceClass;
    if (!found) throw new Error(`no class ${name} for ${type}`);
    classes.set(type, found);
  }
  return found;
}

/** Attribute and block names are snake_case; map keys (labels, quota names) have dots, slashes or dashes and stay. */
const ATTRIBUTE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [ATTRIBUTE.test(k) ? k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : k, camel(v)]));
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

const documents = readdirSync(join(from, "stacks"))
  .sort()
  .map((stack) => ({ stack, document: readJson(join(from, "stacks", stack, "cdk.tf.json")) }));

rmSync(to, { recursive: true, force: true });
// The same runtime setting as `govcloud synth` (artifact/synthesize-platform.ts withPlainStackTraces):
// cdktf's stack trace per token, not mapped through source maps, so the comparison is of the layers alone.
process.setSourceMapsEnabled(false);
const start = performance.now();
const app = new App({ outdir: to });
let resources = 0;
for (const { stack: name, document } of documents) {
  const stack = new TerraformStack(app, name);
  const backend = ((document.terraform as Json).backend as Json).local as { path: string };
  new LocalBackend(stack, { path: backend.path });
  const providers = new Map<string, KubernetesProvider>();
  for (const p of ((document.provider as Json).kubernetes as Array<{ alias: string; config_path: string; config_context: string }>) ?? []) {
    providers.set(`kubernetes.${p.alias}`, new KubernetesProvider(stack, `cluster-${p.alias}`, { alias: p.alias, configPath: p.config_path, configContext: p.config_context }));
  }
  for (const [type, group] of Object.entries((document.resource as Record<string, Record<string, Json>>) ?? {})) {
    const Resource = resourceClass(type);
    for (const [id, block] of Object.entries(group)) {
      const { "//": _metadata, provider, depends_on: dependsOn, lifecycle, ...config } = block;
      const resource = new Resource(stack, id, {
        ...(camel(config) as Json),
        provider: providers.get(provider as string),
        ...(lifecycle ? { lifecycle: camel(lifecycle) } : {}),
      });
      resource.overrideLogicalId(id);
      if (dependsOn) resource.addOverride("depends_on", dependsOn);
      resources++;
    }
  }
}
const constructed = performance.now() - start;
app.synth();
const ms = performance.now() - start;

// Fidelity: the same resource blocks as the original, apart from the construct-path metadata.
// Not part of the baseline: its time is reported apart (checkMs) and left out of the comparison.
const checkStart = performance.now();
let differing = 0;
for (const { stack, document } of documents) {
  const replayed = readJson(join(to, "stacks", stack, "cdk.tf.json"));
  for (const [type, group] of Object.entries((document.resource as Record<string, Record<string, Json>>) ?? {})) {
    for (const [id, block] of Object.entries(group)) {
      const again = ((replayed.resource as Record<string, Record<string, Json>>)?.[type]?.[id] ?? {}) as Json;
      const strip = ({ "//": _, ...rest }: Json) => JSON.stringify(rest);
      if (strip(block) !== strip(again)) differing++;
    }
  }
}
process.stdout.write(
  `BENCH ${JSON.stringify({ workMs: ms, constructMs: constructed, checkMs: performance.now() - checkStart, detail: `${documents.length} stacks, ${resources} resources, ${differing} differ from the original` })}\n`,
);
