import { problemsAfter, type Edit } from "./declaration-fixtures";

/**
 * Refusals of data sharing, cross-cluster routes and external egress, each as a small edit of
 * the valid base declaration, with the exact message the user sees.
 */
const withSharingCa: Edit = (file) =>
  file("platform.yaml", (d) => d.setIn(["network", "gateway", "sharingCa"], d.createNode({ clusterIssuer: "govcloud-sharing-ca", caSecret: "govcloud-sharing-ca" })));

const offerConsumerToPublicSecurity: Edit = (file) => {
  withSharingCa(file);
  file("departments/health.yaml", (d) => d.addIn(["sharing", "offers", 0, "consumers"], "public-security/prod/case-api"));
  file("departments/public-security.yaml", (d) =>
    d.set("sharing", d.createNode({ consumes: [{ provider: "health/prod/records-api", consumer: "prod/case-api", purpose: "跨集群调阅" }] })),
  );
};

describe("data sharing refusals", () => {
  it("refuses an offer the consumer does not declare", () => {
    expect(problemsAfter((file) => file("departments/insurance.yaml", (d) => d.delete("sharing")))).toEqual({
      valid: false,
      lines: [
        'config/departments/health.yaml:60:11 sharing.offers[0].consumers[0]: one-sided agreement: department "insurance" does not declare this consumption; the flow opens only when both sides declare it (add to insurance.yaml sharing.consumes: { provider: health/prod/records-api, consumer: prod/claims-api })',
      ],
    });
  });

  it("refuses a consumption the provider does not offer", () => {
    expect(problemsAfter((file) => file("departments/health.yaml", (d) => d.delete("sharing")))).toEqual({
      valid: false,
      lines: [
        'config/departments/insurance.yaml:31:7 sharing.consumes[0]: one-sided agreement: department "health" does not offer prod/records-api to insurance/prod/claims-api; the flow opens only when both sides declare it',
      ],
    });
  });

  it("refuses an agreement without an approval reference or an expiry", () => {
    expect(
      problemsAfter((file) =>
        file("departments/health.yaml", (d) => {
          d.setIn(["sharing", "offers", 0, "approval"], "");
          d.deleteIn(["sharing", "offers", 0, "expires"]);
        }),
      ),
    ).toEqual({
      valid: false,
      lines: [
        "config/departments/health.yaml:58:7 sharing.offers[0]: catalogue entry TEST-ML-001 is conditional (有条件共享): give expires, the last day the agreement is valid",
        'config/departments/health.yaml:62:7 sharing.offers[0].approval: must give the approval reference; got ""',
      ],
    });
  });

  it("refuses sharing inside one department", () => {
    const { lines } = problemsAfter((file) =>
      file("departments/health.yaml", (d) => d.setIn(["sharing", "offers", 0, "consumers", 0], "health/prod/portal")),
    );
    expect(lines).toEqual([
      'config/departments/health.yaml:60:11 sharing.offers[0].consumers[0]: "health/prod/portal" belongs to the providing department; sharing is between departments (inside an environment, use connectsTo)',
      // The insurance consumption lost its offer in this edit.
      'config/departments/insurance.yaml:31:7 sharing.consumes[0]: one-sided agreement: department "health" does not offer prod/records-api to insurance/prod/claims-api; the flow opens only when both sides declare it',
    ]);
  });

  it("refuses a cross-cluster consumer when the provider service is not exposed through its gateway", () => {
    const { lines } = problemsAfter((file) => {
      offerConsumerToPublicSecurity(file);
      file("platform.yaml", (d) => d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.0.0/24"));
    });
    expect(lines).toEqual([
      'config/departments/health.yaml:61:11 sharing.offers[0].consumers[1]: cross-cluster access: consumer "public-security/prod/case-api" runs on cluster "secure-l4" and reaches "health/prod/records-api" on cluster "shared" only through that cluster\'s gateway; declare exposure: internal (or extranet) on service "records-api"',
    ]);
  });

  it("refuses a cross-cluster consumer when the provider cluster declares no gateway addresses", () => {
    const { lines } = problemsAfter((file) => {
      offerConsumerToPublicSecurity(file);
      file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 1, "exposure"], "internal"));
    });
    expect(lines).toEqual([
      'config/departments/health.yaml:62:11 sharing.offers[0].consumers[1]: cross-cluster access: consumer "public-security/prod/case-api" runs on cluster "secure-l4" and reaches "health/prod/records-api" on cluster "shared" only through that cluster\'s gateway; cluster "shared" must declare gatewayAddresses in config/platform.yaml',
    ]);
  });

  it("accepts a cross-cluster consumer through an internal exposure and the gateway's addresses", () => {
    expect(
      problemsAfter((file) => {
        offerConsumerToPublicSecurity(file);
        file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 1, "exposure"], "internal"));
        file("platform.yaml", (d) => d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.0.0/24"));
      }),
    ).toEqual({ valid: true, lines: [] });
  });

  it("refuses a cross-cluster consumer when the platform names no sharing CA for mutual TLS", () => {
    const { lines } = problemsAfter((file) => {
      offerConsumerToPublicSecurity(file);
      file("platform.yaml", (d) => {
        d.deleteIn(["network", "gateway", "sharingCa"]);
        d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.0.0/24");
      });
      file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 1, "exposure"], "internal"));
    });
    expect(lines).toEqual([
      'config/departments/health.yaml:62:11 sharing.offers[0].consumers[1]: cross-cluster access: consumer "public-security/prod/case-api" runs on cluster "secure-l4" and reaches "health/prod/records-api" on cluster "shared" only through that cluster\'s gateway, which admits a consumer only by a client certificate from the platform\'s sharing CA; declare network.gateway.sharingCa in config/platform.yaml',
    ]);
  });

  it("refuses a cross-cluster consumer that cannot present a client certificate", () => {
    const { lines } = problemsAfter((file) => {
      offerConsumerToPublicSecurity(file);
      file("platform.yaml", (d) => d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.0.0/24"));
      file("departments/health.yaml", (d) => d.setIn(["environments", 1, "services", 1, "exposure"], "internal"));
      file("departments/public-security.yaml", (d) => {
        d.setIn(["environments", 0, "services", 0, "template"], "redis");
        d.setIn(["environments", 0, "services", 0, "storage"], "10Gi");
        d.deleteIn(["environments", 0, "services", 0, "port"]);
      });
    });
    expect(lines.filter((l) => l.includes("client certificate"))).toEqual([
      'config/departments/health.yaml:62:11 sharing.offers[0].consumers[1]: cross-cluster access: consumer "public-security/prod/case-api" runs on cluster "secure-l4" and reaches "health/prod/records-api" on cluster "shared" only through that cluster\'s gateway; consumer "public-security/prod/case-api" is a redis service, which cannot present a client certificate (consumers across clusters are web, api, worker or cron services)',
    ]);
  });

  it("warns about an agreement expiring within 30 days, and reports an expired one without refusing the declaration", () => {
    expect(problemsAfter(() => {}, "2030-12-10")).toEqual({
      valid: true,
      lines: [
        "config/departments/health.yaml:63:7 sharing.offers[0].expires: warning: agreement TEST-2026-001 sharing prod/records-api with insurance/prod/claims-api expires on 2030-12-31, in 21 days; renew it in time",
      ],
    });
    expect(problemsAfter(() => {}, "2031-01-01")).toEqual({
      valid: true,
      lines: [
        "config/departments/health.yaml:63:7 sharing.offers[0].expires: warning: agreement TEST-2026-001 sharing prod/records-api with insurance/prod/claims-api expired on 2030-12-31; it is not rendered (renew it with a new approval, or remove it)",
      ],
    });
  });

  it("refuses a platform operator department that is not declared", () => {
    expect(problemsAfter((file) => file("platform.yaml", (d) => d.setIn(["platform", "operatorDepartment"], "big-data")))).toEqual({
      valid: false,
      lines: ['config/platform.yaml:6:3 platform.operatorDepartment: no department "big-data" is declared (a file departments/big-data.yaml)'],
    });
  });
});

describe("external egress and connections", () => {
  const egress = (env: number, service: number, networks: string[]): Edit => (file) =>
    file("departments/health.yaml", (d) => d.setIn(["environments", env, "services", service, "egressTo"], networks));

  it("refuses an unknown external network", () => {
    expect(problemsAfter(egress(0, 0, ["satellite"])).lines).toEqual([
      'config/departments/health.yaml:19:13 environments[0].services[0].egressTo[0]: unknown external network "satellite"; declared networks: gov-extranet, internet',
    ]);
  });

  it("refuses a network the platform does not allow at the environment's level", () => {
    expect(problemsAfter(egress(1, 0, ["internet"])).lines).toEqual([
      'config/departments/health.yaml:38:13 environments[1].services[0].egressTo[0]: the platform does not let level 3 reach external network "internet" (allowed levels: 1, 2)',
    ]);
  });

  it("refuses any external egress at level 4", () => {
    const { lines } = problemsAfter((file) =>
      file("departments/public-security.yaml", (d) => d.setIn(["environments", 0, "services", 0, "egressTo"], ["gov-extranet"])),
    );
    expect(lines).toEqual([
      'config/departments/public-security.yaml:18:13 environments[0].services[0].egressTo[0]: level 4 workloads have no egress to external networks; service "case-api" cannot reach "gov-extranet"',
    ]);
  });

  it("refuses connectsTo a service that declares no port", () => {
    expect(problemsAfter((file) => file("departments/health.yaml", (d) => d.deleteIn(["environments", 0, "services", 1, "port"]))).lines).toEqual([
      'config/departments/health.yaml:17:23 environments[0].services[0].connectsTo[0]: service "records-api" declares no port, so "portal" cannot connect to it; give "records-api" a port',
      'config/departments/health.yaml:19:9 environments[0].services[1].template: service "records-api" (template api) needs "port"',
    ]);
  });
});
