import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { materialize, TODAY } from "../config/declaration-fixtures";

/**
 * Deleting a cluster Cluster API created, end to end on the small fixture platform: once applied
 * (recorded), it cannot silently lose its Cluster object; decommissioned, its management cluster's
 * clusters stack stays, without it, for as many syntheses as it takes until the entry is removed.
 */
const project = materialize();
const config = join(project, "config");
const outdir = join(project, "cdktf.out");

function read() {
  return readPlatform(config, project, { today: TODAY });
}
function synth(): void {
  const { model, problems } = read();
  if (!model) throw new Error(problems.map(formatProblem).join("\n"));
  synthesizePlatform(model, { outdir, projectRoot: project, configDir: config });
}
const editPlatform = (change: (doc: ReturnType<typeof parseDocument>) => void) => {
  const path = join(config, "platform.yaml");
  const document = parseDocument(readFileSync(path, "utf8"));
  change(document);
  writeFileSync(path, document.toString());
};
const stackFile = (name: string) => join(outdir, "stacks", name, "cdk.tf.json");
const manifestStacks = () => Object.keys(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks).sort();
const recordedStacks = () => Object.keys(JSON.parse(readFileSync(join(config, "stateful.lock.json"), "utf8")).stacks).filter((s) => s.startsWith("clusters-"));

describe("decommissioning a provisioned cluster", () => {
  editPlatform((d) => {
    d.setIn(["clusters", 1, "provisioned"], d.createNode({ management: "shared", kubernetesVersion: "v1.33.4", controlPlane: { flavor: "c8m32", image: "kube-v1.33.4" }, openstack: { externalNetworkId: "ext-net", dnsServers: ["10.0.0.53"] } }));
    d.setIn(["clusters", 1, "nodePools", 0, "machine"], d.createNode({ flavor: "c16m64", image: "kube-v1.33.4" }));
  });
  synth();
  const unprovision = () =>
    editPlatform((d) => {
      d.deleteIn(["clusters", 1, "provisioned"]);
      d.deleteIn(["clusters", 1, "nodePools", 0, "machine"]);
    });

  it("records the clusters stack of the management cluster", () => {
    expect(recordedStacks()).toEqual(["clusters-shared"]);
    expect(Object.keys(JSON.parse(readFileSync(stackFile("clusters-shared"), "utf8")).resource)).toEqual(["kubernetes_manifest"]);
  });

  it("refuses to drop the cluster's provisioning without declaring its deletion, and writes nothing", () => {
    unprovision();
    const before = readFileSync(stackFile("clusters-shared"), "utf8");
    expect(read().problems.map(formatProblem)).toEqual([
      'config/platform.yaml:32:5 clusters[1]: cluster "secure-l4" was created by Cluster API on "shared" (the record holds its Cluster object in stack clusters-shared), and it is now declared registered: Terraform would destroy that Cluster object, and Cluster API then deletes every machine of "secure-l4" and the data on them. Keep it provisioned on "shared"; to delete the cluster on purpose, add { name: secure-l4, management: shared } to decommissionedClusters',
    ]);
    expect(readFileSync(stackFile("clusters-shared"), "utf8")).toBe(before);
  });

  it("keeps the management cluster's clusters stack, empty, while the deletion is declared, however many syntheses come first", () => {
    editPlatform((d) => d.set("decommissionedClusters", d.createNode([{ name: "secure-l4", management: "shared" }])));
    for (let run = 0; run < 2; run++) {
      synth();
      const stack = JSON.parse(readFileSync(stackFile("clusters-shared"), "utf8"));
      expect(stack.resource).toBeUndefined();
      expect(stack.provider.kubernetes.map((p: { alias: string }) => p.alias)).toEqual(["shared"]);
      expect(manifestStacks()).toContain("clusters-shared");
      expect(recordedStacks()).toEqual([]);
    }
  });

  it("leaves the stack out once the entry is removed", () => {
    editPlatform((d) => d.delete("decommissionedClusters"));
    synth();
    expect(existsSync(stackFile("clusters-shared"))).toBe(false);
    expect(manifestStacks()).not.toContain("clusters-shared");
  });
});
