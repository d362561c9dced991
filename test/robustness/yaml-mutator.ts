import { readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";

/**
 * One random edit of one node of a parsed YAML declaration: the mistakes (and the malice) a
 * department's file can contain. Wrong types, missing fields, unknown keys, out-of-range
 * numbers, duplicated list items (duplicate names), references to things that do not exist,
 * hostile strings. Some edits leave the declaration valid (a replica count of 3): that is fine,
 * the suite then requires synthesis to succeed.
 */

type Path = ReadonlyArray<string | number>;

export type Mutation =
  | { readonly kind: "replace"; readonly node: number; readonly value: unknown }
  | { readonly kind: "swap-string"; readonly node: number; readonly other: number }
  | { readonly kind: "delete"; readonly node: number }
  | { readonly kind: "unknown-key"; readonly node: number; readonly key: string }
  | { readonly kind: "duplicate-item"; readonly node: number }
  | { readonly kind: "empty-collection"; readonly node: number };

/** Values a field can be replaced with: other types, numbers around every limit, hostile text. */
export const REPLACEMENTS: readonly unknown[] = [
  0, 1, 2, 3, 5, 100, 101, 65535, 65536, -1, 1.5, 1e21,
  true, false, null,
  "", " ", "nope", "Bad_Name", "../etc", "a;b", "$(rm -rf /)", "x\ny", "app.kubernetes.io/name=evil", "中文名称", "x".repeat(300),
  "2026-02-30", "500m", "0.001", "1Ei", "64Gi", "@daily", "* * * * * *",
  [], ["a"], {}, { extra: 1 },
];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("replace" as const), node: fc.nat(), value: fc.constantFrom(...REPLACEMENTS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("swap-string" as const), node: fc.nat(), other: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unknown-key" as const), node: fc.nat(), key: fc.constantFrom("extra", "replica", "Name", "中文") }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate-item" as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("empty-collection" as const), node: fc.nat() }) },
);

interface Located {
  readonly path: Path;
  readonly node: Node;
}

/** Every node of the document below the root, depth first, with its path. */
function nodesOf(document: Document): Located[] {
  const found: Located[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = [...path, String(pair.key.value)];
        if (pair.value) found.push({ path: child, node: pair.value as Node });
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        found.push({ path: [...path, i], node: item as Node });
        walk(item, [...path, i]);
      });
    }
  };
  walk(document.contents, []);
  return found;
}

/** Applies `mutation` to the document; returns a description of the edit for failure messages. */
export function mutateDocument(document: Document, mutation: Mutation): string {
  const all = nodesOf(document);
  if (all.length === 0) return "no node to mutate";
  const pick = (n: number, filter: (l: Located) => boolean = () => true) => {
    const candidates = all.filter(filter);
    return candidates.length === 0 ? undefined : candidates[n % candidates.length];
  };
  const where = (l: Located) => l.path.join(".");
  switch (mutation.kind) {
    case "replace": {
      const target = pick(mutation.node)!;
      document.setIn(target.path, mutation.value);
      return `${where(target)} = ${JSON.stringify(mutation.value)}`;
    }
    case "swap-string": {
      const strings = all.filter((l) => isScalar(l.node) && typeof l.node.value === "string");
      if (strings.length === 0) return "no string";
      const target = strings[mutation.node % strings.length];
      const value = (strings[mutation.other % strings.length].node as { value: string }).value;
      document.setIn(target.path, value);
      return `${where(target)} = ${JSON.stringify(value)}`;
    }
    case "delete": {
      const target = pick(mutation.node)!;
      document.deleteIn(target.path);
      return `delete ${where(target)}`;
    }
    case "unknown-key": {
      const maps = all.filter((l) => isMap(l.node));
      const target = maps.length === 0 ? undefined : maps[mutation.node % maps.length];
      const path = target?.path ?? [];
      document.setIn([...path, mutation.key], "surprise");
      return `add ${[...path, mutation.key].join(".")}`;
    }
    case "duplicate-item": {
      const target = pick(mutation.node, (l) => isSeq(l.node) && l.node.items.length > 0);
      if (!target) return "no list";
      const seq = target.node as unknown as { items: unknown[] };
      seq.items.push(document.createNode((seq.items[0] as Node).toJSON()));
      return `duplicate ${where(target)}[0]`;
    }
    case "empty-collection": {
      const target = pick(mutation.node, (l) => isSeq(l.node) || isMap(l.node));
      if (!target) return "no collection";
      (target.node as unknown as { items: unknown[] }).items = [];
      return `empty ${where(target)}`;
    }
  }
}

/** Mutates one YAML file in place; returns what was done. */
export function mutateFile(path: string, mutation: Mutation): string {
  const document = parseDocument(readFileSync(path, "utf8"));
  const description = mutateDocument(document, mutation);
  writeFileSync(path, document.toString());
  return description;
}
