import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ConnectivityInputError, analyzeManifestFolder, analyzeObjects, connectivityFields, formatConnectivity } from "../../../audit/connectivity";
import { readManifestFolder } from "../../../audit/connectivity/read-manifests";

// jest.conformance.config.js finds shared/ (beside the clone, or GOVCLOUD_SHARED) and refuses to start without it.
const CORPUS = join(process.env.GOVCLOUD_SHARED!, "netpol-conformance");
const CASES = join(CORPUS, "cases");
const INVALID = join(CORPUS, "invalid");

describe("netpol-analyzer conformance corpus", () => {
  const cases = readdirSync(CASES).sort();

  it("has the 22 valid cases", () => {
    expect(cases).toHaveLength(22);
  });

  it.each(cases)("%s prints exactly expected.txt", (name) => {
    const expected = readFileSync(join(CASES, name, "expected.txt"), "utf8").trimEnd();
    const actual = formatConnectivity(analyzeManifestFolder(join(CASES, name, "input")), "txt");
    expect(actual).toBe(expected);
  });

  // The platform's connectivity proof runs on these fields only (and is kept by them).
  it.each(cases)("%s prints the same from each object's connectivity fields", (name) => {
    const expected = readFileSync(join(CASES, name, "expected.txt"), "utf8").trimEnd();
    const fields = readManifestFolder(join(CASES, name, "input")).map((manifest) => connectivityFields(manifest.object));
    expect(fields.every((f) => f !== undefined)).toBe(true);
    expect(formatConnectivity(analyzeObjects(fields), "txt")).toBe(expected);
  });
});

describe("invalid corpus folders are rejected with the file, object and field", () => {
  /** Each folder's single problem, as `file:line:column: object: field: message`. */
  const expectedProblems: Record<string, string> = {
    bad_netpols_subdir1:
      "netpols.yaml:22:15: NetworkPolicy default/shippingservice-netpol: spec.ingress[2].from[0].ipBlock.cidr: 'A' is not a valid CIDR (expected an address and a prefix length, such as 10.0.0.0/8)",
    bad_netpols_subdir3:
      "netpols.yaml:9:7: NetworkPolicy default/shippingservice-netpol: spec.ingress[0].from[0]: sets both ipBlock and podSelector; a peer is either an ipBlock or pod/namespace selectors",
    bad_netpols_subdir4:
      "netpols.yaml:9:7: NetworkPolicy default/shippingservice-netpol: spec.ingress[0].from[0]: is empty; a peer must set podSelector, namespaceSelector or ipBlock",
    bad_netpols_subdir6:
      "netpols.yaml:11:13: NetworkPolicy default/shippingservice-netpol: spec.egress[0].ports[0].port: named port 'abc' cannot be used in a rule whose peers include an ipBlock (spec.egress[0].to[0]); named ports resolve only against pods",
    np_bad_path_test_1:
      "netpols.yaml:28:9: NetworkPolicy default/backend-netpol: metadata.name: NetworkPolicy default/backend-netpol is also defined at line 1 of this file; names must be unique in a namespace",
    np_bad_path_test_2:
      "netpols.yaml:14:16: NetworkPolicy default/backend-netpol: spec.ingress[1].ports[0].endPort: cannot be used with the named port 'http'; endPort needs a numeric port",
    np_test_with_empty_port_range:
      "netpol.yaml:15:20: NetworkPolicy ns1/egress-empty-port-range: spec.egress[0].ports[1].endPort: 1 is lower than port 10; the range port-endPort must not be empty",
  };

  it("covers every folder under invalid/", () => {
    expect(Object.keys(expectedProblems).sort()).toEqual(readdirSync(INVALID).sort());
  });

  it.each(Object.entries(expectedProblems))("%s", (name, problem) => {
    const dir = join(INVALID, name);
    let error: unknown;
    try {
      analyzeManifestFolder(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConnectivityInputError);
    expect((error as ConnectivityInputError).message).toBe(`the manifests cannot be analyzed (1 problem):\n  ${join(dir, problem)}`);
    expect((error as ConnectivityInputError).problems).toHaveLength(1);
  });
});
