package dev.stskit.conformance;

import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * jqwik arbitraries of apps/v1 StatefulSets as JSON trees: valid ones, covering volumes of every kind,
 * probes, env vars, resources (GPU resources too), affinity, tolerations, security contexts, claim
 * templates, update strategy, names and labels; and the same one {@link #mutations() mutation} away from
 * valid. Built at the JSON level, not through the spec model, so that what is sent to the API server is
 * exactly what sts-kit reads.
 */
final class GeneratedStatefulSets {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private GeneratedStatefulSets() {}

  /** A generated case: the object and a short description of how it was made. */
  record Case(String id, ObjectNode object, String mutation) {}

  static Arbitrary<String> dnsLabel() {
    Arbitrary<String> first = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofLength(1);
    Arbitrary<String> rest = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMaxLength(12)
        .map(s -> s.replaceAll("-+$", ""));
    return Combinators.combine(first, rest).as(String::concat);
  }

  static Arbitrary<ObjectNode> labels() {
    Arbitrary<String> key = Arbitraries.of("app", "tier", "app.kubernetes.io/name", "app.kubernetes.io/instance",
        "example.com/team", "version");
    Arbitrary<String> value = Arbitraries.oneOf(dnsLabel(), Arbitraries.of("", "v1.2.3", "A_b-c.d"));
    return Arbitraries.maps(key, value).ofMaxSize(3).map(m -> {
      ObjectNode o = F.objectNode();
      m.forEach(o::put);
      return o;
    });
  }

  static Arbitrary<ObjectNode> probe() {
    Arbitrary<ObjectNode> handler = Arbitraries.of("httpGet", "tcpSocket", "exec", "grpc").map(kind -> {
      ObjectNode p = F.objectNode();
      switch (kind) {
        case "httpGet" -> p.putObject("httpGet").put("path", "/healthz").put("port", 8080);
        case "tcpSocket" -> p.putObject("tcpSocket").put("port", "http");
        case "exec" -> p.putObject("exec").putArray("command").add("cat").add("/tmp/ready");
        default -> p.putObject("grpc").put("port", 9090);
      }
      return p;
    });
    return Combinators.combine(handler, Arbitraries.integers().between(0, 30), Arbitraries.integers().between(1, 20),
        Arbitraries.integers().between(1, 5)).as((p, delay, period, threshold) -> {
          p.put("initialDelaySeconds", delay).put("periodSeconds", period).put("failureThreshold", threshold);
          return p;
        });
  }

  static Arbitrary<ArrayNode> env() {
    Arbitrary<ObjectNode> one = Combinators.combine(
        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ_").ofMinLength(1).ofMaxLength(8),
        Arbitraries.of("value", "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"))
        .as((name, kind) -> {
          ObjectNode e = F.objectNode().put("name", name);
          switch (kind) {
            case "value" -> e.put("value", "x-" + name.length());
            case "fieldRef" -> e.putObject("valueFrom").putObject("fieldRef").put("fieldPath", "metadata.name");
            case "resourceFieldRef" -> e.putObject("valueFrom").putObject("resourceFieldRef").put("resource", "limits.cpu");
            case "configMapKeyRef" -> e.putObject("valueFrom").putObject("configMapKeyRef").put("name", "cm").put("key", "k");
            default -> e.putObject("valueFrom").putObject("secretKeyRef").put("name", "s").put("key", "password")
                .put("optional", true);
          }
          return e;
        });
    return one.list().ofMaxSize(4).uniqueElements(e -> e.get("name").asString()).map(GeneratedStatefulSets::array);
  }

  static Arbitrary<ObjectNode> resources() {
    Arbitrary<String> cpu = Arbitraries.of("100m", "250m", "0.5", "1", "2", "1500m");
    Arbitrary<String> mem = Arbitraries.of("64Mi", "128Mi", "1Gi", "512M", "2G");
    Arbitrary<String> gpu = Arbitraries.of("none", "nvidia.com/gpu", "vgpu", "mig", "ascend");
    return Combinators.combine(cpu, mem, gpu, Arbitraries.integers().between(1, 4)).as((c, m, g, n) -> {
      ObjectNode r = F.objectNode();
      ObjectNode limits = r.putObject("limits").put("cpu", c).put("memory", m);
      r.putObject("requests").put("cpu", c).put("memory", m);
      switch (g) {
        case "nvidia.com/gpu" -> limits.put("nvidia.com/gpu", n);
        case "vgpu" -> limits.put("nvidia.com/vgpu", n).put("nvidia.com/gpucores", 30).put("nvidia.com/gpumem", 4096);
        case "mig" -> limits.put("nvidia.com/mig-1g.10gb", n);
        case "ascend" -> limits.put("huawei.com/Ascend910B", n);
        default -> { }
      }
      return r;
    });
  }

  static Arbitrary<ObjectNode> volume(String name) {
    return Arbitraries.of("emptyDir", "hostPath", "configMap", "secret", "persistentVolumeClaim", "projected",
        "downwardAPI", "nfs", "ephemeral", "csi").map(kind -> {
          ObjectNode v = F.objectNode().put("name", name);
          switch (kind) {
            case "emptyDir" -> v.putObject("emptyDir").put("medium", "Memory").put("sizeLimit", "64Mi");
            case "hostPath" -> v.putObject("hostPath").put("path", "/var/log").put("type", "Directory");
            case "configMap" -> {
              ObjectNode cm = v.putObject("configMap").put("name", "cfg").put("defaultMode", 420);
              cm.putArray("items").addObject().put("key", "a").put("path", "a.conf");
            }
            case "secret" -> v.putObject("secret").put("secretName", "creds").put("optional", true);
            case "persistentVolumeClaim" -> v.putObject("persistentVolumeClaim").put("claimName", "shared");
            case "projected" -> {
              ArrayNode sources = v.putObject("projected").putArray("sources");
              sources.addObject().putObject("configMap").put("name", "cfg");
              sources.addObject().putObject("serviceAccountToken").put("path", "token").put("expirationSeconds", 3600);
            }
            case "downwardAPI" -> v.putObject("downwardAPI").putArray("items").addObject().put("path", "labels")
                .putObject("fieldRef").put("fieldPath", "metadata.labels");
            case "nfs" -> v.putObject("nfs").put("server", "nfs.example.com").put("path", "/exports");
            case "ephemeral" -> {
              ObjectNode spec = v.putObject("ephemeral").putObject("volumeClaimTemplate").putObject("spec");
              spec.putArray("accessModes").add("ReadWriteOnce");
              spec.putObject("resources").putObject("requests").put("storage", "1Gi");
            }
            default -> v.putObject("csi").put("driver", "csi.example.com").put("readOnly", true);
          }
          return v;
        });
  }

  static Arbitrary<ObjectNode> securityContext() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.longs().between(0, 65535),
        Arbitraries.of("none", "drop-all", "add-net-admin"), Arbitraries.of("none", "RuntimeDefault", "Unconfined"))
        .as((nonRoot, uid, caps, seccomp) -> {
          ObjectNode sc = F.objectNode().put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", nonRoot);
          if (nonRoot) {
            sc.put("runAsNonRoot", true).put("runAsUser", Math.max(1, uid));
          }
          switch (caps) {
            case "drop-all" -> sc.putObject("capabilities").putArray("drop").add("ALL");
            case "add-net-admin" -> sc.putObject("capabilities").putArray("add").add("NET_ADMIN");
            default -> { }
          }
          if (!seccomp.equals("none")) {
            sc.putObject("seccompProfile").put("type", seccomp);
          }
          return sc;
        });
  }

  static Arbitrary<ObjectNode> container(int index, List<String> volumeNames) {
    return Builders.withBuilder(() -> F.objectNode().put("name", "c" + index))
        .use(Arbitraries.of("nginx:1.27", "registry.example.com/team/app:v1", "busybox@sha256:"
            + "a".repeat(64), "mysql:5.7.31")).in((c, img) -> c.put("image", img))
        .use(Arbitraries.of("Always", "IfNotPresent", "Never")).withProbability(0.5).in((c, p) -> c.put("imagePullPolicy", p))
        .use(Arbitraries.integers().between(1, 65535)).withProbability(0.7).in((c, port) -> {
          ArrayNode ports = c.putArray("ports");
          ports.addObject().put("name", "http").put("containerPort", port).put("protocol", "TCP");
          return c;
        })
        .use(resources()).withProbability(0.8).in((c, r) -> c.set("resources", r))
        .use(env()).withProbability(0.6).in((c, e) -> c.set("env", e))
        .use(probe()).withProbability(0.5).in((c, p) -> c.set("readinessProbe", p))
        .use(probe()).withProbability(0.4).in((c, p) -> c.set("livenessProbe", p))
        .use(probe()).withProbability(0.2).in((c, p) -> c.set("startupProbe", p))
        .use(securityContext()).withProbability(0.5).in((c, s) -> c.set("securityContext", s))
        .use(Arbitraries.of("exec", "httpGet", "sleep")).withProbability(0.3).in((c, kind) -> {
          ObjectNode pre = c.putObject("lifecycle").putObject("preStop");
          switch (kind) {
            case "exec" -> pre.putObject("exec").putArray("command").add("sh").add("-c").add("sleep 5");
            case "httpGet" -> pre.putObject("httpGet").put("path", "/stop").put("port", 8080);
            default -> pre.putObject("sleep").put("seconds", 5);
          }
          return c;
        })
        .use(Arbitraries.just(volumeNames)).in((c, names) -> {
          if (!names.isEmpty()) {
            c.putArray("volumeMounts").addObject().put("name", names.get(0)).put("mountPath", "/mnt/" + names.get(0));
          }
          if (index == 0) {
            ArrayNode mounts = c.has("volumeMounts") ? (ArrayNode) c.get("volumeMounts") : c.putArray("volumeMounts");
            mounts.addObject().put("name", "data").put("mountPath", "/data");
          }
          return c;
        })
        .build();
  }

  static Arbitrary<ObjectNode> affinity(ObjectNode podLabels) {
    return Arbitraries.of("node", "anti", "both").map(kind -> {
      ObjectNode a = F.objectNode();
      if (!kind.equals("anti")) {
        ObjectNode term = a.putObject("nodeAffinity").putObject("requiredDuringSchedulingIgnoredDuringExecution")
            .putArray("nodeSelectorTerms").addObject();
        ObjectNode expr = term.putArray("matchExpressions").addObject().put("key", "nvidia.com/gpu.product")
            .put("operator", "In");
        expr.putArray("values").add("NVIDIA-A100-SXM4-80GB");
      }
      if (!kind.equals("node")) {
        ObjectNode weighted = a.putObject("podAntiAffinity").putArray("preferredDuringSchedulingIgnoredDuringExecution")
            .addObject().put("weight", 100);
        ObjectNode term = weighted.putObject("podAffinityTerm").put("topologyKey", "kubernetes.io/hostname");
        term.putObject("labelSelector").set("matchLabels", podLabels.deepCopy());
      }
      return a;
    });
  }

  static Arbitrary<ArrayNode> tolerations() {
    Arbitrary<ObjectNode> one = Arbitraries.of("exists", "equal", "timed").map(kind -> {
      ObjectNode t = F.objectNode();
      switch (kind) {
        case "exists" -> t.put("key", "nvidia.com/gpu").put("operator", "Exists").put("effect", "NoSchedule");
        case "equal" -> t.put("key", "dedicated").put("operator", "Equal").put("value", "gpu").put("effect", "NoExecute");
        default -> t.put("key", "node.kubernetes.io/not-ready").put("operator", "Exists").put("effect", "NoExecute")
            .put("tolerationSeconds", 120);
      }
      return t;
    });
    return one.list().ofMinSize(1).ofMaxSize(3).map(GeneratedStatefulSets::array);
  }

  /** Valid StatefulSets (valid as far as the generator knows: the server is the judge). */
  static Arbitrary<ObjectNode> statefulSets() {
    Arbitrary<List<String>> volumeNames = Arbitraries.of("cfg", "logs", "cache", "scratch").list().ofMaxSize(3)
        .uniqueElements();
    return Combinators.combine(dnsLabel(), labels(), volumeNames, Arbitraries.integers().between(1, 3))
        .flatAs((name, extraLabels, volNames, containerCount) -> {
          Arbitrary<List<ObjectNode>> volumes = Combinators.combine(volNames.stream().map(GeneratedStatefulSets::volume)
              .toList()).as(l -> l);
          Arbitrary<List<ObjectNode>> containers = Combinators.combine(java.util.stream.IntStream.range(0, containerCount)
              .mapToObj(i -> container(i, volNames)).toList()).as(l -> l);
          ObjectNode podLabels = F.objectNode().put("app", name);
          podLabels.setAll(extraLabels);
          return Builders.withBuilder(() -> base(name, podLabels))
              .use(volumes).in((s, vs) -> {
                if (!vs.isEmpty()) {
                  podSpec(s).set("volumes", array(vs));
                }
                return s;
              })
              .use(containers).in((s, cs) -> {
                podSpec(s).set("containers", array(cs));
                return s;
              })
              .use(Arbitraries.integers().between(0, 5)).in((s, r) -> same(s, s.withObjectProperty("spec").put("replicas", r)))
              .use(Arbitraries.of("OrderedReady", "Parallel")).withProbability(0.5)
              .in((s, p) -> same(s, s.withObjectProperty("spec").put("podManagementPolicy", p)))
              .use(Arbitraries.integers().between(0, 3)).withProbability(0.5).in((s, p) -> {
                s.withObjectProperty("spec").putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
                    .put("partition", p);
                return s;
              })
              .use(Arbitraries.just("OnDelete")).withProbability(0.15)
              .in((s, t) -> same(s, s.withObjectProperty("spec").putObject("updateStrategy").put("type", t)))
              .use(Arbitraries.integers().between(0, 600)).withProbability(0.3)
              .in((s, m) -> same(s, s.withObjectProperty("spec").put("minReadySeconds", m)))
              .use(affinity(podLabels)).withProbability(0.4).in((s, a) -> same(s, podSpec(s).set("affinity", a)))
              .use(tolerations()).withProbability(0.4).in((s, t) -> same(s, podSpec(s).set("tolerations", t)))
              .use(Arbitraries.longs().between(0, 9999)).withProbability(0.4)
              .in((s, g) -> same(s, podSpec(s).put("terminationGracePeriodSeconds", g)))
              .use(Arbitraries.of("ClusterFirst", "Default", "ClusterFirstWithHostNet")).withProbability(0.3)
              .in((s, d) -> same(s, podSpec(s).put("dnsPolicy", d)))
              .use(Arbitraries.longs().between(1, 65535)).withProbability(0.3).in((s, g) -> {
                podSpec(s).putObject("securityContext").put("fsGroup", g).put("runAsNonRoot", true).put("runAsUser", 1000);
                return s;
              })
              .use(Arbitraries.of("Retain", "Delete")).withProbability(0.3).in((s, p) -> {
                s.withObjectProperty("spec").putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", p)
                    .put("whenScaled", "Retain");
                return s;
              })
              .use(Arbitraries.integers().between(0, 5)).withProbability(0.2)
              .in((s, o) -> same(s, s.withObjectProperty("spec").putObject("ordinals").put("start", o)))
              .use(Arbitraries.of("local-path", "fast-ssd")).withProbability(0.5)
              .in((s, sc) -> same(s, ((ObjectNode) s.get("spec").get("volumeClaimTemplates").get(0).get("spec"))
                  .put("storageClassName", sc)))
              .build();
        });
  }

  private static ObjectNode base(String name, ObjectNode podLabels) {
    ObjectNode s = F.objectNode().put("apiVersion", "apps/v1").put("kind", "StatefulSet");
    s.putObject("metadata").put("name", name).set("labels", podLabels.deepCopy());
    ObjectNode spec = s.putObject("spec").put("serviceName", name + "-headless");
    spec.putObject("selector").set("matchLabels", F.objectNode().put("app", name));
    ObjectNode template = spec.putObject("template");
    template.putObject("metadata").set("labels", podLabels.deepCopy());
    template.putObject("spec");
    ObjectNode claim = spec.putArray("volumeClaimTemplates").addObject();
    claim.putObject("metadata").put("name", "data");
    ObjectNode cs = claim.putObject("spec");
    cs.putArray("accessModes").add("ReadWriteOnce");
    cs.putObject("resources").putObject("requests").put("storage", "1Gi");
    return s;
  }

  /** Runs for its effect on {@code s} and gives {@code s} back (jqwik builders pass the builder on). */
  private static ObjectNode same(ObjectNode s, Object ignored) {
    return s;
  }

  static ObjectNode podSpec(ObjectNode sts) {
    return (ObjectNode) sts.get("spec").get("template").get("spec");
  }

  static ObjectNode container0(ObjectNode sts) {
    return (ObjectNode) podSpec(sts).get("containers").get(0);
  }

  private static ArrayNode array(List<? extends JsonNode> nodes) {
    ArrayNode a = F.arrayNode();
    nodes.forEach(a::add);
    return a;
  }

  /** A named change that takes a valid StatefulSet one step away from valid (or, for some, leaves it valid). */
  record Mutation(String name, UnaryOperator<ObjectNode> apply) {}

  static List<Mutation> mutations() {
    return List.of(
        new Mutation("negative-replicas", s -> s.withObjectProperty("spec").put("replicas", -1)),
        new Mutation("uppercase-name", s -> s.withObjectProperty("metadata").put("name", "Bad_Name")),
        new Mutation("long-name", s -> s.withObjectProperty("metadata").put("name", "a".repeat(300))),
        new Mutation("bad-label-value", s -> s.withObjectProperty("metadata").withObjectProperty("labels").put("tier", "bad value!")),
        new Mutation("bad-label-key", s -> s.withObjectProperty("metadata").withObjectProperty("labels").put("-bad/key", "x")),
        new Mutation("selector-mismatch", s -> s.withObjectProperty("spec").withObjectProperty("selector").withObjectProperty("matchLabels").put("app", "other")),
        new Mutation("empty-selector", s -> s.withObjectProperty("spec").putObject("selector")),
        new Mutation("no-image", s -> { container0(s).remove("image"); return s; }),
        new Mutation("image-with-space", s -> container0(s).put("image", "nginx :1.27")),
        new Mutation("duplicate-container-name", s -> {
          ArrayNode cs = (ArrayNode) podSpec(s).get("containers");
          cs.add(cs.get(0).deepCopy());
          return s;
        }),
        new Mutation("uppercase-container-name", s -> container0(s).put("name", "Main")),
        new Mutation("port-zero", s -> {
          container0(s).putArray("ports").addObject().put("containerPort", 0);
          return s;
        }),
        new Mutation("port-too-large", s -> {
          container0(s).putArray("ports").addObject().put("name", "p").put("containerPort", 70000);
          return s;
        }),
        new Mutation("duplicate-port-name", s -> {
          ArrayNode ports = container0(s).putArray("ports");
          ports.addObject().put("name", "http").put("containerPort", 80);
          ports.addObject().put("name", "http").put("containerPort", 81);
          return s;
        }),
        new Mutation("bad-port-name", s -> {
          container0(s).putArray("ports").addObject().put("name", "HTTP_PORT_TOO_LONG").put("containerPort", 80);
          return s;
        }),
        new Mutation("bad-protocol", s -> {
          container0(s).putArray("ports").addObject().put("containerPort", 80).put("protocol", "ICMP");
          return s;
        }),
        new Mutation("restart-policy-never", s -> podSpec(s).put("restartPolicy", "Never")),
        new Mutation("probe-without-handler", s -> {
          container0(s).putObject("readinessProbe").put("periodSeconds", 5);
          return s;
        }),
        new Mutation("probe-two-handlers", s -> {
          ObjectNode p = container0(s).putObject("livenessProbe");
          p.putObject("tcpSocket").put("port", 80);
          p.putObject("exec").putArray("command").add("true");
          return s;
        }),
        new Mutation("probe-negative-period", s -> {
          container0(s).putObject("readinessProbe").put("periodSeconds", -1).putObject("tcpSocket").put("port", 80);
          return s;
        }),
        new Mutation("liveness-success-threshold", s -> {
          container0(s).putObject("livenessProbe").put("successThreshold", 2).putObject("tcpSocket").put("port", 80);
          return s;
        }),
        new Mutation("mount-unknown-volume", s -> {
          container0(s).withArrayProperty("volumeMounts").addObject().put("name", "nope").put("mountPath", "/nope");
          return s;
        }),
        new Mutation("mount-relative-path-dup", s -> {
          ArrayNode m = container0(s).withArrayProperty("volumeMounts");
          m.addObject().put("name", "data").put("mountPath", "/data");
          return s;
        }),
        new Mutation("duplicate-volume", s -> {
          ArrayNode v = podSpec(s).withArrayProperty("volumes");
          v.addObject().put("name", "dup").putObject("emptyDir");
          v.addObject().put("name", "dup").putObject("emptyDir");
          return s;
        }),
        new Mutation("volume-two-sources", s -> {
          ObjectNode v = podSpec(s).withArrayProperty("volumes").addObject().put("name", "two");
          v.putObject("emptyDir");
          v.putObject("hostPath").put("path", "/tmp");
          return s;
        }),
        new Mutation("hostpath-empty", s -> {
          podSpec(s).withArrayProperty("volumes").addObject().put("name", "hp").putObject("hostPath").put("path", "");
          return s;
        }),
        new Mutation("configmap-bad-mode", s -> {
          podSpec(s).withArrayProperty("volumes").addObject().put("name", "cm").putObject("configMap").put("name", "c")
              .put("defaultMode", 01000);
          return s;
        }),
        new Mutation("env-name-with-equals", s -> {
          container0(s).withArrayProperty("env").addObject().put("name", "A=B").put("value", "x");
          return s;
        }),
        new Mutation("env-value-and-valuefrom", s -> {
          ObjectNode e = container0(s).withArrayProperty("env").addObject().put("name", "BOTH").put("value", "x");
          e.putObject("valueFrom").putObject("fieldRef").put("fieldPath", "metadata.name");
          return s;
        }),
        new Mutation("env-bad-fieldpath", s -> {
          container0(s).withArrayProperty("env").addObject().put("name", "FP").putObject("valueFrom").putObject("fieldRef")
              .put("fieldPath", "spec.nothing");
          return s;
        }),
        new Mutation("requests-over-limits", s -> {
          ObjectNode r = container0(s).putObject("resources");
          r.putObject("limits").put("cpu", "1");
          r.putObject("requests").put("cpu", "2");
          return s;
        }),
        new Mutation("gpu-request-not-limit", s -> {
          ObjectNode r = container0(s).putObject("resources");
          r.putObject("limits").put("nvidia.com/gpu", 2);
          r.putObject("requests").put("nvidia.com/gpu", 1);
          return s;
        }),
        new Mutation("gpu-fraction", s -> {
          container0(s).putObject("resources").putObject("limits").put("nvidia.com/gpu", "0.5");
          return s;
        }),
        new Mutation("gpu-request-only", s -> {
          container0(s).putObject("resources").putObject("requests").put("nvidia.com/gpu", 1);
          return s;
        }),
        new Mutation("negative-memory", s -> {
          container0(s).putObject("resources").putObject("limits").put("memory", "-1Gi");
          return s;
        }),
        new Mutation("bad-resource-name", s -> {
          container0(s).putObject("resources").putObject("limits").put("gpu", 1);
          return s;
        }),
        new Mutation("claim-without-storage", s -> {
          ((ObjectNode) s.get("spec").get("volumeClaimTemplates").get(0).get("spec")).remove("resources");
          return s;
        }),
        new Mutation("claim-bad-access-mode", s -> {
          ((ObjectNode) s.get("spec").get("volumeClaimTemplates").get(0).get("spec")).putArray("accessModes")
              .add("ReadWriteSometimes");
          return s;
        }),
        new Mutation("claim-duplicate-name", s -> {
          ArrayNode c = (ArrayNode) s.get("spec").get("volumeClaimTemplates");
          c.add(c.get(0).deepCopy());
          return s;
        }),
        new Mutation("bad-update-strategy", s -> {
          s.withObjectProperty("spec").putObject("updateStrategy").put("type", "Sometimes");
          return s;
        }),
        new Mutation("negative-partition", s -> {
          s.withObjectProperty("spec").putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
              .put("partition", -1);
          return s;
        }),
        new Mutation("ondelete-with-rolling", s -> {
          s.withObjectProperty("spec").putObject("updateStrategy").put("type", "OnDelete").putObject("rollingUpdate").put("partition", 1);
          return s;
        }),
        new Mutation("zero-max-unavailable", s -> {
          s.withObjectProperty("spec").putObject("updateStrategy").put("type", "RollingUpdate").putObject("rollingUpdate")
              .put("maxUnavailable", 0);
          return s;
        }),
        new Mutation("bad-pod-management", s -> s.withObjectProperty("spec").put("podManagementPolicy", "Random")),
        new Mutation("negative-min-ready", s -> s.withObjectProperty("spec").put("minReadySeconds", -1)),
        new Mutation("negative-history", s -> s.withObjectProperty("spec").put("revisionHistoryLimit", -1)),
        new Mutation("negative-ordinals", s -> {
          s.withObjectProperty("spec").putObject("ordinals").put("start", -1);
          return s;
        }),
        new Mutation("bad-retention", s -> {
          s.withObjectProperty("spec").putObject("persistentVolumeClaimRetentionPolicy").put("whenDeleted", "Keep");
          return s;
        }),
        new Mutation("toleration-exists-with-value", s -> {
          podSpec(s).withArrayProperty("tolerations").addObject().put("key", "k").put("operator", "Exists").put("value", "v");
          return s;
        }),
        new Mutation("toleration-bad-effect", s -> {
          podSpec(s).withArrayProperty("tolerations").addObject().put("key", "k").put("operator", "Equal").put("value", "v")
              .put("effect", "Sometimes");
          return s;
        }),
        new Mutation("toleration-seconds-noschedule", s -> {
          podSpec(s).withArrayProperty("tolerations").addObject().put("key", "k").put("operator", "Exists")
              .put("effect", "NoSchedule").put("tolerationSeconds", 10);
          return s;
        }),
        new Mutation("node-affinity-bad-operator", s -> {
          ObjectNode expr = podSpec(s).putObject("affinity").putObject("nodeAffinity")
              .putObject("requiredDuringSchedulingIgnoredDuringExecution").putArray("nodeSelectorTerms").addObject()
              .putArray("matchExpressions").addObject().put("key", "zone").put("operator", "Near");
          expr.putArray("values").add("a");
          return s;
        }),
        new Mutation("anti-affinity-no-topology", s -> {
          podSpec(s).putObject("affinity").putObject("podAntiAffinity")
              .putArray("requiredDuringSchedulingIgnoredDuringExecution").addObject().putObject("labelSelector")
              .putObject("matchLabels").put("app", "x");
          return s;
        }),
        new Mutation("negative-run-as-user", s -> {
          container0(s).putObject("securityContext").put("runAsUser", -1);
          return s;
        }),
        new Mutation("privileged-no-escalation", s -> {
          container0(s).putObject("securityContext").put("privileged", true).put("allowPrivilegeEscalation", false);
          return s;
        }),
        new Mutation("negative-grace", s -> podSpec(s).put("terminationGracePeriodSeconds", -5)),
        new Mutation("bad-dns-policy", s -> podSpec(s).put("dnsPolicy", "Sometimes")),
        new Mutation("dns-none-without-config", s -> podSpec(s).put("dnsPolicy", "None")),
        new Mutation("bad-pull-policy", s -> container0(s).put("imagePullPolicy", "Sometimes")),
        new Mutation("spread-zero-skew", s -> {
          ObjectNode t = podSpec(s).withArrayProperty("topologySpreadConstraints").addObject().put("maxSkew", 0)
              .put("topologyKey", "zone").put("whenUnsatisfiable", "DoNotSchedule");
          t.putObject("labelSelector").putObject("matchLabels").put("app", "x");
          return s;
        }),
        new Mutation("init-container-probe", s -> {
          ObjectNode init = podSpec(s).withArrayProperty("initContainers").addObject().put("name", "init").put("image", "busybox");
          init.putObject("readinessProbe").putObject("tcpSocket").put("port", 80);
          return s;
        }),
        new Mutation("bad-hostname", s -> podSpec(s).put("hostname", "Not_A_Label")),
        new Mutation("bad-node-selector", s -> {
          podSpec(s).putObject("nodeSelector").put("zone", "bad value!");
          return s;
        }),
        new Mutation("unknown-field", s -> {
          container0(s).put("imagee", "typo");
          return s;
        }),
        new Mutation("unknown-spec-field", s -> s.withObjectProperty("spec").put("bogus", true)),
        new Mutation("wrong-type-replicas", s -> s.withObjectProperty("spec").put("replicas", "three")),
        new Mutation("wrong-type-quantity", s -> {
          container0(s).putObject("resources").putObject("limits").put("cpu", "1.2.3");
          return s;
        }),
        new Mutation("bad-annotation-key", s -> s.withObjectProperty("metadata").withObjectProperty("annotations").put("bad key", "v")),
        new Mutation("service-name-uppercase", s -> s.withObjectProperty("spec").put("serviceName", "Bad_Service")),
        new Mutation("subdomain-too-long", s -> podSpec(s).put("subdomain", "a".repeat(70))),
        new Mutation("sysctl-bad-name", s -> {
          podSpec(s).withObjectProperty("securityContext").withArrayProperty("sysctls").addObject().put("name", "Bad Name").put("value", "1");
          return s;
        }),
        new Mutation("host-port-with-host-network", s -> {
          podSpec(s).put("hostNetwork", true);
          container0(s).putArray("ports").addObject().put("containerPort", 80).put("hostPort", 81);
          return s;
        }));
  }
}
