/**
 * Whether `JSON.parse(JSON.stringify(value))` is `value` again: plain objects and arrays of
 * strings, finite numbers other than -0, booleans and null, with no `undefined` member and no
 * own `__proto__` key (JSON.parse would make it one, an assignment would not). What a cache
 * keeps as JSON must pass, or a value read back would differ from the one computed.
 */
export function carriedExactlyByJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !carriedExactlyByJson(value[i])) return false;
    return true;
  }
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key === "__proto__" || !carriedExactlyByJson((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
