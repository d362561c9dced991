import type { LabelSelector, Labels } from "./label-selector";

/**
 * Namespaces in a fixed order, found by their labels: which of them a namespaceSelector selects.
 * A province has thousands of namespaces and its policies thousands of namespaceSelectors, nearly
 * all naming one namespace (`kubernetes.io/metadata.name: …`); trying every namespace for each
 * selector was most of the connectivity analysis. A selector with an `In` requirement is tried
 * only on the namespaces holding one of its values.
 */
export class NamespaceLabelIndex {
  /** Per label key and value, the positions of the namespaces holding it, ascending. */
  private readonly positions = new Map<string, Map<string, number[]>>();

  constructor(
    private readonly names: readonly string[],
    private readonly labelsOf: (namespace: string) => Labels,
  ) {
    names.forEach((name, position) => {
      for (const [key, value] of Object.entries(labelsOf(name))) {
        let byValue = this.positions.get(key);
        if (byValue === undefined) this.positions.set(key, (byValue = new Map()));
        const list = byValue.get(value);
        if (list === undefined) byValue.set(value, [position]);
        else list.push(position);
      }
    });
  }

  /** The namespaces `selector` selects, in the index's order. */
  selected(selector: LabelSelector): string[] {
    const required = selector.requirements.find((r) => r.operator === "In");
    if (required === undefined) return this.names.filter((name) => selector.matches(this.labelsOf(name)));
    const byValue = this.positions.get(required.key);
    const candidates = new Set<number>();
    for (const value of required.values) for (const position of byValue?.get(value) ?? []) candidates.add(position);
    return [...candidates]
      .sort((a, b) => a - b)
      .map((position) => this.names[position])
      .filter((name) => selector.matches(this.labelsOf(name)));
  }
}
