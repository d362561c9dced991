/**
 * How ingress-nginx authenticates a client by certificate (the annotations of
 * `internal/ingress/annotations/authtls`): `auth-tls-secret` names, in the Ingress's own namespace
 * (the controller refuses other namespaces unless told otherwise), a Secret whose `ca.crt`
 * verifies clients; `auth-tls-verify-client: on` refuses a TLS handshake without a valid client
 * certificate; `auth-tls-match-cn` is a regular expression, which must start with `CN=`, that
 * nginx matches (unanchored) against the client's subject DN in RFC 2253 form, answering 403 when
 * it does not match. The controller passes the subject on as the `ssl-client-subject-dn` header,
 * so the provider knows who is asking.
 */
export const AUTH_TLS_ANNOTATION = {
  secret: "nginx.ingress.kubernetes.io/auth-tls-secret",
  verifyClient: "nginx.ingress.kubernetes.io/auth-tls-verify-client",
  verifyDepth: "nginx.ingress.kubernetes.io/auth-tls-verify-depth",
  matchCn: "nginx.ingress.kubernetes.io/auth-tls-match-cn",
} as const;

/** Only what the platform CA signed directly: no intermediate may vouch for a consumer. */
export const CLIENT_VERIFY_DEPTH = 1;

/**
 * `CN=(<name>|<name>)$` for the admitted common names, dots escaped. The controller's validator
 * demands the `CN=` prefix, so the pattern cannot be anchored at the start; it is anchored at the
 * end, and sharing certificates carry a common name only, so their subject DN is exactly
 * `CN=<name>`: a name that merely starts or ends like an admitted one does not match.
 */
export function commonNamePattern(commonNames: readonly string[]): string {
  if (commonNames.length === 0) throw new Error("a sharing route must admit at least one consumer");
  for (const name of commonNames) {
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
      throw new Error(`a consumer's common name must be lower-case letters, digits, '-' and '.', got '${name}'`);
    }
  }
  return `CN=(${[...new Set(commonNames)].sort().map((n) => n.replace(/\./g, "\\.")).join("|")})$`;
}
