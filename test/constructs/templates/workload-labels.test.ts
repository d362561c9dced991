import { selectorLabels, stableLabelValue, workloadLabels } from "../../../constructs/templates/workload-labels";
import { expectedLabels } from "./template-fixtures";

describe("workload labels", () => {
  it("carries the recommended and the platform's labels, the service as govcloud/service", () => {
    const props = { department: "health", environment: "prod", service: "portal", level: 3, dataClass: "personal" } as const;
    expect(workloadLabels(props, "web")).toEqual(expectedLabels(3, "portal", "web"));
  });

  it("names a helper by its own name but keeps the service's govcloud/service, so it is traced to its service", () => {
    const props = { department: "health", environment: "prod", service: "records", level: 2, dataClass: "personal" } as const;
    expect(workloadLabels(props, "backup", "records-backup")).toEqual(expectedLabels(2, "records", "backup", "records-backup"));
  });

  it("selects on stable labels only", () => {
    expect(selectorLabels({ service: "portal" })).toEqual({ "govcloud/service": "portal", "app.kubernetes.io/name": "portal" });
  });

  it("keeps an instance name that fits, and cuts a longer one to 63 characters with a stable hash", () => {
    expect(stableLabelValue("health-prod-portal")).toBe("health-prod-portal");
    const long = `healthcare-security-production-${"x".repeat(40)}`;
    const cut = stableLabelValue(long);
    expect(cut).toHaveLength(63);
    expect(cut).toMatch(/^healthcare-security-production-x+-[0-9a-f]{8}$/);
    expect(stableLabelValue(long)).toBe(cut);
    expect(stableLabelValue(`${long}y`)).not.toBe(cut);
  });

  it("never ends the cut head on a separator", () => {
    const value = `${"a".repeat(53)}-${"b".repeat(20)}`;
    expect(stableLabelValue(value)).toMatch(/^a{53}-[0-9a-f]{8}$/);
  });
});
