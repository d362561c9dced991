import { parse } from "yaml";
import { workloadClusterObjects, type WorkloadClusterProps } from "../../../constructs/cluster-api/workload-cluster-objects";

const zone = (name: string, namePart = name) => ({ name, namePart });

/** A two-pool cluster with a KMS: every object exactly as the management cluster receives it. */
const props: WorkloadClusterProps = {
  name: "l4",
  namespace: "capi",
  kubernetesVersion: "v1.33.4",
  podCidr: "192.168.0.0/16",
  serviceCidr: "10.96.0.0/12",
  controlPlane: { replicas: 3, flavor: "cp.c8m32", image: "kube-v1.33.4" },
  hardening: { auditLogMaxAgeDays: 180, secretsEncryption: { provider: "kms", name: "gov-kms", endpoint: "unix:///var/run/kmsplugin/socket.sock" } },
  openstack: { credentialsSecret: "l4-cloud-config", cloudName: "openstack", externalNetworkId: "ext-1", nodeCidr: "10.6.0.0/24", dnsServers: ["10.0.0.53"], failureDomains: ["az1", "az2"] },
  nodePools: [
    {
      name: "secure",
      replicas: 3,
      flavor: "c64m256",
      image: "kube-v1.33.4",
      failureDomains: [{ name: "az2", namePart: "az2" }],
      nodeLabels: { "govcloud/node-pool": "secure" },
      taints: [{ key: "govcloud/dedicated", value: "secure", effect: "NoSchedule" }],
    },
    { name: "burst", replicas: { min: 2, max: 5 }, failureDomains: [zone("az2"), zone("az1")], flavor: "c16m64", image: "kube-v1.33.4", nodeLabels: { "govcloud/node-pool": "burst", "govcloud/arch": "amd64" }, taints: [] },
  ],
};

const objects = workloadClusterObjects(props);

describe("workloadClusterObjects", () => {
  test("the Cluster names its control plane and infrastructure by v1beta2 typed references", () => {
    expect(objects.cluster).toEqual({
      apiVersion: "cluster.x-k8s.io/v1beta2",
      kind: "Cluster",
      metadata: {
        name: "l4",
        namespace: "capi",
        labels: {
          "app.kubernetes.io/managed-by": "govcloud",
          "app.kubernetes.io/part-of": "govcloud",
          "cluster.x-k8s.io/cluster-name": "l4"
        }
      },
      spec: {
        clusterNetwork: {
          pods: {
            cidrBlocks: [
              "192.168.0.0/16"
            ]
          },
          services: {
            cidrBlocks: [
              "10.96.0.0/12"
            ]
          },
          serviceDomain: "cluster.local"
        },
        controlPlaneRef: {
          apiGroup: "controlplane.cluster.x-k8s.io",
          kind: "KubeadmControlPlane",
          name: "l4-control-plane"
        },
        infrastructureRef: {
          apiGroup: "infrastructure.cluster.x-k8s.io",
          kind: "OpenStackCluster",
          name: "l4"
        }
      }
    });
  });

  test("the OpenStackCluster references the credentials Secret by name and writes the fields the CRD defaults", () => {
    expect(objects.openStackCluster).toEqual({
      apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
      kind: "OpenStackCluster",
      metadata: {
        name: "l4",
        namespace: "capi",
        labels: {
          "app.kubernetes.io/managed-by": "govcloud",
          "app.kubernetes.io/part-of": "govcloud",
          "cluster.x-k8s.io/cluster-name": "l4"
        }
      },
      spec: {
        identityRef: {
          type: "Secret",
          name: "l4-cloud-config",
          cloudName: "openstack"
        },
        externalNetwork: {
          id: "ext-1"
        },
        apiServerLoadBalancer: {
          enabled: true
        },
        managedSubnets: [
          {
            cidr: "10.6.0.0/24",
            dnsNameservers: [
              "10.0.0.53"
            ]
          }
        ],
        managedSecurityGroups: {
          allowAllInClusterTraffic: false,
          allNodesSecurityGroupRules: [
            {
              name: "calico-bgp",
              description: "Calico BGP peering between the cluster's machines",
              direction: "ingress",
              etherType: "IPv4",
              protocol: "tcp",
              portRangeMin: 179,
              portRangeMax: 179,
              remoteManagedGroups: [
                "controlplane",
                "worker"
              ]
            },
            {
              name: "calico-ip-in-ip",
              description: "Calico IP-in-IP pod traffic between the cluster's machines",
              direction: "ingress",
              etherType: "IPv4",
              protocol: "4",
              remoteManagedGroups: [
                "controlplane",
                "worker"
              ]
            }
          ]
        },
        controlPlaneAvailabilityZones: [
          "az1",
          "az2"
        ]
      }
    });
  });

  test("the control plane machines come from a template named by a hash of its spec", () => {
    expect(objects.controlPlaneMachineTemplate).toEqual({
      apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
      kind: "OpenStackMachineTemplate",
      metadata: {
        name: "l4-control-plane-2721c3e0",
        namespace: "capi",
        labels: {
          "app.kubernetes.io/managed-by": "govcloud",
          "app.kubernetes.io/part-of": "govcloud",
          "cluster.x-k8s.io/cluster-name": "l4"
        }
      },
      spec: {
        template: {
          spec: {
            flavor: "cp.c8m32",
            image: {
              filter: {
                name: "kube-v1.33.4"
              }
            }
          }
        }
      }
    });
  });

  test("the KubeadmControlPlane carries the API server's audit, authentication, encryption and admission settings", () => {
    const { files, ...kubeadmConfigSpec } = objects.controlPlane.spec.kubeadmConfigSpec;
    expect({ ...objects.controlPlane, spec: { ...objects.controlPlane.spec, kubeadmConfigSpec: { ...kubeadmConfigSpec, files: "__FILES__" } } }).toEqual({
      apiVersion: "controlplane.cluster.x-k8s.io/v1beta2",
      kind: "KubeadmControlPlane",
      metadata: {
        name: "l4-control-plane",
        namespace: "capi",
        labels: {
          "app.kubernetes.io/managed-by": "govcloud",
          "app.kubernetes.io/part-of": "govcloud",
          "cluster.x-k8s.io/cluster-name": "l4"
        }
      },
      spec: {
        replicas: 3,
        version: "v1.33.4",
        machineTemplate: {
          spec: {
            infrastructureRef: {
              apiGroup: "infrastructure.cluster.x-k8s.io",
              kind: "OpenStackMachineTemplate",
              name: "l4-control-plane-2721c3e0"
            }
          }
        },
        kubeadmConfigSpec: {
          clusterConfiguration: {
            apiServer: {
              extraArgs: [
                {
                  name: "audit-log-maxage",
                  value: "180"
                },
                {
                  name: "audit-log-maxbackup",
                  value: "0"
                },
                {
                  name: "audit-log-maxsize",
                  value: "100"
                },
                {
                  name: "audit-log-path",
                  value: "/var/log/kubernetes/audit/audit.log"
                },
                {
                  name: "audit-policy-file",
                  value: "/etc/kubernetes/govcloud/audit-policy.yaml"
                },
                {
                  name: "authentication-config",
                  value: "/etc/kubernetes/govcloud/authentication-config.yaml"
                },
                {
                  name: "enable-admission-plugins",
                  value: "LimitRanger,NodeRestriction,PodSecurity,ResourceQuota,ValidatingAdmissionPolicy"
                },
                {
                  name: "encryption-provider-config",
                  value: "/etc/kubernetes/govcloud/encryption-config.yaml"
                }
              ],
              extraVolumes: [
                {
                  name: "govcloud-config",
                  hostPath: "/etc/kubernetes/govcloud",
                  mountPath: "/etc/kubernetes/govcloud",
                  readOnly: true,
                  pathType: "Directory"
                },
                {
                  name: "audit-log",
                  hostPath: "/var/log/kubernetes/audit",
                  mountPath: "/var/log/kubernetes/audit",
                  readOnly: false,
                  pathType: "DirectoryOrCreate"
                },
                {
                  name: "kms-socket",
                  hostPath: "/var/run/kmsplugin",
                  mountPath: "/var/run/kmsplugin",
                  readOnly: false,
                  pathType: "DirectoryOrCreate"
                }
              ]
            },
            controllerManager: {
              extraArgs: [
                {
                  name: "cloud-provider",
                  value: "external"
                }
              ]
            }
          },
          initConfiguration: {
            nodeRegistration: {
              name: "{{ local_hostname }}",
              kubeletExtraArgs: [
                {
                  name: "cloud-provider",
                  value: "external"
                },
                {
                  name: "provider-id",
                  value: "openstack:///'{{ instance_id }}'"
                }
              ]
            }
          },
          joinConfiguration: {
            nodeRegistration: {
              name: "{{ local_hostname }}",
              kubeletExtraArgs: [
                {
                  name: "cloud-provider",
                  value: "external"
                },
                {
                  name: "provider-id",
                  value: "openstack:///'{{ instance_id }}'"
                }
              ]
            }
          },
          files: "__FILES__"
        }
      }
    });
    expect(files!.map((f) => ({ ...f, ...("content" in f ? { content: parse(f.content) } : {}) }))).toEqual([
      {
        path: "/etc/kubernetes/govcloud/audit-policy.yaml",
        owner: "root:root",
        permissions: "0600",
        content: {
          apiVersion: "audit.k8s.io/v1",
          kind: "Policy",
          omitStages: [
            "RequestReceived"
          ],
          rules: [
            {
              level: "None",
              nonResourceURLs: [
                "/healthz*",
                "/livez*",
                "/readyz*"
              ]
            },
            {
              level: "Metadata",
              resources: [
                {
                  group: "",
                  resources: [
                    "secrets",
                    "configmaps",
                    "serviceaccounts/token"
                  ]
                },
                {
                  group: "authentication.k8s.io",
                  resources: [
                    "tokenreviews"
                  ]
                }
              ]
            },
            {
              level: "RequestResponse",
              verbs: [
                "create",
                "update",
                "patch",
                "delete",
                "deletecollection"
              ],
              resources: [
                {
                  group: "rbac.authorization.k8s.io"
                },
                {
                  group: "admissionregistration.k8s.io"
                },
                {
                  group: "networking.k8s.io",
                  resources: [
                    "networkpolicies"
                  ]
                },
                {
                  group: "",
                  resources: [
                    "namespaces",
                    "resourcequotas",
                    "limitranges"
                  ]
                }
              ]
            },
            {
              level: "Request",
              verbs: [
                "create",
                "update",
                "patch",
                "delete",
                "deletecollection"
              ]
            },
            {
              level: "Metadata"
            }
          ]
        }
      },
      {
        path: "/etc/kubernetes/govcloud/authentication-config.yaml",
        owner: "root:root",
        permissions: "0600",
        content: {
          apiVersion: "apiserver.config.k8s.io/v1beta1",
          kind: "AuthenticationConfiguration",
          anonymous: {
            enabled: true,
            conditions: [
              {
                path: "/healthz"
              },
              {
                path: "/livez"
              },
              {
                path: "/readyz"
              }
            ]
          }
        }
      },
      {
        path: "/etc/kubernetes/govcloud/encryption-config.yaml",
        owner: "root:root",
        permissions: "0600",
        content: {
          apiVersion: "apiserver.config.k8s.io/v1",
          kind: "EncryptionConfiguration",
          resources: [
            {
              resources: [
                "secrets"
              ],
              providers: [
                {
                  kms: {
                    apiVersion: "v2",
                    name: "gov-kms",
                    endpoint: "unix:///var/run/kmsplugin/socket.sock",
                    timeout: "3s"
                  }
                },
                {
                  identity: {}
                }
              ]
            }
          ]
        }
      }
    ]);
  });

  test("a dedicated pool registers its nodes with the pool label and taint, in its failure domain, with a fixed count", () => {
    expect(objects.pools.find((p) => p.pool === "secure")).toEqual({
      pool: "secure",
      machineTemplate: {
        apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
        kind: "OpenStackMachineTemplate",
        metadata: {
          name: "l4-secure-03b63ebf",
          namespace: "capi",
          labels: {
            "app.kubernetes.io/managed-by": "govcloud",
            "app.kubernetes.io/part-of": "govcloud",
            "cluster.x-k8s.io/cluster-name": "l4"
          }
        },
        spec: {
          template: {
            spec: {
              flavor: "c64m256",
              image: {
                filter: {
                  name: "kube-v1.33.4"
                }
              }
            }
          }
        }
      },
      bootstrapTemplate: {
        apiVersion: "bootstrap.cluster.x-k8s.io/v1beta2",
        kind: "KubeadmConfigTemplate",
        metadata: {
          name: "l4-secure-1d964d34",
          namespace: "capi",
          labels: {
            "app.kubernetes.io/managed-by": "govcloud",
            "app.kubernetes.io/part-of": "govcloud",
            "cluster.x-k8s.io/cluster-name": "l4"
          }
        },
        spec: {
          template: {
            spec: {
              joinConfiguration: {
                nodeRegistration: {
                  name: "{{ local_hostname }}",
                  kubeletExtraArgs: [
                    {
                      name: "cloud-provider",
                      value: "external"
                    },
                    {
                      name: "node-labels",
                      value: "govcloud/node-pool=secure"
                    },
                    {
                      name: "provider-id",
                      value: "openstack:///'{{ instance_id }}'"
                    }
                  ],
                  taints: [
                    {
                      key: "govcloud/dedicated",
                      value: "secure",
                      effect: "NoSchedule"
                    }
                  ]
                }
              }
            }
          }
        }
      },
      deployments: [
        {
          failureDomain: "az2",
          suffix: "az2",
          machineDeployment: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineDeployment",
            metadata: {
              name: "l4-secure-az2",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              }
            },
            spec: {
              clusterName: "l4",
              replicas: 3,
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-secure-az2"
                }
              },
              template: {
                metadata: {
                  labels: {
                    "cluster.x-k8s.io/cluster-name": "l4",
                    "cluster.x-k8s.io/deployment-name": "l4-secure-az2"
                  }
                },
                spec: {
                  clusterName: "l4",
                  version: "v1.33.4",
                  bootstrap: {
                    configRef: {
                      apiGroup: "bootstrap.cluster.x-k8s.io",
                      kind: "KubeadmConfigTemplate",
                      name: "l4-secure-1d964d34"
                    }
                  },
                  infrastructureRef: {
                    apiGroup: "infrastructure.cluster.x-k8s.io",
                    kind: "OpenStackMachineTemplate",
                    name: "l4-secure-03b63ebf"
                  },
                  failureDomain: "az2"
                }
              }
            }
          },
          healthCheck: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineHealthCheck",
            metadata: {
              name: "l4-secure-az2",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              }
            },
            spec: {
              clusterName: "l4",
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-secure-az2"
                }
              },
              checks: {
                nodeStartupTimeoutSeconds: 600,
                unhealthyNodeConditions: [
                  {
                    type: "Ready",
                    status: "False",
                    timeoutSeconds: 300
                  },
                  {
                    type: "Ready",
                    status: "Unknown",
                    timeoutSeconds: 300
                  }
                ]
              },
              remediation: {
                triggerIf: {
                  unhealthyLessThanOrEqualTo: "40%"
                }
              }
            }
          }
        }
      ]
    });
  });

  test("an autoscaled pool spread over two zones leaves the count to the autoscaler, its bounds split between them", () => {
    expect(objects.pools.find((p) => p.pool === "burst")).toEqual({
      pool: "burst",
      machineTemplate: {
        apiVersion: "infrastructure.cluster.x-k8s.io/v1beta1",
        kind: "OpenStackMachineTemplate",
        metadata: {
          name: "l4-burst-4b4dc8d2",
          namespace: "capi",
          labels: {
            "app.kubernetes.io/managed-by": "govcloud",
            "app.kubernetes.io/part-of": "govcloud",
            "cluster.x-k8s.io/cluster-name": "l4"
          }
        },
        spec: {
          template: {
            spec: {
              flavor: "c16m64",
              image: {
                filter: {
                  name: "kube-v1.33.4"
                }
              }
            }
          }
        }
      },
      bootstrapTemplate: {
        apiVersion: "bootstrap.cluster.x-k8s.io/v1beta2",
        kind: "KubeadmConfigTemplate",
        metadata: {
          name: "l4-burst-05de0cec",
          namespace: "capi",
          labels: {
            "app.kubernetes.io/managed-by": "govcloud",
            "app.kubernetes.io/part-of": "govcloud",
            "cluster.x-k8s.io/cluster-name": "l4"
          }
        },
        spec: {
          template: {
            spec: {
              joinConfiguration: {
                nodeRegistration: {
                  name: "{{ local_hostname }}",
                  kubeletExtraArgs: [
                    {
                      name: "cloud-provider",
                      value: "external"
                    },
                    {
                      name: "node-labels",
                      value: "govcloud/arch=amd64,govcloud/node-pool=burst"
                    },
                    {
                      name: "provider-id",
                      value: "openstack:///'{{ instance_id }}'"
                    }
                  ]
                }
              }
            }
          }
        }
      },
      deployments: [
        {
          failureDomain: "az1",
          suffix: "az1",
          machineDeployment: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineDeployment",
            metadata: {
              name: "l4-burst-az1",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              },
              annotations: {
                "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size": "1",
                "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size": "3"
              }
            },
            spec: {
              clusterName: "l4",
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-burst-az1"
                }
              },
              template: {
                metadata: {
                  labels: {
                    "cluster.x-k8s.io/cluster-name": "l4",
                    "cluster.x-k8s.io/deployment-name": "l4-burst-az1"
                  }
                },
                spec: {
                  clusterName: "l4",
                  version: "v1.33.4",
                  bootstrap: {
                    configRef: {
                      apiGroup: "bootstrap.cluster.x-k8s.io",
                      kind: "KubeadmConfigTemplate",
                      name: "l4-burst-05de0cec"
                    }
                  },
                  infrastructureRef: {
                    apiGroup: "infrastructure.cluster.x-k8s.io",
                    kind: "OpenStackMachineTemplate",
                    name: "l4-burst-4b4dc8d2"
                  },
                  failureDomain: "az1"
                }
              }
            }
          },
          healthCheck: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineHealthCheck",
            metadata: {
              name: "l4-burst-az1",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              }
            },
            spec: {
              clusterName: "l4",
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-burst-az1"
                }
              },
              checks: {
                nodeStartupTimeoutSeconds: 600,
                unhealthyNodeConditions: [
                  {
                    type: "Ready",
                    status: "False",
                    timeoutSeconds: 300
                  },
                  {
                    type: "Ready",
                    status: "Unknown",
                    timeoutSeconds: 300
                  }
                ]
              },
              remediation: {
                triggerIf: {
                  unhealthyLessThanOrEqualTo: "40%"
                }
              }
            }
          }
        },
        {
          failureDomain: "az2",
          suffix: "az2",
          machineDeployment: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineDeployment",
            metadata: {
              name: "l4-burst-az2",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              },
              annotations: {
                "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size": "1",
                "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size": "2"
              }
            },
            spec: {
              clusterName: "l4",
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-burst-az2"
                }
              },
              template: {
                metadata: {
                  labels: {
                    "cluster.x-k8s.io/cluster-name": "l4",
                    "cluster.x-k8s.io/deployment-name": "l4-burst-az2"
                  }
                },
                spec: {
                  clusterName: "l4",
                  version: "v1.33.4",
                  bootstrap: {
                    configRef: {
                      apiGroup: "bootstrap.cluster.x-k8s.io",
                      kind: "KubeadmConfigTemplate",
                      name: "l4-burst-05de0cec"
                    }
                  },
                  infrastructureRef: {
                    apiGroup: "infrastructure.cluster.x-k8s.io",
                    kind: "OpenStackMachineTemplate",
                    name: "l4-burst-4b4dc8d2"
                  },
                  failureDomain: "az2"
                }
              }
            }
          },
          healthCheck: {
            apiVersion: "cluster.x-k8s.io/v1beta2",
            kind: "MachineHealthCheck",
            metadata: {
              name: "l4-burst-az2",
              namespace: "capi",
              labels: {
                "app.kubernetes.io/managed-by": "govcloud",
                "app.kubernetes.io/part-of": "govcloud",
                "cluster.x-k8s.io/cluster-name": "l4"
              }
            },
            spec: {
              clusterName: "l4",
              selector: {
                matchLabels: {
                  "cluster.x-k8s.io/cluster-name": "l4",
                  "cluster.x-k8s.io/deployment-name": "l4-burst-az2"
                }
              },
              checks: {
                nodeStartupTimeoutSeconds: 600,
                unhealthyNodeConditions: [
                  {
                    type: "Ready",
                    status: "False",
                    timeoutSeconds: 300
                  },
                  {
                    type: "Ready",
                    status: "Unknown",
                    timeoutSeconds: 300
                  }
                ]
              },
              remediation: {
                triggerIf: {
                  unhealthyLessThanOrEqualTo: "40%"
                }
              }
            }
          }
        }
      ]
    });
  });

  test("a changed image is a new machine template for the MachineDeployment to roll to", () => {
    const newer = workloadClusterObjects({ ...props, nodePools: [{ ...props.nodePools[1], image: "kube-v1.33.5" }] }).pools[0];
    const before = objects.pools.find((p) => p.pool === "burst")!;
    expect(newer.machineTemplate.metadata.name).not.toBe(before.machineTemplate.metadata.name);
    for (const { machineDeployment } of newer.deployments) expect(machineDeployment.spec.template.spec.infrastructureRef.name).toBe(newer.machineTemplate.metadata.name);
    expect(newer.bootstrapTemplate.metadata.name).toBe(before.bootstrapTemplate.metadata.name);
  });

  describe("a pool over its failure domains", () => {
    const deploymentsOf = (replicas: number | { min: number; max: number }, zones: Array<string | { name: string; namePart: string }>) =>
      workloadClusterObjects({ ...props, nodePools: [{ ...props.nodePools[1], replicas, failureDomains: zones.map((z) => (typeof z === "string" ? zone(z) : z)) }] }).pools[0].deployments.map((d) => ({
        zone: d.machineDeployment.spec.template.spec.failureDomain,
        name: d.machineDeployment.metadata.name,
        replicas: d.machineDeployment.spec.replicas,
        bounds: d.machineDeployment.metadata.annotations,
        checked: d.healthCheck.spec.selector.matchLabels["cluster.x-k8s.io/deployment-name"],
      }));

    test("splits a fixed count evenly, the first zones taking the remainder, each deployment with its own health check", () => {
      expect(deploymentsOf(5, ["az2", "az1"])).toEqual([
        { zone: "az1", name: "l4-burst-az1", replicas: 3, bounds: undefined, checked: "l4-burst-az1" },
        { zone: "az2", name: "l4-burst-az2", replicas: 2, bounds: undefined, checked: "l4-burst-az2" },
      ]);
    });

    test("never makes an empty deployment: fewer machines than zones use the first zones", () => {
      expect(deploymentsOf(2, ["az1", "az2", "az3"]).map((d) => [d.zone, d.replicas])).toEqual([
        ["az1", 1],
        ["az2", 1],
      ]);
      expect(deploymentsOf({ min: 1, max: 6 }, ["az1", "az2", "az3"]).map((d) => [d.zone, d.bounds])).toEqual([
        ["az1", { "cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size": "1", "cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size": "6" }],
      ]);
    });

    test("without failure domains is one deployment, named after the pool, that OpenStack places", () => {
      expect(deploymentsOf(4, [])).toEqual([{ zone: undefined, name: "l4-burst", replicas: 4, bounds: undefined, checked: "l4-burst" }]);
    });

    test("names each deployment by its zone's name part, and refuses two zones with the same one", () => {
      expect(deploymentsOf(2, [zone("AZ_North", "az-north"), zone("az-south")]).map((d) => d.name)).toEqual(["l4-burst-az-north", "l4-burst-az-south"]);
      expect(() => deploymentsOf(2, [zone("AZ_1", "az-1"), zone("az.1", "az-1")])).toThrow("failure domains 'AZ_1' and 'az.1' of node pool burst share the name part 'az-1'");
      expect(() => deploymentsOf(2, [zone("AZ_1")])).toThrow("'namePart' of failure domain AZ_1 should be lower-case letters, digits and inner dashes, got 'AZ_1'");
    });
  });

  test("refuses an even control plane", () => {
    expect(() => workloadClusterObjects({ ...props, controlPlane: { ...props.controlPlane, replicas: 2 } })).toThrow(
      "'controlPlane.replicas' should be an odd number of at least 1 (etcd quorum), got '2'",
    );
  });
});
