import { parseLabelSelector } from "../../../audit/connectivity/label-selector";
import { NamespaceLabelIndex } from "../../../audit/connectivity/namespace-label-index";

const NAMESPACES: Record<string, Record<string, string>> = {
  "health-prod": { "kubernetes.io/metadata.name": "health-prod", "govcloud/level": "3", "govcloud/department": "health" },
  gateway: { "kubernetes.io/metadata.name": "gateway", "govcloud/zone": "gateway" },
  "edu-dev": { "kubernetes.io/metadata.name": "edu-dev", "govcloud/level": "1", "govcloud/department": "edu" },
  "health-dev": { "kubernetes.io/metadata.name": "health-dev", "govcloud/level": "1", "govcloud/department": "health" },
  unlabelled: {},
};

const index = new NamespaceLabelIndex(Object.keys(NAMESPACES), (ns) => NAMESPACES[ns] ?? {});
const selected = (raw: unknown) => index.selected(parseLabelSelector(raw, [], () => undefined));

describe("namespaces found by their labels", () => {
  it("gives what trying every namespace gives, in the index's order, whatever the order of a selector's values", () => {
    expect(selected({ matchLabels: { "kubernetes.io/metadata.name": "gateway" } })).toEqual(["gateway"]);
    expect(selected({ matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["health-dev", "edu-dev", "health-prod"] }] })).toEqual([
      "health-prod",
      "edu-dev",
      "health-dev",
    ]);
    expect(selected({ matchLabels: { "govcloud/department": "health" } })).toEqual(["health-prod", "health-dev"]);
  });

  it("holds every requirement, not only the one it looked the namespaces up by", () => {
    expect(selected({ matchLabels: { "govcloud/department": "health", "govcloud/level": "1" } })).toEqual(["health-dev"]);
    expect(selected({ matchLabels: { "govcloud/department": "health" }, matchExpressions: [{ key: "govcloud/level", operator: "NotIn", values: ["3"] }] })).toEqual(["health-dev"]);
  });

  it("tries every namespace for a selector without In, and finds none for a key or value nobody holds", () => {
    expect(selected({})).toEqual(Object.keys(NAMESPACES));
    expect(selected({ matchExpressions: [{ key: "govcloud/level", operator: "DoesNotExist" }] })).toEqual(["gateway", "unlabelled"]);
    expect(selected({ matchExpressions: [{ key: "govcloud/department", operator: "NotIn", values: ["health"] }] })).toEqual(["gateway", "edu-dev", "unlabelled"]);
    expect(selected({ matchLabels: { "govcloud/department": "finance" } })).toEqual([]);
    expect(selected({ matchLabels: { team: "a" } })).toEqual([]);
  });
});
