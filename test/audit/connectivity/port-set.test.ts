import { PortSet } from "../../../audit/connectivity";

describe("PortSet", () => {
  it("prints every port of every protocol as All Connections", () => {
    expect(PortSet.ALL.toString()).toBe("All Connections");
    expect(PortSet.allPortsOf("TCP").union(PortSet.allPortsOf("UDP")).union(PortSet.allPortsOf("SCTP")).toString()).toBe("All Connections");
  });

  it("prints protocols in the order SCTP, TCP, UDP with ascending merged ranges", () => {
    const ports = PortSet.range("UDP", 53, 53)
      .union(PortSet.range("TCP", 8080, 8080))
      .union(PortSet.range("TCP", 9090, 9090))
      .union(PortSet.range("SCTP", 1, 65535))
      .union(PortSet.range("TCP", 10, 20));
    expect(ports.toString()).toBe("SCTP 1-65535,TCP 10-20,8080,9090,UDP 53");
  });

  it("merges overlapping and touching ranges", () => {
    const ports = PortSet.range("TCP", 10, 20).union(PortSet.range("TCP", 21, 30)).union(PortSet.range("TCP", 25, 40));
    expect(ports.ports("TCP")).toEqual([{ start: 10, end: 40 }]);
    expect(ports.toString()).toBe("TCP 10-40");
  });

  it("intersects per protocol", () => {
    const a = PortSet.range("TCP", 1, 100).union(PortSet.range("UDP", 53, 53));
    const b = PortSet.range("TCP", 50, 200).union(PortSet.range("SCTP", 53, 53));
    expect(a.intersect(b).toString()).toBe("TCP 50-100");
    expect(a.intersect(PortSet.ALL).equals(a)).toBe(true);
    expect(a.intersect(PortSet.range("UDP", 54, 60)).isEmpty()).toBe(true);
  });

  it("renders the complement of a port as two ranges", () => {
    const allButHttp = PortSet.range("TCP", 1, 79).union(PortSet.range("TCP", 81, 65535));
    expect(allButHttp.union(PortSet.allPortsOf("UDP")).union(PortSet.allPortsOf("SCTP")).toString()).toBe("SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535");
    expect(allButHttp.union(PortSet.range("TCP", 80, 80)).toString()).toBe("TCP 1-65535");
  });

  it("prints an empty set as No Connections", () => {
    expect(PortSet.NONE.toString()).toBe("No Connections");
    expect(PortSet.NONE.isEmpty()).toBe(true);
  });

  it("refuses ranges outside 1-65535 or reversed", () => {
    expect(() => PortSet.range("TCP", 0, 10)).toThrow("a port range must lie within 1-65535 with first <= last, got 0-10");
    expect(() => PortSet.range("TCP", 10, 1)).toThrow("got 10-1");
  });
});
