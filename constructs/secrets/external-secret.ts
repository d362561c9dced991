import { Construct } from "constructs";
import type { TerraformProvider } from "cdktf";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { ExternalSecret as ExternalSecretModel } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret";

/**
 * The API version the ExternalSecrets are applied as. External Secrets Operator serves only `v1`
 * from 0.17 (0.16 serves both); the typed models of @kubernetes-models/external-secrets 0.5 stop
 * at `v1beta1`, whose ExternalSecret schema `v1` kept field for field (the operator converts
 * between them by changing the version alone), so each object is checked against the `v1beta1`
 * schema and applied as `v1`.
 */
export const EXTERNAL_SECRET_API_VERSION = "external-secrets.io/v1";

/** The cluster-wide store of the platform's secrets, which the platform team runs against Vault or a cloud KMS. */
export interface SecretStoreRef {
  readonly kind: "ClusterSecretStore";
  readonly name: string;
}

export interface ExternalSecretProps {
  readonly provider: TerraformProvider;
  /** The namespace's name (the namespace resource's name attribute, so Terraform orders creation). */
  readonly namespace: string;
  /** The Secret the operator writes, and the ExternalSecret's own name. */
  readonly secretName: string;
  readonly store: SecretStoreRef;
  /** Path of the secret in the store; each key of the Secret is the property of that name. */
  readonly remoteKey: string;
  /** Keys of the Secret, each fetched from the property of the same name. @default - every property of the remote secret (`dataFrom.extract`) */
  readonly keys?: readonly string[];
  /** How often the operator reads the store again (`1h`). */
  readonly refreshInterval: string;
  /** @default - Opaque */
  readonly secretType?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/**
 * A Secret that External Secrets Operator writes from the platform's store: no value is in the
 * configuration or the Terraform state, only where to find it. The Secret is owned by the
 * ExternalSecret (`creationPolicy: Owner`), so nothing else writes it and it goes with it;
 * fields the operator would default are written out, so that Terraform plans no change after
 * the API server fills them in.
 */
export class ExternalSecret extends Construct {
  readonly manifest: Manifest;

  constructor(scope: Construct, id: string, props: ExternalSecretProps) {
    super(scope, id);
    if (props.keys !== undefined && props.keys.length === 0) {
      throw new Error(`'keys' of ExternalSecret '${props.secretName}' must name at least one key, or be left out to fetch every property`);
    }
    const remoteRef = (property?: string) => ({
      key: props.remoteKey,
      ...(property === undefined ? {} : { property }),
      conversionStrategy: "Default",
      decodingStrategy: "None",
      metadataPolicy: "None",
    });
    const model = new ExternalSecretModel({
      metadata: {
        name: props.secretName,
        namespace: props.namespace,
        labels: { ...props.labels },
        ...(props.annotations ? { annotations: { ...props.annotations } } : {}),
      },
      spec: {
        refreshInterval: props.refreshInterval,
        secretStoreRef: { kind: props.store.kind, name: props.store.name },
        target: {
          name: props.secretName,
          creationPolicy: "Owner",
          deletionPolicy: "Retain",
          ...(props.secretType ? { template: { type: props.secretType, engineVersion: "v2" } } : {}),
        },
        ...(props.keys === undefined
          ? { dataFrom: [{ extract: remoteRef() }] }
          : { data: [...new Set(props.keys)].sort().map((key) => ({ secretKey: key, remoteRef: remoteRef(key) })) }),
      },
    });
    model.validate();
    this.manifest = new Manifest(this, "external-secret", {
      provider: props.provider,
      manifest: { ...(model.toJSON() as Record<string, unknown>), apiVersion: EXTERNAL_SECRET_API_VERSION },
    });
  }
}
