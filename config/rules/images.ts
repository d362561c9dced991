import { error, type FieldPath, type Problem } from "../declaration/problem";
import { fromAllowedRegistry, isImageReference, isSha256Digest, parseImageReference } from "../model/image-reference";
import type { DeclarationRule } from "./rule";

/**
 * Images come only from the platform's registries, are pinned by a version tag (never
 * `latest`), and from level 3 by digest, so what was assessed is what runs.
 */
export const images: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const registries = platform.data.registries;
  const check = (file: string, path: FieldPath, image: string, level: number, owner: string) => {
    if (!isImageReference(image)) {
      problems.push(error(file, path, `image ${JSON.stringify(image)} of ${owner} is not an image reference: registry/path:tag or registry/path:tag@sha256:<digest>, the path in lower case`));
      return;
    }
    const ref = parseImageReference(image);
    if (!fromAllowedRegistry(ref.repository, registries)) {
      problems.push(error(file, path, `image "${image}" of ${owner} is not from an allowed registry (${[...registries].sort().join(", ")})`));
    }
    if (ref.tag === undefined && ref.digest === undefined) {
      problems.push(error(file, path, `image "${image}" of ${owner} has no tag; pin a version such as :1.4.2`));
    } else if (ref.tag === "latest") {
      problems.push(error(file, path, `image "${image}" of ${owner} uses the tag "latest", which changes under the same name; pin a version`));
    }
    if (level >= 3 && !isSha256Digest(ref.digest)) {
      problems.push(error(file, path, `image "${image}" of ${owner} must be pinned by digest at level ${level} (…@sha256:<64 hex digits>)`));
    }
  };
  for (const [name, image] of Object.entries(platform.data.templateImages)) {
    // Template images run beside level 3 and 4 workloads too, so they are always pinned by digest.
    check(platform.file, ["templateImages", name], image, 4, `template image ${name}`);
  }
  for (const department of departments) {
    department.data.environments.forEach((env, ei) =>
      env.services.forEach((service, si) =>
        service.image === undefined || service.name === undefined || env.level === undefined
          ? undefined
          : check(department.file, ["environments", ei, "services", si, "image"], service.image, env.level, `service "${service.name}"`),
      ),
    );
  }
  return problems;
};
