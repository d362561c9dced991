/**
 * On a salvaged declaration (a file failed its schema) a name that was invalid is missing.
 * "There is no X named n" can then be said only where every X kept its name; elsewhere the
 * rule cannot decide and stays quiet.
 */
export function allNamed(items: ReadonlyArray<{ readonly name?: unknown }> | undefined): boolean {
  return items !== undefined && items.every((item) => typeof item.name === "string");
}
