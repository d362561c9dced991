import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { INVALID, materialize, TODAY } from "./declaration-fixtures";

/**
 * Services declared once with per-environment overrides read exactly as the same services
 * written out in every environment: the base's health department, rewritten.
 */
const HEALTH_SHARED = readFileSync(join(INVALID, "shared-service-mistakes", "departments", "health.yaml"), "utf8")
  .replace("    dataClass: internl\n", "    dataClass: internal\n")
  .replace("      prd:\n        replicas: 2\n", "")
  .replace("        replicas: 1\n        port: 8443", "        replicas: 2\n        port: 8443")
  .replace("        image: harbor.example.gov.cn/health/portal:2.4.0\n        size: medium", "        digest: sha256:c628f961ec16f1ca4ac92ce306804fd052b74905e9dd3aecfdab3c8bf0f299f4\n        size: medium")
  .replace("    template: api\n", "    template: api\n    in: [dev, prod]\n");

function read(health?: string) {
  const project = materialize();
  try {
    if (health !== undefined) writeFileSync(join(project, "config", "departments", "health.yaml"), health);
    return readPlatform(join(project, "config"), project, { today: TODAY });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** A service's fields in a stable order, for comparing across declarations that order them differently. */
function services(model: NonNullable<ReturnType<typeof read>["model"]>) {
  const health = model.departments.find((d) => d.name === "health")!;
  return health.environments.map((e) => ({ env: e.name, services: [...e.services].sort((a, b) => (a.name < b.name ? -1 : 1)).map((s) => JSON.stringify(s, Object.keys(s).sort())) }));
}

describe("services declared once, with per-environment overrides", () => {
  it("give the same model as the services written out per environment", () => {
    const written = read();
    const shared = read(HEALTH_SHARED);
    expect(shared.problems.map(formatProblem)).toEqual([]);
    expect(services(shared.model!)).toEqual(services(written.model!));
  });

  it("pin a shared image by digest in one environment, keeping its tag", () => {
    const portal = read(HEALTH_SHARED).model!.departments.find((d) => d.name === "health")!.environments.find((e) => e.name === "prod")!.services.find((s) => s.name === "portal")!;
    expect(portal.image).toBe("harbor.example.gov.cn/health/portal:2.4.0@sha256:c628f961ec16f1ca4ac92ce306804fd052b74905e9dd3aecfdab3c8bf0f299f4");
  });

  it("refuse an override for an environment the service does not run in", () => {
    const lines = read(HEALTH_SHARED.replace("    in: [dev, prod]\n", "    in: [prod]\n")).problems.map(formatProblem);
    // Not running in dev, records-api is no longer there for dev's portal to call.
    expect(lines).toEqual([
      'config/departments/health.yaml:13:18 services[0].connectsTo[0]: "records-api" is not a service of environment "dev"; connectsTo names services of the same environment (portal)',
    ]);
    const outside = read(HEALTH_SHARED.replace("    in: [dev, prod]\n", "    in: [dev]\n")).problems.map(formatProblem);
    expect(outside).toContain(
      'config/departments/health.yaml:29:7 services[1].environments.prod: service "records-api" does not run in environment "prod" (in: dev); add it to in, or remove this override',
    );
  });
});
