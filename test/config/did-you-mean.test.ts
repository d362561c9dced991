import { closestName, didYouMean } from "../../config/declaration/did-you-mean";

describe("did you mean", () => {
  it("suggests the closest known name within a small edit distance", () => {
    expect(didYouMean("personel", ["public", "internal", "personal", "sensitive-personal"])).toBe(' (did you mean "personal"?)');
    expect(closestName("replica", ["replicas", "resources", "retired"])).toBe("replicas");
    expect(closestName("interne", ["none", "internal", "extranet", "internet"])).toBe("internet");
    expect(closestName("valdate", ["validate", "synth"])).toBe("validate");
    expect(closestName("logRetention", ["logRetentionDays", "overcommit"])).toBe("logRetentionDays");
  });

  it("suggests nothing for an unrelated word, an exact name, or beyond the distance asked", () => {
    expect(didYouMean("deploy-everything", ["validate", "synth", "audit"])).toBe("");
    expect(closestName("portal", ["portal", "portals"])).toBeUndefined();
    expect(closestName("MLPS-RES-01", ["MLPS-NET-01", "MLPS-CMP-06"], 1)).toBeUndefined();
    expect(closestName("MLPS-CMP-6", ["MLPS-NET-01", "MLPS-CMP-06"], 1)).toBe("MLPS-CMP-06");
  });
});
