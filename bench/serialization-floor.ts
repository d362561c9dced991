/**
 * The serialization floor: the least any synthesis of this output could cost, writing the same
 * JSON documents (every stack's cdk.tf.json and the manifest) with JSON.stringify and writeFileSync.
 * Reading them is not counted.
 *
 *   node --require tsx/cjs bench/serialization-floor.ts SYNTH_OUT_DIR TARGET_DIR
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [from, to] = process.argv.slice(2).map((p) => resolve(p));
const documents: Array<{ path: string; value: unknown }> = [{ path: "manifest.json", value: JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) }];
for (const stack of readdirSync(join(from, "stacks")).sort()) {
  const path = join("stacks", stack, "cdk.tf.json");
  documents.push({ path, value: JSON.parse(readFileSync(join(from, path), "utf8")) });
}
rmSync(to, { recursive: true, force: true });
const start = performance.now();
let bytes = 0;
for (const { path, value } of documents) {
  const text = JSON.stringify(value, null, 2);
  bytes += text.length;
  mkdirSync(join(to, path, ".."), { recursive: true });
  writeFileSync(join(to, path), text);
}
const ms = performance.now() - start;
process.stdout.write(`BENCH ${JSON.stringify({ workMs: ms, detail: `${documents.length} documents, ${(bytes / 2 ** 20).toFixed(1)} MiB` })}\n`);
