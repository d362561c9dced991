import { readFileSync, statSync } from "node:fs";
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node } from "yaml";
import type { ParsedValues } from "./parse-cache";
import { error, type FieldPath, type PositionedProblem, type Problem } from "./problem";

/** Declarations are short; anything larger is a mistake or an attack, refused before parsing. */
export const MAX_DECLARATION_BYTES = 1024 * 1024;
/** How large a file may be before it is refused unread, and what the refusal calls it. */
export interface SizeLimit {
  readonly bytes: number;
  /** e.g. "a declaration", "1 MiB" */
  readonly what: string;
  readonly human: string;
}
const DECLARATION_LIMIT: SizeLimit = { bytes: MAX_DECLARATION_BYTES, what: "a declaration", human: "1 MiB" };
/** Aliases are legitimate YAML, but thousands of them are a "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;
/**
 * A declaration nests about ten levels; thousands of `[` or `- ` would exhaust the stack of the
 * recursive steps after parsing (composing, converting, checking), so they are refused first.
 */
export const MAX_NESTING = 64;

/**
 * One YAML file, parsed with source positions. `data` is the plain JavaScript value the
 * schemas check; `locate` maps a field path back to the line and column it came from.
 */
export class SourceDocument {
  /**
   * The parsed document, for positions. A valid declaration needs none, and a province's
   * thousand documents held until the end cost more in garbage collection than parsing them
   * again, so only the text is kept and the document is parsed again, once, when first asked.
   */
  private positions?: { readonly root: Node | null; readonly lines: LineCounter };

  private constructor(
    readonly file: string,
    readonly data: unknown,
    private readonly text: string,
  ) {}

  /**
   * Reads and parses `file` (displayed as `displayName`). Returns the document, or the problems
   * that make it unreadable: too large, not UTF-8, invalid YAML, duplicate keys, alias bombs.
   * With `parsed`, a text parsed before is not parsed again, and one parsed now is kept there.
   */
  static read(path: string, displayName: string, limit: SizeLimit = DECLARATION_LIMIT, parsed?: ParsedValues): SourceDocument | Problem[] {
    const size = statSync(path).size;
    if (size > limit.bytes) {
      return [error(displayName, [], `file is ${size} bytes; ${limit.what} may be at most ${limit.bytes} bytes (${limit.human})`)];
    }
    const bytes = readFileSync(path);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // The lenient decoder marks the first bad byte with U+FFFD, which gives a line and column.
      const lenient = new TextDecoder("utf-8").decode(bytes);
      const lines = lenient.slice(0, lenient.indexOf("\uFFFD")).split("\n");
      return [
        {
          ...error(displayName, [], "file is not valid UTF-8; save it as UTF-8"),
          line: lines.length,
          column: lines[lines.length - 1].length + 1,
        } as Problem,
      ];
    }
    const known = parsed?.recall(text);
    if (known) return new SourceDocument(displayName, known.data, text);
    const document = SourceDocument.parse(text, displayName);
    if (!Array.isArray(document)) parsed?.remember(text, document.data);
    return document;
  }

  static parse(text: string, displayName: string): SourceDocument | Problem[] {
    const lines = new LineCounter();
    const tokens = tokensWithinNesting(text, lines);
    if (typeof tokens === "number") {
      const before = text.slice(0, tokens);
      const line = before.split("\n").length;
      const column = tokens - before.lastIndexOf("\n");
      return [{ ...error(displayName, [], `refused: lists and mappings nested more than ${MAX_NESTING} levels deep`), line, column } as Problem];
    }
    const doc = composeOneDocument(tokens, text.length, lines);
    const located = (offset: number, message: string): Problem & { line: number; column: number } => {
      const { line, col } = lines.linePos(offset);
      return { ...error(displayName, [], message), line, column: col };
    };
    if (doc.errors.length > 0) {
      return doc.errors.map((e) => located(e.pos[0], `invalid YAML: ${describeYamlError(e.code, e.message, text, e.pos[0])}`));
    }
    const odd = oddNodes(doc, text).map(({ offset, path, message }) => ({ ...located(offset, message), path }));
    if (odd.length > 0) return odd;
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      return [error(displayName, [], `refused: ${(e as Error).message} (at most ${MAX_ALIAS_COUNT} alias expansions)`)];
    }
    return new SourceDocument(displayName, data ?? {}, text);
  }

  private parsed(): { readonly root: Node | null; readonly lines: LineCounter } {
    if (!this.positions) {
      // The text parsed without errors before, so it parses the same way again.
      const lines = new LineCounter();
      const tokens = tokensWithinNesting(this.text, lines) as CST.Token[];
      this.positions = { root: composeOneDocument(tokens, this.text.length, lines).contents, lines };
    }
    return this.positions;
  }

  /**
   * The line and column of the field at `path`: the key of a map entry, the item of a list.
   * A path that does not exist (a missing field) resolves to the closest existing parent.
   */
  locate(path: FieldPath): { line: number; column: number } {
    const { root, lines } = this.parsed();
    let node: Node | null = root;
    let offset = node?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const key = pair.key as Node;
        offset = key.range?.[0] ?? offset;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
        node = node.items[segment] as Node;
        offset = node.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  }

  position(problem: Problem): PositionedProblem {
    if ("line" in problem) return problem as PositionedProblem;
    return { ...problem, ...this.locate(problem.path) };
  }
}

/**
 * The parser's tokens for `text`, or the offset where the document first nests deeper than
 * MAX_NESTING. The parser keeps its open collections on an explicit stack, so the depth is checked
 * lexeme by lexeme and the pass stops early, before anything recursive sees the document; the
 * tokens it kept are then composed without lexing and parsing the text a second time.
 */
const COLLECTIONS = new Set(["block-map", "block-seq", "flow-collection"]);

function tokensWithinNesting(text: string, lines: LineCounter): CST.Token[] | number {
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_NESTING) {
      const open = parser.stack.filter((token) => COLLECTIONS.has(token.type));
      if (open.length > MAX_NESTING) return open[MAX_NESTING].offset;
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

/** As yaml's parseDocument composes a stream: the first document, and an error if another follows. */
function composeOneDocument(tokens: readonly CST.Token[], length: number, lines: LineCounter): Document.Parsed {
  const composer = new Composer({ lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  let doc: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = composed;
    } else {
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  // compose(…, true, …) always yields a document, an empty one for an empty stream.
  return doc!;
}

/** Tags of the YAML core schema: they only say how to read a plain value, never run or build anything. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Characters that have no place in a declaration and would reach labels, annotations and the
 * Terraform JSON: C0 and C1 controls (tab and line feed are text), DEL, the Unicode line and
 * paragraph separators, and bidirectional overrides that make text read other than it is.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u;

interface OddNode {
  readonly offset: number;
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * What YAML allows but a declaration refuses, each at its own place: tags beyond the core
 * schema (`!Ref`, `!!python/object`, `!!binary`), aliases with no anchor before them, and
 * control characters in keys or values. Every one is found, not only the first.
 */
function oddNodes(doc: Document, text: string): OddNode[] {
  const found: OddNode[] = [];
  const anchors = new Set<string>();
  const paths = new Map<number, FieldPath>();
  const walk = (node: unknown, path: FieldPath): void => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        found.push({ offset: node.range?.[0] ?? 0, path, message: `refused: the alias *${node.source} has no anchor &${node.source} before it` });
      }
      return;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return;
    if (node.range) paths.set(node.range[0], path);
    if (node.anchor) anchors.add(node.anchor);
    if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const shown = node.tag.startsWith("tag:yaml.org,2002:") ? `!!${node.tag.slice("tag:yaml.org,2002:".length)}` : node.tag;
      found.push({ offset: tagOffset(text, node.range?.[0] ?? 0), path, message: `refused: unknown YAML tag ${shown}; a declaration holds plain values, without tags` });
    }
    if (isScalar(node)) {
      if (typeof node.value === "string") {
        const bad = CONTROL_CHARACTER.exec(node.value);
        if (bad) {
          const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
          const at = Array.from(node.value.slice(0, bad.index)).length + 1;
          found.push({ offset: node.range?.[0] ?? 0, path, message: `refused: control character U+${code} at character ${at}; a declaration holds printable text only` });
        }
      }
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "?";
      walk(pair.key, [...path, key]);
      walk(pair.value, [...path, key]);
    }
  };
  walk(doc.contents, []);
  // A core tag on a value it cannot read (`!!int x`) is a parser warning; here it refuses.
  for (const warning of doc.warnings) {
    if (warning.code === "TAG_RESOLVE_FAILED" && !found.some((f) => f.offset === warning.pos[0])) {
      const next = [...paths.keys()].filter((offset) => offset >= warning.pos[0]).sort((a, b) => a - b)[0];
      const tag = /tag:yaml\.org,2002:(\S+)/.exec(warning.message)?.[1];
      const what = tag ? `the value does not match its tag !!${tag}` : warning.message.split("\n")[0];
      found.push({ offset: warning.pos[0], path: paths.get(next) ?? [], message: `refused: ${what}; a declaration holds plain values, without tags` });
    }
  }
  return found;
}

/** Where the tag written before the node starting at `nodeOffset` begins (`!Ref x`: at the `!`). */
function tagOffset(text: string, nodeOffset: number): number {
  let at = text.lastIndexOf("!", nodeOffset - 1);
  while (at > 0 && text[at - 1] === "!") at--;
  return at < 0 ? nodeOffset : at;
}

/** The parser's message, reworded where it speaks to programmers rather than to the file's author. */
function describeYamlError(code: string, message: string, text: string, offset: number): string {
  if (code === "DUPLICATE_KEY") {
    const key = /^[^\s:#]+/.exec(text.slice(offset))?.[0];
    return key ? `the key "${key}" appears twice in the same mapping` : "a key appears twice in the same mapping";
  }
  if (code === "MULTIPLE_DOCS") return "the file holds more than one document (a second '---'); a declaration is one document";
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
