import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { materialize, problemsAfter, TODAY } from "../config/declaration-fixtures";

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

describe("sharing agreements found twice", () => {
  it("refuses a consumer listed twice for one offered service, instead of a NetworkPolicy declared twice during synthesis", () => {
    const { lines, valid } = problemsAfter((file) =>
      file("departments/health.yaml", (d) => d.addIn(["sharing", "offers", 0, "consumers"], "insurance/prod/claims-api")),
    );
    expect(lines).toEqual([
      'config/departments/health.yaml:61:11 sharing.offers[0].consumers[1]: consumer "insurance/prod/claims-api" is already given prod/records-api at sharing.offers[0].consumers[0]; list each consumer once per offered service',
    ]);
    expect(valid).toBe(false);
  });

  it("refuses the same consumer in two offers of one service", () => {
    const { lines } = problemsAfter((file) =>
      file("departments/health.yaml", (d) =>
        d.addIn(["sharing", "offers"], {
          catalogue: { id: "TEST-ML-001", resource: "诊疗记录", share: "conditional", legalBasis: "测试用法律依据" },
          service: "prod/records-api",
          consumers: ["insurance/prod/claims-api"],
          purpose: "再次共享",
          approval: "TEST-2026-002",
          granted: "2026-02-01",
          expires: "2030-12-31",
        }),
      ),
    );
    expect(lines).toEqual([
      'config/departments/health.yaml:73:11 sharing.offers[1].consumers[0]: consumer "insurance/prod/claims-api" is already given prod/records-api at sharing.offers[0].consumers[0]; list each consumer once per offered service',
    ]);
  });
});

describe("ports of databases and caches", () => {
  it("refuses a postgres service on the platform's metrics port, instead of a construct error during synthesis", () => {
    const { lines, valid } = problemsAfter((file) => file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 2, "port"], 9090)));
    expect(lines).toEqual([
      'config/departments/health.yaml:50:9 environments[1].services[2].port: service "db" (template postgres) listens on port 9090, which its metrics exporter uses (network.management.metricsPort of the platform); choose another port',
    ]);
    expect(valid).toBe(false);
  });

  it("names every store when the platform moves the metrics port onto theirs", () => {
    const { lines } = problemsAfter((file) => file("platform.yaml", (d) => d.setIn(["network", "management", "metricsPort"], 5432)));
    expect(lines).toEqual([
      'config/departments/health.yaml:50:9 environments[1].services[2].port: service "db" (template postgres) listens on port 5432, which its metrics exporter uses (network.management.metricsPort of the platform); choose another port',
      'config/departments/insurance.yaml:23:9 environments[0].services[1].port: service "db" (template postgres) listens on port 5432, which its metrics exporter uses (network.management.metricsPort of the platform); choose another port',
    ]);
  });
});

describe("namespaces the platform does not own", () => {
  it("refuses a department whose environment would take over kube-system", () => {
    const project = materialize();
    try {
      const kube = readFileSync(join(project, "config", "departments", "public-security.yaml"), "utf8")
        .replace("name: public-security", "name: kube")
        .replace("name: prod", "name: system");
      writeFileSync(join(project, "config", "departments", "kube.yaml"), kube);
      const { model, problems } = readPlatform(join(project, "config"), project, { today: TODAY });
      expect(problems.map(formatProblem)).toEqual([
        'config/departments/kube.yaml:6:5 environments[0].name: namespace "kube-system" is already used by Kubernetes itself',
      ]);
      expect(model).toBeUndefined();
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("refuses a management zone in the gateway's namespace, instead of a NetworkPolicy declared twice during synthesis", () => {
    const { lines, valid } = problemsAfter((file) => file("platform.yaml", (d) => d.setIn(["network", "management", "namespace"], "govcloud-gateway")));
    expect(lines).toEqual([
      'config/platform.yaml:56:5 network.management.namespace: namespace "govcloud-gateway" is already used by the gateway zone; the management zone needs a namespace of its own',
    ]);
    expect(valid).toBe(false);
  });

  it("refuses a zone in a namespace of Kubernetes", () => {
    const { lines } = problemsAfter((file) => file("platform.yaml", (d) => d.setIn(["network", "gateway", "namespace"], "kube-system")));
    expect(lines).toEqual([
      'config/platform.yaml:50:5 network.gateway.namespace: namespace "kube-system" is already used by Kubernetes itself; the gateway zone needs a namespace of its own',
    ]);
  });
});

describe("image references", () => {
  it("refuses an image that is not a reference a runtime can pull (accepted at level 2 before, and written into the container spec)", () => {
    const { lines, valid } = problemsAfter((file) =>
      file("departments/health.yaml", (d) => d.setIn(["environments", 0, "services", 0, "image"], "harbor.example.gov.cn/health/$(rm -rf /):1.0")),
    );
    expect(lines).toEqual([
      'config/departments/health.yaml:13:9 environments[0].services[0].image: image "harbor.example.gov.cn/health/$(rm -rf /):1.0" of service "portal" is not an image reference: registry/path:tag or registry/path:tag@sha256:<digest>, the path in lower case',
    ]);
    expect(valid).toBe(false);
  });
});

describe("approval references", () => {
  // Before: accepted, and copied onto every NetworkPolicy of the agreement, beyond the 256 KiB Kubernetes allows for annotations.
  it("refuses one longer than 100 characters, quoting only the start of the value", () => {
    const { lines } = problemsAfter((file) => file("departments/health.yaml", (d) => d.setIn(["sharing", "offers", 0, "approval"], "A".repeat(300_000))));
    expect(lines).toEqual([
      `config/departments/health.yaml:62:7 sharing.offers[0].approval: must be at most 100 characters (an approval reference, kept on every policy of the agreement); got "${"A".repeat(100)}"... (300000 characters)`,
    ]);
  });

  // Before: accepted, and every warning about the agreement printed it over two lines.
  it("refuses one on two lines", () => {
    const { lines } = problemsAfter((file) => file("departments/health.yaml", (d) => d.setIn(["sharing", "offers", 0, "approval"], "TEST-2026-001\n附件")));
    expect(lines).toEqual(['config/departments/health.yaml:62:7 sharing.offers[0].approval: must be one line (an approval reference); got "TEST-2026-001\\n附件"']);
  });
});
