import { problemsAfter } from "./declaration-fixtures";

/**
 * External networks as NetworkPolicy ipBlocks read them: exceptions strictly inside a CIDR, and
 * never the platform's own addresses. Each refusal names both ranges.
 */
describe("external network refusals", () => {
  it("refuses an exception that covers a whole CIDR, which an ipBlock cannot express", () => {
    const { lines, valid } = problemsAfter((file) =>
      file("platform.yaml", (d) => d.setIn(["network", "externalNetworks", 1, "except"], d.createNode(["59.0.0.0/8"]))),
    );
    expect(valid).toBe(false);
    expect(lines).toEqual([
      'config/platform.yaml:74:11 network.externalNetworks[1].except[0]: except 59.0.0.0/8 covers all of 59.202.0.0/16 of external network "gov-extranet"; an exception must lie inside a CIDR and leave part of it (to leave 59.202.0.0/16 out, remove it from cidrs)',
    ]);
  });

  it("refuses an exception equal to its CIDR", () => {
    const { lines } = problemsAfter((file) =>
      file("platform.yaml", (d) => d.setIn(["network", "externalNetworks", 1, "except"], d.createNode(["59.202.0.0/16"]))),
    );
    expect(lines).toEqual([
      'config/platform.yaml:74:11 network.externalNetworks[1].except[0]: except 59.202.0.0/16 covers all of 59.202.0.0/16 of external network "gov-extranet"; an exception must lie inside a CIDR and leave part of it (to leave 59.202.0.0/16 out, remove it from cidrs)',
    ]);
  });

  it("refuses an exception outside every CIDR of the network", () => {
    const { lines } = problemsAfter((file) =>
      file("platform.yaml", (d) => d.setIn(["network", "externalNetworks", 1, "except"], d.createNode(["59.203.0.0/24"]))),
    );
    expect(lines).toEqual([
      'config/platform.yaml:74:11 network.externalNetworks[1].except[0]: except 59.203.0.0/24 lies outside every CIDR of external network "gov-extranet" (59.202.0.0/16); an exception can only cut into the network\'s own CIDRs',
    ]);
  });

  it("accepts an exception strictly inside a CIDR", () => {
    const { lines, valid } = problemsAfter((file) =>
      file("platform.yaml", (d) => d.setIn(["network", "externalNetworks", 1, "except"], d.createNode(["59.202.128.0/17"]))),
    );
    expect(lines).toEqual([]);
    expect(valid).toBe(true);
  });

  it("refuses a network that includes a cluster's gateway addresses, naming both ranges", () => {
    const { lines } = problemsAfter((file) =>
      file("platform.yaml", (d) => {
        // A private extranet range; the internet's exceptions already leave 10.0.0.0/8 out.
        d.setIn(["network", "externalNetworks", 1, "cidrs"], d.createNode(["10.40.0.0/16"]));
        d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.7.0/24");
      }),
    );
    expect(lines).toEqual([
      'config/platform.yaml:73:11 network.externalNetworks[1].cidrs[0]: external network "gov-extranet" range 10.40.0.0/16 includes the gateway addresses 10.40.7.0/24 of cluster "shared"; the platform\'s own addresses are never an external network (cut them out with except, or correct the range)',
    ]);
  });

  it("accepts the gateway addresses inside a network's CIDR when an exception cuts them out", () => {
    const { lines } = problemsAfter((file) =>
      file("platform.yaml", (d) => {
        d.setIn(["network", "externalNetworks", 1, "cidrs"], d.createNode(["10.40.0.0/16"]));
        d.setIn(["clusters", 0, "gatewayAddresses"], "10.40.7.0/24");
        d.setIn(["network", "externalNetworks", 1, "except"], d.createNode(["10.40.0.0/20"]));
      }),
    );
    expect(lines).toEqual([]);
  });

  it("refuses a network that includes part of a range the platform declares as its own", () => {
    const { lines } = problemsAfter((file) =>
      file("platform.yaml", (d) => {
        d.setIn(["network", "ownRanges"], d.createNode([{ name: "pods", cidr: "100.64.0.0/10" }]));
        // The internet's exceptions cut 100.64.0.0/16 out, but not the rest of the /10.
        d.setIn(["network", "externalNetworks", 0, "except"], d.createNode(["10.0.0.0/8", "100.64.0.0/16"]));
      }),
    );
    expect(lines).toEqual([
      'config/platform.yaml:67:16 network.externalNetworks[0].cidrs[0]: external network "internet" range 0.0.0.0/0 includes the platform\'s own range "pods" 100.64.0.0/10; the platform\'s own addresses are never an external network (cut them out with except, or correct the range)',
    ]);
  });
});
