/**
 * An image reference split the way registries read it: `host[:port]/path[:tag][@sha256:digest]`.
 * Only what the platform's rules need: where it comes from, and how firmly it is pinned.
 */
export interface ImageReference {
  /** Everything before the tag and digest: `harbor.example.gov.cn/health/portal`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** The reference grammar of container registries (distribution/reference): host[:port]/path[:tag][@algorithm:hex]. */
const IMAGE_REFERENCE = new RegExp(
  "^" +
    "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?" +
    "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*" +
    "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?" +
    "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?" +
    "$",
);

/** Whether `image` is a reference a container runtime can pull: no spaces, shell characters or upper-case paths. */
export function isImageReference(image: string): boolean {
  return image.length <= 512 && IMAGE_REFERENCE.test(image);
}

export function parseImageReference(image: string): ImageReference {
  const [withTag, digest] = image.split("@", 2);
  const lastSlash = withTag.lastIndexOf("/");
  const lastColon = withTag.lastIndexOf(":");
  const hasTag = lastColon > lastSlash;
  return {
    repository: hasTag ? withTag.slice(0, lastColon) : withTag,
    tag: hasTag ? withTag.slice(lastColon + 1) : undefined,
    digest,
  };
}

export function isSha256Digest(digest: string | undefined): boolean {
  return digest !== undefined && /^sha256:[a-f0-9]{64}$/.test(digest);
}

/** `harbor.x.cn/base` allows `harbor.x.cn/base/postgres` but not `harbor.x.cn/basement/...`. */
export function fromAllowedRegistry(repository: string, registries: readonly string[]): boolean {
  return registries.some((registry) => repository.startsWith(`${registry}/`));
}
