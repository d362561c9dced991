import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { StatefulLock, StatefulLockEntry } from "../../config/declaration/stateful-lock";
import { previewStack, type StackDocument } from "../../artifact/plan-preview/plan-preview";
import { previewProjection } from "../../artifact/plan-preview/preview-projection";
import { withFieldsFrom } from "../../artifact/plan-preview/record-replacement-fields";
import { synthesizeExample } from "../stacks/example-artifact";

/**
 * A synthesis keeps the projection of each unchanged stack instead of its document: that is only
 * sound if, for every lock, the projection previews and records exactly as the document does.
 * Checked on every stack of the example, with its real lock and with locks that make the preview
 * move, replace, destroy and forget, and with documents carrying every `lifecycle` setting.
 */
const example = synthesizeExample();
const stacks = readdirSync(join(example.outdir, "stacks")).sort();
const documentOf = (stack: string): StackDocument => JSON.parse(readFileSync(join(example.outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
const realLock = JSON.parse(readFileSync(join(dirname(example.outdir), "config", "stateful.lock.json"), "utf8")) as StatefulLock;

/**
 * The real lock, bent: each stack's first object recorded on another cluster, its last one not
 * recorded at all, objects that are gone, every object holding data with other replacement fields.
 */
function bentLock(stack: string, document: StackDocument): StatefulLock {
  const addresses = Object.entries(document.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
  const entry: StatefulLockEntry = {
    key: "bent/prod/db",
    kind: "service",
    stack,
    resources: addresses,
    fields: Object.fromEntries(addresses.map((address) => [address, { "metadata.name": "renamed", "metadata.namespace": "elsewhere", "spec.volume_claim_template.#": 3 }])),
  };
  const [first, ...rest] = addresses;
  return {
    ...realLock,
    entries: [...realLock.entries, entry],
    stacks: { ...realLock.stacks, [stack]: { "other-cluster": { bent: [first] }, "shared-hz": { bent: [...rest.slice(0, -1), "kubernetes_config_map_v1.gone", "kubernetes_secret_v1.forgotten"] } } },
  };
}

/** The document with `lifecycle` on its resources (prevent_destroy, ignore_changes), a `removed` block, and an object it imports. */
function withLifecycle(document: StackDocument): StackDocument {
  const resource = JSON.parse(JSON.stringify(document.resource ?? {})) as NonNullable<StackDocument["resource"]>;
  let i = 0;
  for (const byName of Object.values(resource)) {
    for (const config of Object.values(byName)) {
      i += 1;
      if (i % 3 === 0) config.lifecycle = { prevent_destroy: true };
      if (i % 3 === 1) config.lifecycle = { ignore_changes: ["metadata[0].name", "spec[0].volume_claim_template"] };
    }
  }
  resource.kubernetes_config_map_v1 = { ...resource.kubernetes_config_map_v1, adopted: { provider: "kubernetes.shared-hz", metadata: { name: "adopted", namespace: "default" } } };
  return { resource, removed: [{ from: "kubernetes_secret_v1.forgotten", lifecycle: { destroy: false } }], import: [{ to: "kubernetes_config_map_v1.adopted" }] };
}

describe("the preview projection of a stack document", () => {
  it("previews against itself and without a previous output exactly as the whole document, for any lock", () => {
    const actions = new Set<string>();
    for (const stack of stacks) {
      for (const document of [documentOf(stack), withLifecycle(documentOf(stack))]) {
        const projection = previewProjection(document);
        for (const lock of [realLock, bentLock(stack, document)]) {
          const whole = previewStack(lock, stack, document, document);
          expect(previewStack(lock, stack, projection, projection)).toEqual(whole);
          const unpaired = previewStack(lock, stack, document, undefined);
          expect(previewStack(lock, stack, projection, undefined)).toEqual(unpaired);
          for (const change of [...whole.changes, ...unpaired.changes]) actions.add(change.action);
        }
      }
    }
    // The bent locks reach every kind of change the preview tells without comparing attributes.
    expect([...actions].sort()).toEqual(["create", "destroy", "forget", "import", "move", "replace"]);
  });

  it("records the same replacement fields of the objects holding data", () => {
    let recorded = 0;
    for (const stack of stacks) {
      const document = documentOf(stack);
      const projection = previewProjection(document);
      for (const entry of bentLock(stack, document).entries.filter((e) => e.stack === stack)) {
        const whole = withFieldsFrom(entry, document.resource ?? {});
        expect(withFieldsFrom(entry, projection.resource ?? {})).toEqual(whole);
        recorded += Object.keys(whole.fields ?? {}).length;
      }
    }
    expect(recorded).toBeGreaterThan(100);
  });

  it("is smaller than the document: it keeps what the preview reads, not the objects", () => {
    const stack = stacks.find((name) => name.startsWith("dept-"))!;
    const document = documentOf(stack);
    const projected = JSON.stringify(previewProjection(document));
    expect(projected.length).toBeLessThan(JSON.stringify(document).length / 2);
  });
});
