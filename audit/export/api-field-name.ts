/**
 * Kubernetes spells initialisms in capitals after the first word (`clusterIP`, `hostPID`,
 * `nonResourceURLs`, `volumeID`), so a plain snake_case → camelCase would produce fields the API
 * silently ignores.
 */
const INITIALISMS: Readonly<Record<string, string>> = {
  ip: "IP",
  ips: "IPs",
  pid: "PID",
  ipc: "IPC",
  url: "URL",
  urls: "URLs",
  uri: "URI",
  uuid: "UUID",
  id: "ID",
  fqdn: "FQDN",
  cidr: "CIDR",
  cidrs: "CIDRs",
};

// A province's artifact converts the same few hundred attribute names millions of times.
const known = new Map<string, string>();

/** The API field name of a provider attribute: `run_as_user` → `runAsUser`, `cluster_ip` → `clusterIP`. */
export function apiFieldName(attribute: string): string {
  let name = known.get(attribute);
  if (name === undefined) {
    const [first, ...rest] = attribute.split("_");
    name = first + rest.map((word) => INITIALISMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1)).join("");
    known.set(attribute, name);
  }
  return name;
}
