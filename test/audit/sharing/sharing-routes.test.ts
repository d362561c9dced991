import { readArtifact } from "../../../audit/export";
import { gatewayAdmission, gatewayRoutes, presentedCertificates, verifySharingRoutes, type PresentedCertificate } from "../../../audit/sharing";
import { synthesizeExample } from "../../stacks/example-artifact";
import { add, find, mutate } from "../rbac/artifact-mutation";

/**
 * The bundled example's one cross-cluster agreement (JNDSJ-2026-012: public-security/core
 * population-api on secure-l4 uses big-data/prod identity on shared-hz), read back from the
 * artifact: a mutual-TLS route on shared-hz's gateway that admits its consumer's certificate and
 * refuses everyone else, and an audit that fails as soon as the route admits anyone more.
 */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const ROUTE = { namespace: "big-data-prod", cluster: "shared-hz" };
const route = gatewayRoutes(stacks).find((r) => r.name === "identity-sharing")!;
const consumer = presentedCertificates(stacks).find((c) => c.commonName === "population-api.public-security-core")!;
const sameCa = (commonName: string, namespace = "public-security-core"): PresentedCertificate => ({ cluster: "secure-l4", namespace, commonName, ca: "govcloud-sharing-ca", clientAuth: true });

describe("the cross-cluster sharing route of the bundled example", () => {
  it("routes the identity service's sharing host on shared-hz's gateway with mutual TLS from the platform CA", () => {
    const ingress = find(stacks, "Ingress", "identity-sharing", ROUTE).object;
    expect(ingress.metadata.annotations).toEqual({
      "govcloud/sharing-approvals": "JNDSJ-2026-012 (until 2037-12-31)",
      "govcloud/sharing-consumers": "public-security/core/population-api",
      "nginx.ingress.kubernetes.io/auth-tls-match-cn": "CN=(population-api\\.public-security-core)$",
      "nginx.ingress.kubernetes.io/auth-tls-secret": "big-data-prod/identity-sharing-tls",
      "nginx.ingress.kubernetes.io/auth-tls-verify-client": "on",
      "nginx.ingress.kubernetes.io/auth-tls-verify-depth": "1",
    });
    expect(ingress.spec).toEqual({
      ingressClassName: "govcloud-nginx",
      tls: [{ hosts: ["identity.prod.big-data.share.jiangnan.gov.cn"], secretName: "identity-sharing-tls" }],
      rules: [
        {
          host: "identity.prod.big-data.share.jiangnan.gov.cn",
          http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "identity", port: { name: "http" } } } }] },
        },
      ],
    });
    expect(route.clientCa).toBe("govcloud-sharing-ca");
    expect(route.misconfiguration).toBeUndefined();
  });

  it("gives the consumer a client certificate from the same CA, its pods mounting the Secret by name", () => {
    expect(find(stacks, "Certificate", "population-api-sharing-client", { namespace: "public-security-core", cluster: "secure-l4" }).object.spec).toEqual({
      commonName: "population-api.public-security-core",
      duration: "2160h",
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "govcloud-sharing-ca" },
      privateKey: { algorithm: "ECDSA", rotationPolicy: "Always", size: 256 },
      renewBefore: "720h",
      secretName: "population-api-sharing-client-tls",
      usages: ["digital signature", "key encipherment", "client auth"],
    });
    const pod = (find(stacks, "Deployment", "population-api", { namespace: "public-security-core" }).object.spec as any).template.spec;
    expect(pod.volumes).toContainEqual({
      name: "sharing-client-tls",
      secret: {
        secretName: "population-api-sharing-client-tls",
        defaultMode: 0o440,
        items: [
          { key: "ca.crt", path: "ca.crt" },
          { key: "tls.crt", path: "tls.crt" },
          { key: "tls.key", path: "tls.key" },
        ],
      },
    });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: "sharing-client-tls", mountPath: "/etc/govcloud/sharing-tls", readOnly: true });
    expect(JSON.stringify(pod)).not.toMatch(/BEGIN (EC )?PRIVATE KEY|tls\.key"\s*:/);
  });

  it("admits the agreement's consumer", () => {
    expect(gatewayAdmission(route, consumer)).toEqual({ admitted: true });
  });

  it("refuses a non-consumer, even with a certificate from the platform CA", () => {
    expect(gatewayAdmission(route, sameCa("db.public-security-core"))).toEqual({
      admitted: false,
      status: 403,
      reason: 'subject "CN=db.public-security-core" does not match CN=(population-api\\.public-security-core)$',
    });
    // Names that merely start or end like the consumer's.
    expect(gatewayAdmission(route, sameCa("population-api.public-security-core.evil")).admitted).toBe(false);
    expect(gatewayAdmission(route, sameCa("xpopulation-api.public-security-core")).admitted).toBe(false);
    expect(gatewayAdmission(route, sameCa("population-apixpublic-security-core")).admitted).toBe(false);
  });

  it("refuses a client without a certificate, with one from another CA, or with one not for client authentication", () => {
    expect(gatewayAdmission(route, undefined)).toEqual({ admitted: false, status: 400, reason: "no client certificate was sent" });
    expect(gatewayAdmission(route, { ...consumer, ca: "someone-elses-ca" })).toEqual({
      admitted: false,
      status: 400,
      reason: "the client certificate is not signed by the route's CA (govcloud-sharing-ca)",
    });
    expect(gatewayAdmission(route, { ...consumer, clientAuth: false })).toEqual({ admitted: false, status: 400, reason: "the certificate is not for client authentication" });
  });

  it("passes the audit: the route admits exactly its consumer among every certificate of the artifact", () => {
    expect(verifySharingRoutes(stacks, example.model)).toEqual({
      passed: true,
      findings: [],
      routes: [
        {
          cluster: "shared-hz",
          namespace: "big-data-prod",
          name: "identity-sharing",
          host: "identity.prod.big-data.share.jiangnan.gov.cn",
          provider: "big-data/prod/identity",
          admitted: [{ consumer: "public-security/core/population-api", commonName: "population-api.public-security-core", cluster: "secure-l4", namespace: "public-security-core" }],
          intended: ["public-security/core/population-api"],
        },
      ],
    });
  });

  it("fails the audit when the route would admit a non-consumer's certificate", () => {
    const intruder = find(stacks, "Certificate", "population-api-sharing-client", { namespace: "public-security-core" });
    const withIntruder = add(stacks, "dept-public-security", {
      address: "kubernetes_manifest.intruder",
      cluster: "secure-l4",
      namespaced: true,
      object: {
        ...structuredClone(intruder.object),
        metadata: { ...intruder.object.metadata, name: "db-sharing-client", labels: { ...intruder.object.metadata.labels, "govcloud/service": "db" } },
        spec: { ...(intruder.object.spec as object), commonName: "db.public-security-core", secretName: "db-sharing-client-tls" },
      },
    });
    expect(verifySharingRoutes(withIntruder, example.model).findings).toEqual([]);
    const widened = mutate(withIntruder, "Ingress", "identity-sharing", ROUTE, (o) => {
      o.metadata.annotations["nginx.ingress.kubernetes.io/auth-tls-match-cn"] = "CN=.*public-security-core";
    });
    expect(verifySharingRoutes(widened, example.model).findings).toEqual([
      "shared-hz big-data-prod/identity-sharing (identity.prod.big-data.share.jiangnan.gov.cn): admits the certificate of public-security/core/db (CN=db.public-security-core), which has no agreement in force with big-data/prod/identity",
    ]);
  });

  it("fails the audit when the route stops demanding a client certificate", () => {
    const optional = mutate(stacks, "Ingress", "identity-sharing", ROUTE, (o) => {
      o.metadata.annotations["nginx.ingress.kubernetes.io/auth-tls-verify-client"] = "off";
      delete o.metadata.annotations["nginx.ingress.kubernetes.io/auth-tls-match-cn"];
    });
    expect(verifySharingRoutes(optional, example.model).findings).toEqual([
      'shared-hz big-data-prod/identity-sharing (identity.prod.big-data.share.jiangnan.gov.cn): nginx.ingress.kubernetes.io/auth-tls-verify-client is "off": clients without a certificate are let through',
      "shared-hz big-data-prod/identity-sharing (identity.prod.big-data.share.jiangnan.gov.cn): admits clients without a certificate",
    ]);
  });

  it("fails the audit when the route or the consumer's certificate is missing", () => {
    const noRoute = stacks.map((s) => ({ ...s, resources: s.resources.filter((r) => !(r.object.kind === "Ingress" && r.object.metadata.name === "identity-sharing")) }));
    expect(verifySharingRoutes(noRoute, example.model).findings).toEqual([
      "big-data/prod/identity: no route for identity.prod.big-data.share.jiangnan.gov.cn on cluster shared-hz; its cross-cluster consumers (public-security/core/population-api) cannot reach it",
    ]);
    const noCertificate = stacks.map((s) => ({ ...s, resources: s.resources.filter((r) => !(r.object.kind === "Certificate" && r.object.metadata.name === "population-api-sharing-client")) }));
    expect(verifySharingRoutes(noCertificate, example.model).findings).toEqual([
      "shared-hz big-data-prod/identity-sharing (identity.prod.big-data.share.jiangnan.gov.cn): consumer public-security/core/population-api has no client certificate CN=population-api.public-security-core on cluster secure-l4",
    ]);
  });

  it("fails the audit when the consumer's pods do not mount its client certificate's Secret", () => {
    const unmounted = mutate(stacks, "Deployment", "population-api", { namespace: "public-security-core", cluster: "secure-l4" }, (o) => {
      for (const volume of o.spec.template.spec.volumes) if (volume.secret) volume.secret.secretName = "another-secret";
    });
    expect(verifySharingRoutes(unmounted, example.model).findings).toEqual([
      "shared-hz big-data-prod/identity-sharing (identity.prod.big-data.share.jiangnan.gov.cn): the pods of consumer public-security/core/population-api do not mount its client certificate Secret population-api-sharing-client-tls",
    ]);
  });
});
