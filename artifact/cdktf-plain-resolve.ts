// cdktf keeps its resolver private; the version is pinned exactly (package.json), and a test
// (test/artifact/cdktf-plain-resolve.test.ts) compares this file's results with cdktf's own on
// every kind of token the resolver knows, and a whole province's stacks byte for byte.
import { extractTokenDouble } from "cdktf/lib/tokens/private/encoding";
import { Token } from "cdktf/lib/tokens/token";
import type { resolve as Resolve } from "cdktf/lib/tokens/private/resolve";

// The module object itself, whose `resolve` cdktf's Tokenization calls: an ES import would be a copy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cdktfResolver = require("cdktf/lib/tokens/private/resolve") as { resolve: typeof Resolve };
type ResolveOptions = Parameters<typeof Resolve>[1];

const cdktfResolve = cdktfResolver.resolve;

/**
 * Runs `work` (synthesizing stacks) with cdktf's resolver taking a short cut through plain
 * values. cdktf resolves a stack twice over (each element, then the merged document), visiting
 * every value with a new context, a path array and a path string: three quarters of a stack's
 * synthesis time went there and to the garbage it leaves, though nearly every value in a
 * govcloud stack is a plain string, number or object that resolves to a copy of itself. Here a
 * plain value is copied directly; anything that could hold a token (a marker in a string or
 * key, an encoded number, an object with `resolve`, a Date, a construct) is handed to cdktf's
 * resolver with the same options and path it would have had, so the result is the same.
 */
export function resolvingPlainValuesDirectly<T>(work: () => T): T {
  const installed = cdktfResolver.resolve;
  cdktfResolver.resolve = resolveTakingShortCuts as typeof Resolve;
  try {
    return work();
  } finally {
    cdktfResolver.resolve = installed;
  }
}

/** cdktf refuses paths deeper than 200 steps; values that deep are left to it, so it still does. */
const DEEPEST_SHORT_CUT = 190;

const TOKEN_MARKER = "TfToken[";
// cdktf's pattern for numbers encoded into strings (tokens/private/encoding.js).
const NUMBER_IN_STRING = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;

export function resolveTakingShortCuts(value: unknown, options: ResolveOptions): unknown {
  const prefix = options.prefix ?? [];
  return copyPlain(value, (path, subtree) => cdktfResolve(subtree, { ...options, prefix: [...prefix, ...path] }), [], prefix.length);
}

type HandOver = (path: readonly string[], subtree: unknown) => unknown;

/**
 * The value as cdktf's resolver would return it: plain values copied (undefined members of
 * objects and arrays left out, as cdktf leaves them), the rest handed over at `path`.
 */
function copyPlain(value: unknown, handOver: HandOver, path: string[], depth: number): unknown {
  if (value === undefined || value === null) return value;
  if (depth + path.length > DEEPEST_SHORT_CUT) return handOver(path, value);
  switch (typeof value) {
    case "string":
      return mayHoldToken(value) ? handOver(path, value) : value;
    case "number":
      return isEncodedNumber(value) ? handOver(path, value) : value;
    case "boolean":
    case "bigint":
    case "symbol":
      return value;
    case "function":
      return handOver(path, value);
  }
  if (Array.isArray(value)) {
    if (value.some((element) => (typeof element === "string" && element.includes(TOKEN_MARKER)) || (typeof element === "number" && isEncodedNumber(element)))) {
      return handOver(path, value);
    }
    const copy: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      path.push(String(index));
      const element = copyPlain(value[index], handOver, path, depth);
      path.pop();
      if (element !== undefined) copy.push(element);
    }
    return copy;
  }
  const object = value as Record<string, unknown>;
  if (object instanceof Date || typeof object.resolve === "function" || isConstruct(object)) return handOver(path, value);
  const keys = Object.keys(object);
  if (keys.some(mayHoldToken)) return handOver(path, value);
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    path.push(key);
    const member = copyPlain(object[key], handOver, path, depth);
    path.pop();
    if (member !== undefined) copy[key] = member;
  }
  return copy;
}

/** A string cdktf's resolver could change or refuse: a token marker, a map token, or an encoded number inside. */
function mayHoldToken(text: string): boolean {
  if (text.includes(TOKEN_MARKER) || text === Token.STRING_MAP_TOKEN_VALUE || text === Token.ANY_MAP_TOKEN_VALUE) return true;
  NUMBER_IN_STRING.lastIndex = 0;
  for (let match = NUMBER_IN_STRING.exec(text); match; match = NUMBER_IN_STRING.exec(text)) {
    if (isEncodedNumber(parseFloat(match[0]))) return true;
  }
  return false;
}

/** A number that stands for a token (or a list of them), or cdktf's map marker. */
function isEncodedNumber(value: number): boolean {
  return value === Token.NUMBER_MAP_TOKEN_VALUE || extractTokenDouble(value, false) !== undefined || extractTokenDouble(value, true) !== undefined;
}

/** cdktf's own test: resolving a construct is a mistake it reports. */
function isConstruct(object: Record<string, unknown>): boolean {
  return object._children !== undefined && object._metadata !== undefined;
}
