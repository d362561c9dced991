import { createHash } from "node:crypto";

/**
 * What one computation read of its inputs: a tree of the paths it followed, each with what it
 * saw there. A stack's output is a function of exactly these reads (and of the code), so if every
 * path shows the same thing in a new model, the stack would be rebuilt byte for byte: that is the
 * cache's key, recorded by running the computation rather than declared by hand, so a stack that
 * starts reading something new is keyed on it without anyone keeping a list up to date.
 */
export interface ReadTree {
  /** What was seen at this path: a primitive's value, or an object's kind (see `observe`). */
  seen?: string;
  /** The own string keys, when they were enumerated. */
  keys?: string;
  /** Paths followed from here, by step (`.name`, `?name` for `in`, `%name` for an own property, `@key` for `Map.get`/`has`, `*` for a whole-value digest). */
  next?: Record<string, ReadTree>;
}

/** Records reads of `roots` through proxies; hand `tracked(name)` to the computation instead of the value. */
export class ReadRecorder {
  readonly tree: Record<string, ReadTree> = {};

  /** What was read so far, as it is kept. */
  reads(): Record<string, FlatReads> {
    return flattenReads(this.tree);
  }
  // One proxy per object and path: reading the same path twice gives the same object, as on the
  // plain values. An object reached by two paths gets two proxies, so each path is recorded (in
  // a new model the two paths may lead to different objects).
  private readonly proxies = new WeakMap<object, Map<ReadTree, object>>();

  constructor(private readonly roots: Readonly<Record<string, unknown>>) {}

  tracked<T>(root: string): T {
    const node = (this.tree[root] ??= {});
    return this.wrap(this.roots[root], node) as T;
  }

  private wrap(value: unknown, node: ReadTree): unknown {
    node.seen = observe(value);
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return value;
    if (typeof value === "function" || !isTraversable(value)) {
      // Sets, dates and the like: keyed on a digest of the whole value, handed over as they are.
      step(node, "*").seen = digestOf(value);
      return value;
    }
    let byPath = this.proxies.get(value);
    if (!byPath) this.proxies.set(value, (byPath = new Map()));
    const known = byPath.get(node);
    if (known) return known;
    const proxy = value instanceof Map ? this.mapProxy(value, node) : this.objectProxy(value, node);
    byPath.set(node, proxy);
    return proxy;
  }

  private objectProxy(target: object, node: ReadTree): object {
    return new Proxy(target, {
      get: (object, key, receiver) => {
        if (typeof key === "symbol") return Reflect.get(object, key, receiver);
        const own = Object.prototype.hasOwnProperty.call(object, key);
        const value = Reflect.get(object, key, receiver);
        // Methods of the prototype (Array#map, Cpu#toString) are code, not input; the kind of
        // the object (recorded in `seen`) fixes which prototype they come from.
        if (!own && typeof value === "function") return value;
        return this.wrap(value, step(node, `.${key}`));
      },
      has: (object, key) => {
        const present = Reflect.has(object, key);
        if (typeof key === "string") step(node, `?${key}`).seen = String(present);
        return present;
      },
      ownKeys: (object) => {
        const keys = Reflect.ownKeys(object);
        node.keys = ownStringKeys(object).join("\u0000");
        return keys;
      },
      getOwnPropertyDescriptor: (object, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
        if (typeof key === "string") step(node, `%${key}`).seen = descriptorOf(descriptor);
        return descriptor;
      },
      set: () => {
        throw new TypeError("a stack's inputs are read-only while it is built");
      },
      deleteProperty: () => {
        throw new TypeError("a stack's inputs are read-only while it is built");
      },
    });
  }

  /** Maps are read by key (`get`, `has`); anything else (iteration, size) keys on the whole map. */
  private mapProxy(target: Map<unknown, unknown>, node: ReadTree): object {
    const byKey = (key: unknown) => {
      if (typeof key !== "string") throw new TypeError("tracked maps are read with string keys");
      return step(node, `@${key}`);
    };
    const methods: Record<string, (key: unknown) => unknown> = {
      get: (key) => this.wrap(target.get(key), byKey(key)),
      has: (key) => {
        const present = target.has(key);
        byKey(key).seen = observe(present ? target.get(key) : undefined);
        return present;
      },
    };
    return new Proxy(target, {
      get: (map, key) => {
        if (typeof key === "string" && key in methods) return methods[key];
        step(node, "*").seen = digestOf(map);
        const value = Reflect.get(map, key, map);
        return typeof value === "function" ? value.bind(map) : value;
      },
    });
  }
}

/**
 * A `ReadTree` written out as one array, node by node in preorder: what the node saw (or null),
 * its keys (or null), how many steps follow it, then each step and the node it leads to. This
 * is how the reads are kept: a thousand stacks' trees as nested objects, keyed by their steps,
 * took twice as long to parse and longer to walk.
 */
export type FlatReads = ReadonlyArray<string | number | null>;

/** What a computation read of each root, as kept (`flattenReads`). */
export type RecordedReads = Readonly<Record<string, FlatReads>>;

export function flattenReads(tree: Readonly<Record<string, ReadTree>>): Record<string, FlatReads> {
  const flat: Record<string, FlatReads> = {};
  for (const root of Object.keys(tree)) flat[root] = flatten(tree[root], []);
  return flat;
}

function flatten(node: ReadTree, out: Array<string | number | null>): Array<string | number | null> {
  const moves = node.next === undefined ? [] : Object.keys(node.next);
  out.push(node.seen ?? null, node.keys ?? null, moves.length);
  for (const move of moves) {
    out.push(move);
    flatten(node.next![move], out);
  }
  return out;
}

/**
 * Whether `roots` read the same as when `reads` were recorded: every path followed then is
 * followed again in the plain values, and must show the same thing. Anything but what
 * `flattenReads` writes (a damaged cache entry) reads as changed.
 */
export function readsStillHold(reads: RecordedReads, roots: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(reads).every((root) => {
    if (!Object.prototype.hasOwnProperty.call(roots, root) || !Array.isArray(reads[root])) return false;
    const walk = new FlatWalk(reads[root]);
    return walk.holds(roots[root]) && walk.atEnd();
  });
}

/** A walk through one root's flat reads, node by node, beside the value it is checked against. */
class FlatWalk {
  private at = 0;

  constructor(private readonly reads: FlatReads) {}

  atEnd(): boolean {
    return this.at === this.reads.length;
  }

  /** Whether the node at the walk's place holds for `value`. Past a node that does not hold, the walk's place means nothing. */
  holds(value: unknown): boolean {
    const seen = this.reads[this.at];
    const keys = this.reads[this.at + 1];
    const moves = this.reads[this.at + 2];
    this.at += 3;
    if (typeof moves !== "number") return false;
    if (seen !== null && seen !== observe(value)) return false;
    if (keys !== null && (typeof value !== "object" || value === null || ownStringKeys(value).join("\u0000") !== keys)) return false;
    const object = value as Record<string, unknown> & Map<unknown, unknown>;
    for (let i = 0; i < moves; i++) {
      const move = this.reads[this.at++];
      if (typeof move !== "string") return false;
      switch (move[0]) {
        case ".":
          if (!this.holds(object[move.slice(1)])) return false;
          break;
        case "@":
          if (!this.holds(object.get(move.slice(1)))) return false;
          break;
        case "?":
          if (this.seenThenSkip() !== String(move.slice(1) in object)) return false;
          break;
        case "%":
          if (this.seenThenSkip() !== descriptorOf(Reflect.getOwnPropertyDescriptor(object, move.slice(1)))) return false;
          break;
        case "*":
          if (this.seenThenSkip() !== digestOf(value)) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  /** What the node at the walk's place saw; the walk moves past it and everything below it. */
  private seenThenSkip(): unknown {
    const seen = this.reads[this.at];
    this.skip();
    return seen;
  }

  private skip(): void {
    const moves = this.reads[this.at + 2];
    this.at += 3;
    if (typeof moves !== "number") return;
    for (let i = 0; i < moves; i++) {
      this.at++;
      this.skip();
    }
  }
}

/** Whether an own property exists and is enumerable: what spreading and `Object.keys` depend on. */
function descriptorOf(descriptor: PropertyDescriptor | undefined): string {
  return descriptor === undefined ? "absent" : descriptor.enumerable ? "enumerable" : "hidden";
}

function step(node: ReadTree, move: string): ReadTree {
  const next = (node.next ??= {});
  return (next[move] ??= {});
}

/** What a read saw: the value of a primitive; the kind (and class) of an object. */
function observe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return `s${value}`;
    case "number":
      return `n${Object.is(value, -0) ? "-0" : String(value)}`;
    case "boolean":
    case "bigint":
      return `${(typeof value)[0]}${String(value)}`;
    case "symbol":
      return `y${String(value.description)}`;
    case "function":
      return `f${value.name}`;
    case "object":
      return Array.isArray(value) ? "array" : `object ${Object.getPrototypeOf(value)?.constructor?.name ?? "null"}`;
  }
  return typeof value;
}

function isTraversable(value: object): boolean {
  if (Array.isArray(value) || value instanceof Map) return true;
  const prototype = Object.getPrototypeOf(value);
  // Plain objects and the model's own value classes (Cpu, Bytes); built-ins with internal slots
  // (Set, Date, RegExp, typed arrays) cannot be proxied and are digested whole instead.
  return prototype === null || prototype === Object.prototype || !isBuiltIn(prototype);
}

function isBuiltIn(prototype: object): boolean {
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(constructor));
}

function ownStringKeys(value: object): string[] {
  return Reflect.ownKeys(value).filter((key): key is string => typeof key === "string");
}

/** A digest of a whole value, for what is not followed path by path. */
export function digestOf(value: unknown): string {
  return createHash("sha256").update(canonical(value)).digest("base64url");
}

function canonical(value: unknown): string {
  if (value instanceof Map) return `Map(${[...value.entries()].map(([k, v]) => `${canonical(k)}=>${canonical(v)}`).join(",")})`;
  if (value instanceof Set) return `Set(${[...value].map(canonical).join(",")})`;
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value).map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `${observe(value)}{${entries.join(",")}}`;
  }
  return observe(value);
}
