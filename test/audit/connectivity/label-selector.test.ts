import { FieldPath } from "../../../audit/connectivity/manifest-object";
import { parseLabelSelector } from "../../../audit/connectivity/label-selector";

function selector(raw: unknown) {
  const problems: string[] = [];
  const parsed = parseLabelSelector(raw, ["spec", "podSelector"], (path: FieldPath, message) => problems.push(`${path.join(".")}: ${message}`));
  return { parsed, problems };
}

describe("label selectors", () => {
  const frontend = { app: "frontend", tier: "web" };
  const backend = { app: "backend" };
  const unlabelled = {};

  it("selects everything when empty or absent", () => {
    for (const raw of [{}, undefined, null]) {
      const { parsed } = selector(raw);
      expect(parsed.selectsEverything()).toBe(true);
      expect([frontend, backend, unlabelled].map((l) => parsed.matches(l))).toEqual([true, true, true]);
    }
  });

  it("ANDs matchLabels and matchExpressions", () => {
    const { parsed } = selector({ matchLabels: { app: "frontend" }, matchExpressions: [{ key: "tier", operator: "Exists" }] });
    expect([frontend, { app: "frontend" }, backend].map((l) => parsed.matches(l))).toEqual([true, false, false]);
  });

  it("implements In, NotIn, Exists and DoesNotExist; NotIn also holds when the key is absent", () => {
    const results = (expression: unknown) => [frontend, backend, unlabelled].map((l) => selector({ matchExpressions: [expression] }).parsed.matches(l));
    expect(results({ key: "app", operator: "In", values: ["frontend", "api"] })).toEqual([true, false, false]);
    expect(results({ key: "app", operator: "NotIn", values: ["frontend"] })).toEqual([false, true, true]);
    expect(results({ key: "tier", operator: "Exists" })).toEqual([true, false, false]);
    expect(results({ key: "tier", operator: "DoesNotExist" })).toEqual([false, true, true]);
  });

  it("compares numeric label values as the strings the user meant", () => {
    expect(selector({ matchLabels: { version: 2 } }).parsed.matches({ version: "2" })).toBe(true);
  });

  it("reports every malformed expression with its path", () => {
    const { problems } = selector({
      matchExpressions: [
        { key: "app", operator: "Equals", values: ["x"] },
        { key: "app", operator: "In" },
        { key: "app", operator: "Exists", values: ["x"] },
        { operator: "Exists" },
      ],
    });
    expect(problems).toEqual([
      "spec.podSelector.matchExpressions.0.operator: must be one of In, NotIn, Exists, DoesNotExist, got 'Equals'",
      "spec.podSelector.matchExpressions.1.values: must not be empty when the operator is In",
      "spec.podSelector.matchExpressions.2.values: must be empty when the operator is Exists",
      "spec.podSelector.matchExpressions.3.key: must be a non-empty label key",
    ]);
  });
});
