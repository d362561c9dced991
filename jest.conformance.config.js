/**
 * `npm run test:conformance`: the suites that check govcloud against corpora kept outside this
 * repository, in the `shared/` folder beside the clone (or where GOVCLOUD_SHARED points). They
 * are not part of `npm test`, which reads nothing outside the repository.
 */
const { existsSync } = require("node:fs");
const { join, resolve } = require("node:path");
const base = require("./jest.config");

const shared = resolve(process.env.GOVCLOUD_SHARED ?? join(__dirname, "..", "shared"));
/** What each conformance suite reads, with where it comes from. */
const corpora = [
  { path: join(shared, "netpol-conformance", "cases"), what: "the NetworkPolicy conformance corpus (np-guard/netpol-analyzer cases)" },
  { path: join(shared, "netpol-conformance", "invalid"), what: "the NetworkPolicy conformance corpus's invalid folders" },
  { path: join(shared, "reference", "cluster-api"), what: "the Cluster API v1.14.0 and OpenStack provider v0.14.7 CRDs" },
];
const missing = corpora.filter((corpus) => !existsSync(corpus.path));
if (missing.length > 0) {
  process.stderr.write(
    `npm run test:conformance needs folders that are not in this repository:\n${missing.map((m) => `  ${m.path}: ${m.what}`).join("\n")}\n` +
      `Put the project's shared/ folder beside this clone, or set GOVCLOUD_SHARED to where it is. npm test needs none of this.\n`,
  );
  process.exit(1);
}
process.env.GOVCLOUD_SHARED = shared;

module.exports = {
  ...base,
  testMatch: ["**/*.conformance.ts"],
  // The corpora need no synthesized example.
  globalSetup: undefined,
  globalTeardown: undefined,
};
