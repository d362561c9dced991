import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { StructuralSchema } from "./structural-schema";

/** The Cluster API and OpenStack provider CRDs in the shared folder (`npm run test:conformance` sets GOVCLOUD_SHARED). */
export const CLUSTER_API_CRD_DIR = join(process.env.GOVCLOUD_SHARED ?? join(__dirname, "..", "..", "..", "shared"), "reference", "cluster-api");

export interface ServedSchema {
  readonly file: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly schema: StructuralSchema;
}

/** Every version's schema of every CRD in the folder, by `apiVersion/kind`. */
export function loadCrdSchemas(dir: string = CLUSTER_API_CRD_DIR): Map<string, ServedSchema> {
  const schemas = new Map<string, ServedSchema>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort()) {
    const crd = parse(readFileSync(join(dir, file), "utf8"));
    for (const version of crd.spec.versions) {
      schemas.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, {
        file,
        served: version.served === true,
        storage: version.storage === true,
        schema: version.schema.openAPIV3Schema,
      });
    }
  }
  return schemas;
}
