/**
 * A service's data class, as the declaration writes it: one class, or the classes its data
 * combines. The class in force is the one needing the highest protection level; at equal levels
 * the grading of GB/T 43697-2024 (core over important over general) and personal information
 * (sensitive over ordinary) decide, so the same service always gets the same class.
 */
export type DeclaredDataClass = string | readonly string[];

/** Ties between classes of one level, most protective first; other classes follow by name. */
const PRECEDENCE: readonly string[] = ["core", "important", "sensitive-personal", "personal", "general", "internal", "public"];

export function dataClassesOf(declared: DeclaredDataClass): readonly string[] {
  return typeof declared === "string" ? [declared] : declared;
}

/** The class that wins: the highest minimum level, then the precedence above, then the name. */
export function effectiveDataClass(declared: DeclaredDataClass, levels: Readonly<Record<string, number>>): string {
  const rank = (name: string) => (PRECEDENCE.includes(name) ? PRECEDENCE.indexOf(name) : PRECEDENCE.length);
  return [...dataClassesOf(declared)].sort((a, b) => (levels[b] ?? 0) - (levels[a] ?? 0) || rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}
