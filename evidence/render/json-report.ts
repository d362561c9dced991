import type { EvidencePack } from "../evidence-pack";

/**
 * report.json: the pack itself, 2-space indented, keys in code-point order at every depth, so
 * the bytes depend only on the values, never on the order a builder happened to set fields in.
 * Arrays keep their order: it is meaningful (sorted by the builder). Ends with a newline.
 */
export function renderJson(pack: EvidencePack): string {
  const chunks: string[] = [];
  writeJson(pack, (chunk) => chunks.push(chunk));
  return chunks.join("");
}

/** How deep report.json is written piece by piece; below this, each value is one JSON.stringify. */
const STREAMED_DEPTH = 4;

/**
 * report.json as `renderJson` has it, handed to `write` in pieces: a province's pack is some
 * hundred megabytes of text, which as one string (and one sorted copy of the pack) doubled the
 * audit's peak memory. The pieces are the JSON.stringify of the values below the top levels,
 * re-indented: JSON text has line breaks only between tokens, never inside a string.
 */
export function writeJson(pack: EvidencePack, write: (chunk: string) => void): void {
  writeValue(pack, "", STREAMED_DEPTH, write);
  write("\n");
}

function writeValue(value: unknown, indent: string, depth: number, write: (chunk: string) => void): void {
  if (depth === 0 || value === null || typeof value !== "object") {
    const text = JSON.stringify(sortKeys(value), null, 2);
    write(indent === "" ? text : text.replace(/\n/g, `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return write("[]");
    write("[");
    for (let index = 0; index < value.length; index++) {
      write(`${index === 0 ? "" : ","}\n${inner}`);
      // As JSON.stringify does in an array: a hole, or what has no JSON form, is null.
      if (hasJsonForm(value[index])) writeValue(value[index], inner, depth - 1, write);
      else write("null");
    }
    return write(`\n${indent}]`);
  }
  const record = value as Record<string, unknown>;
  const keys = orderedKeys(record).filter((key) => hasJsonForm(record[key]));
  if (keys.length === 0) return write("{}");
  write("{");
  keys.forEach((key, index) => {
    write(`${index === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `);
    writeValue(record[key], inner, depth - 1, write);
  });
  write(`\n${indent}}`);
}

function hasJsonForm(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** The keys in the order the sorted copy of `sortKeys` holds them (integer-like keys first, as in every object). */
function orderedKeys(value: Record<string, unknown>): string[] {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = true;
  return Object.keys(sorted);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
