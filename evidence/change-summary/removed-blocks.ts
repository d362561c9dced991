import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A Terraform `removed` block of the artifact: the address leaves the configuration. */
export interface RemovedBlock {
  readonly stack: string;
  readonly address: string;
  /** `lifecycle.destroy`: false means Terraform forgets the object and the data stays. */
  readonly destroy: boolean;
}

/**
 * The `removed` blocks of every stack under `outdir`, read from `cdk.tf.json` directly:
 * `readArtifact` converts resources into Kubernetes objects and has no place for them.
 * Sorted by stack, then address.
 */
export function readRemovedBlocks(outdir: string): RemovedBlock[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
  const blocks: RemovedBlock[] = [];
  for (const [stack, entry] of Object.entries(manifest.stacks ?? {})) {
    const path = join(outdir, entry.synthesizedStackPath ?? join("stacks", stack, "cdk.tf.json"));
    const document = JSON.parse(readFileSync(path, "utf8")) as { removed?: Array<{ from?: unknown; lifecycle?: { destroy?: unknown } }> };
    for (const block of document.removed ?? []) {
      if (typeof block.from !== "string") continue;
      // Terraform's default for a removed block is to destroy; only an explicit false keeps the data.
      blocks.push({ stack, address: block.from, destroy: block.lifecycle?.destroy !== false });
    }
  }
  return blocks.sort((a, b) => compareText(a.stack, b.stack) || compareText(a.address, b.address));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
