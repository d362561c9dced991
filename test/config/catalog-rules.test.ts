import { problemsAfter, type Edit } from "./declaration-fixtures";

/** Refusals of images, templates and quotas, each an edit of the valid base declaration. */
const service = (env: number, index: number, field: string, value: unknown, file = "departments/health.yaml"): Edit => (edit) =>
  edit(file, (d) => (value === undefined ? d.deleteIn(["environments", env, "services", index, field]) : d.setIn(["environments", env, "services", index, field], value)));

describe("image rules", () => {
  it("refuses an image from a registry the platform does not allow", () => {
    expect(problemsAfter(service(0, 0, "image", "docker.io/library/nginx:1.27")).lines).toEqual([
      'config/departments/health.yaml:13:9 environments[0].services[0].image: image "docker.io/library/nginx:1.27" of service "portal" is not from an allowed registry (harbor.example.gov.cn)',
    ]);
  });

  it("refuses an image without a tag, and the tag latest", () => {
    expect(problemsAfter(service(0, 0, "image", "harbor.example.gov.cn/health/portal")).lines).toEqual([
      'config/departments/health.yaml:13:9 environments[0].services[0].image: image "harbor.example.gov.cn/health/portal" of service "portal" has no tag; pin a version such as :1.4.2',
    ]);
    expect(problemsAfter(service(0, 0, "image", "harbor.example.gov.cn/health/portal:latest")).lines).toEqual([
      'config/departments/health.yaml:13:9 environments[0].services[0].image: image "harbor.example.gov.cn/health/portal:latest" of service "portal" uses the tag "latest", which changes under the same name; pin a version',
    ]);
  });

  it("refuses a level 3 image that is not pinned by digest", () => {
    expect(problemsAfter(service(1, 0, "image", "harbor.example.gov.cn/health/portal:2.4.0")).lines).toEqual([
      'config/departments/health.yaml:30:9 environments[1].services[0].image: image "harbor.example.gov.cn/health/portal:2.4.0" of service "portal" must be pinned by digest at level 3 (…@sha256:<64 hex digits>)',
    ]);
  });

  it("does not let a registry prefix match a longer name", () => {
    expect(problemsAfter(service(0, 0, "image", "harbor.example.gov.cn.evil.io/health/portal:2.4.0")).lines).toEqual([
      'config/departments/health.yaml:13:9 environments[0].services[0].image: image "harbor.example.gov.cn.evil.io/health/portal:2.4.0" of service "portal" is not from an allowed registry (harbor.example.gov.cn)',
    ]);
  });
});

describe("template rules", () => {
  it("refuses fewer than two replicas at level 3", () => {
    expect(problemsAfter(service(1, 0, "replicas", 1)).lines).toEqual([
      'config/departments/health.yaml:32:9 environments[1].services[0].replicas: service "portal" (template web) runs at level 3, which needs at least 2 replicas; got 1',
    ]);
  });

  it("refuses a field that does not belong to the template", () => {
    expect(problemsAfter(service(0, 0, "schedule", "30 2 * * *")).lines).toEqual([
      'config/departments/health.yaml:18:9 environments[0].services[0].schedule: service "portal" (template web) cannot have "schedule"; it applies to cron',
    ]);
  });

  it("refuses a web service without a port", () => {
    expect(problemsAfter(service(0, 0, "port", undefined)).lines).toEqual([
      'config/departments/health.yaml:12:9 environments[0].services[0].template: service "portal" (template web) needs "port"',
    ]);
  });

  it("refuses a level 3 database without a backup", () => {
    expect(problemsAfter(service(1, 2, "backup", undefined)).lines).toEqual([
      'config/departments/health.yaml:46:9 environments[1].services[2].template: service "db" (template postgres) runs at level 3, which requires a scheduled backup: add backup: { schedule, target }',
    ]);
  });

  it("refuses to expose a database", () => {
    expect(problemsAfter(service(1, 2, "exposure", "internet")).lines).toEqual([
      'config/departments/health.yaml:56:9 environments[1].services[2].exposure: service "db" (template postgres) cannot be exposed to the internet; only web and api services are published through the gateway',
    ]);
  });

  it("refuses an autoscaler whose minimum is below the level's replicas", () => {
    expect(problemsAfter(service(1, 0, "autoscale", { minReplicas: 1, maxReplicas: 4 })).lines).toEqual([
      'config/departments/health.yaml:38:11 environments[1].services[0].autoscale.minReplicas: service "portal" (template web) runs at level 3, which needs at least 2 replicas; got minReplicas 1',
    ]);
  });
});

describe("quota accounting", () => {
  it("refuses services whose requests times replicas exceed the environment's quota, naming the environment, the sum and the quota", () => {
    const bigger: Edit = (edit) => {
      service(1, 1, "size", undefined)(edit);
      service(1, 1, "resources", { cpu: 6, memory: "4Gi" })(edit);
    };
    // portal 2 × 1 + records-api 2 × 6 + db 2 × (1 + 0.05 exporter) + its backup job 0.25 = 16.35
    expect(problemsAfter(bigger).lines).toEqual([
      'config/departments/health.yaml:26:14 environments[1].quota.cpu: environment "prod" needs cpu 16350m for its services, more than its quota 16 (largest: records-api 12, db 2350m, portal 2); raise the quota or shrink the services',
    ]);
  });
});
