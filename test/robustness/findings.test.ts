import { problemsAfter } from "../config/declaration-fixtures";

/**
 * Regression tests for what the robustness suite found: declarations that passed validation and
 * then crashed synthesis, or were refused without a clear, positioned message. Each asserts the
 * exact lines the user now sees.
 */
describe("findings of the robustness suite", () => {
  it("refuses replicas outside the autoscale bounds at validation, instead of a construct error during synthesis", () => {
    const { lines, valid } = problemsAfter((file) =>
      file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 0, "autoscale"], { minReplicas: 3, maxReplicas: 4 })),
    );
    expect(lines).toEqual([
      'config/departments/health.yaml:32:9 environments[1].services[0].replicas: service "portal" (template web) declares replicas 2, outside its autoscale bounds 3..4; remove replicas or change the bounds',
    ]);
    expect(valid).toBe(false);
  });
});
