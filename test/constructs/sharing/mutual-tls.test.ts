import { commonNamePattern } from "../../../constructs/sharing/mutual-tls";

describe("the common-name pattern of a sharing route", () => {
  it("admits exactly the given names, sorted and escaped, anchored at the end", () => {
    const pattern = commonNamePattern(["portal.health-prod", "api.hrss-prod", "portal.health-prod"]);
    expect(pattern).toBe("CN=(api\\.hrss-prod|portal\\.health-prod)$");
    const matches = (cn: string) => new RegExp(pattern).test(`CN=${cn}`);
    expect(matches("api.hrss-prod")).toBe(true);
    expect(matches("portal.health-prod")).toBe(true);
    expect(matches("apixhrss-prod")).toBe(false);
    expect(matches("api.hrss-prod.example")).toBe(false);
    expect(matches("xapi.hrss-prod")).toBe(false);
  });

  it("refuses to build a route for nobody, or for a name that is not a plain DNS-like name", () => {
    expect(() => commonNamePattern([])).toThrow("a sharing route must admit at least one consumer");
    expect(() => commonNamePattern(["a|.*"])).toThrow("a consumer's common name must be lower-case letters, digits, '-' and '.', got 'a|.*'");
  });
});
