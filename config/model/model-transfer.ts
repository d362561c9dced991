import type { PlatformModel } from "./platform-model";
import { Bytes, Cpu } from "./quantity";

/**
 * The model crosses to worker threads as structured-clone data, which keeps plain objects,
 * arrays and maps but not classes: the value classes are written as tagged records and rebuilt
 * on the other side, so a worker's model is the same model. A class not listed here is refused
 * rather than arriving as a plain object that behaves differently.
 */
const VALUE_CLASSES: ReadonlyArray<{ readonly name: string; readonly prototype: object }> = [Cpu, Bytes];

const TAG = "\u0000govcloud-value-class";

export function encodeModel(model: PlatformModel): unknown {
  return encode(model, () => "model");
}

export function decodeModel(data: unknown): PlatformModel {
  return decode(data) as PlatformModel;
}

/** `path` is worked out only for an error: a province's model is hundreds of thousands of values. */
function encode(value: unknown, path: () => string): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "function") throw new TypeError(`${path()}: a function cannot be sent to a synthesis worker`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => encode(item, () => `${path()}[${i}]`));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, encode(v, () => `${path()}.get(${String(k)})`)]));
  const prototype = Object.getPrototypeOf(value);
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(value)) fields[key] = encode((value as Record<string, unknown>)[key], () => `${path()}.${key}`);
  if (prototype === Object.prototype || prototype === null) return fields;
  const known = VALUE_CLASSES.find((c) => c.prototype === prototype);
  if (!known) throw new TypeError(`${path()}: a ${prototype.constructor?.name ?? "class"} instance cannot be sent to a synthesis worker; list its class in config/model/model-transfer.ts`);
  return { [TAG]: known.name, fields };
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decode);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, decode(v)]));
  const record = value as Record<string, unknown>;
  if (typeof record[TAG] === "string") {
    const known = VALUE_CLASSES.find((c) => c.name === record[TAG])!;
    return Object.assign(Object.create(known.prototype) as object, decode(record.fields));
  }
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(record)) fields[key] = decode(record[key]);
  return fields;
}
