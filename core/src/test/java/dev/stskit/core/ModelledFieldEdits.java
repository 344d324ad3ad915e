package dev.stskit.core;

import dev.stskit.core.internal.Beans;
import dev.stskit.core.internal.ExtrasStep;
import dev.stskit.core.security.LinuxCapabilities;
import dev.stskit.core.security.ContainerSecurity;
import dev.stskit.core.security.PodSecurity;
import dev.stskit.core.security.Profile;
import dev.stskit.core.security.SeLinux;
import dev.stskit.core.security.SysctlSetting;
import dev.stskit.core.units.Cpu;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One edit per modelled field of a spec and the StatefulSet paths it may change: what a user does
 * after {@code import --spec}, editing the spec file before {@code render}.
 */
final class ModelledFieldEdits {
  private ModelledFieldEdits() {}

  record Edit(String field, UnaryOperator<StatefulSetSpec> apply, List<String> paths) {
    @Override
    public String toString() {
      return field;
    }
  }

  private static Edit edit(String field, UnaryOperator<StatefulSetSpec.Builder> change, String... paths) {
    return new Edit(field, s -> change.apply(StatefulSetSpec.builder().from(s)).build(), List.of(paths));
  }

  private static Edit edit(String field, java.util.function.BiFunction<StatefulSetSpec, StatefulSetSpec.Builder,
      StatefulSetSpec.Builder> change, String... paths) {
    return new Edit(field, s -> change.apply(s, StatefulSetSpec.builder().from(s)).build(), List.of(paths));
  }

  private static UnaryOperator<StatefulSetSpec> container0(UnaryOperator<ContainerSpec.Builder> change) {
    return s -> {
      List<ContainerSpec> cs = new ArrayList<>(s.containers());
      cs.set(0, change.apply(ContainerSpec.builder().from(cs.get(0))).build());
      return StatefulSetSpec.builder().from(s).containers(cs).build();
    };
  }

  static List<Edit> all() {
    String c0 = "spec.template.spec.containers[0].";
    return List.of(
        edit("namespace", (s, b) -> b.namespace(s.namespace() + "-edited"), "metadata.namespace"),
        edit("replicas", (s, b) -> b.replicas(s.replicas() + 1), "spec.replicas"),
        edit("description", b -> b.description("edited"), "metadata.annotations"),
        edit("labels", b -> b.putLabel("edited", "yes"), "metadata.labels"),
        edit("annotations", b -> b.putAnnotation("example.com/edited", "yes"), "metadata.annotations"),
        edit("podLabels", b -> b.putPodLabel("edited", "yes"), "spec.template.metadata.labels"),
        edit("podAnnotations", b -> b.putPodAnnotation("example.com/edited", "yes"),
            "spec.template.metadata.annotations"),
        edit("imagePullSecrets", b -> b.addImagePullSecret("edited-secret"), "spec.template.spec.imagePullSecrets"),
        edit("serviceName", (s, b) -> b.serviceName(s.serviceName() + "-edited"), "spec.serviceName"),
        edit("updateStrategy", (s, b) -> b.updateStrategy(s.updateStrategy().mode() == UpdateStrategy.Mode.RECREATE
            ? UpdateStrategy.rolling() : UpdateStrategy.rolling(s.updateStrategy().partition() + 1)),
            "spec.updateStrategy"),
        edit("revisionHistoryLimit", (s, b) -> b.revisionHistoryLimit(s.revisionHistoryLimit() + 1),
            "spec.revisionHistoryLimit"),
        edit("terminationGracePeriodSeconds", (s, b) -> b.terminationGracePeriodSeconds(
            s.terminationGracePeriodSeconds() + 1), "spec.template.spec.terminationGracePeriodSeconds"),
        edit("podManagementPolicy", (s, b) -> b.podManagementPolicy(
            s.podManagementPolicy() == PodManagementPolicy.PARALLEL ? PodManagementPolicy.ORDERED_READY
                : PodManagementPolicy.PARALLEL), "spec.podManagementPolicy"),
        new Edit("scheduling.tolerationSeconds", s -> StatefulSetSpec.builder().from(s)
            .scheduling(dev.stskit.core.scheduling.Scheduling.builder().from(s.scheduling())
                .tolerationSeconds(s.scheduling().tolerationSeconds() + 1).build()).build(),
            List.of("spec.template.spec.tolerations")),
        new Edit("containers[0].image", container0(c -> c.image(Image.parse("example.com/edited:9.9.9"))),
            List.of(c0 + "image")),
        new Edit("containers[0].pullPolicy", s -> container0(c -> c.pullPolicy(
                s.containers().get(0).pullPolicy() == PullPolicy.ALWAYS ? PullPolicy.IF_NOT_PRESENT : PullPolicy.ALWAYS))
            .apply(s), List.of(c0 + "imagePullPolicy")),
        new Edit("containers[0].cpuRequest", container0(c -> c.cpuRequest(Cpu.millis(123457))),
            List.of(c0 + "resources")),
        new Edit("containers[0].args", container0(c -> c.addArgs("--edited")), List.of(c0 + "args")),
        new Edit("containers[0].workingDir", s -> container0(c -> c.workingDir(
            s.containers().get(0).workingDir().map(w -> w + "/edited").orElse("/edited"))).apply(s),
            List.of(c0 + "workingDir")),
        new Edit("containers[0].stdin", s -> container0(c -> c.stdin(
            !s.containers().get(0).stdin().orElse(false))).apply(s), List.of(c0 + "stdin")),
        new Edit("containers[0].tty", s -> container0(c -> c.tty(
            !s.containers().get(0).tty().orElse(false))).apply(s), List.of(c0 + "tty")),
        edit("serviceAccountName", (s, b) -> b.serviceAccountName(s.serviceAccountName().orElse("sa") + "-edited"),
            "spec.template.spec.serviceAccountName"),
        edit("priorityClassName", (s, b) -> b.priorityClassName(s.priorityClassName().orElse("pc") + "-edited"),
            "spec.template.spec.priorityClassName"),
        edit("runtimeClassName", (s, b) -> b.runtimeClassName(s.runtimeClassName().orElse("rc") + "-edited"),
            "spec.template.spec.runtimeClassName"),
        edit("hostNetwork", (s, b) -> b.hostNetwork(!s.hostNetwork().orElse(false)), "spec.template.spec.hostNetwork"),
        edit("hostPID", (s, b) -> b.hostPID(!s.hostPID().orElse(false)), "spec.template.spec.hostPID"),
        edit("hostIPC", (s, b) -> b.hostIPC(!s.hostIPC().orElse(false)), "spec.template.spec.hostIPC"),
        edit("minReadySeconds", (s, b) -> b.minReadySeconds(s.minReadySeconds().orElse(0) + 1), "spec.minReadySeconds"),
        edit("ordinalsStart", (s, b) -> b.ordinalsStart(s.ordinalsStart().orElse(0) + 1), "spec.ordinals"),
        edit("claimRetentionWhenDeleted", (s, b) -> b.claimRetentionWhenDeleted(
            "Delete".equals(s.claimRetentionWhenDeleted().orElse("")) ? "Retain" : "Delete"),
            "spec.persistentVolumeClaimRetentionPolicy"),
        edit("claimRetentionWhenScaled", (s, b) -> b.claimRetentionWhenScaled(
            "Delete".equals(s.claimRetentionWhenScaled().orElse("")) ? "Retain" : "Delete"),
            "spec.persistentVolumeClaimRetentionPolicy"),
        new Edit("scheduling.nodeSelector", s -> StatefulSetSpec.builder().from(s)
            .scheduling(dev.stskit.core.scheduling.Scheduling.builder().from(s.scheduling())
                .putNodeSelector("example.com/edited", "yes").build()).build(),
            List.of("spec.template.spec.nodeSelector")),
        new Edit("scheduling.tolerations", s -> StatefulSetSpec.builder().from(s)
            .scheduling(dev.stskit.core.scheduling.Scheduling.builder().from(s.scheduling())
                .addTolerations(dev.stskit.core.scheduling.TolerationRule.exists("example.com/edited", "NoSchedule"))
                .build()).build(),
            List.of("spec.template.spec.tolerations")),
        new Edit("scheduling.topologySpreadConstraints", s -> StatefulSetSpec.builder().from(s)
            .scheduling(dev.stskit.core.scheduling.Scheduling.builder().from(s.scheduling())
                .addTopologySpreadConstraint(dev.stskit.core.scheduling.TopologySpread.builder().maxSkew(1)
                    .topologyKey("example.com/edited").whenUnsatisfiable("ScheduleAnyway").putMatchLabel("edited", "yes")
                    .build()).build()).build(),
            List.of("spec.template.spec.topologySpreadConstraints")),
        new Edit("scheduling.topologySpreadConstraints[0].maxSkew", s -> {
          var t = new ArrayList<>(s.scheduling().topologySpreadConstraints());
          if (t.isEmpty()) {
            t.add(dev.stskit.core.scheduling.TopologySpread.builder().maxSkew(1).topologyKey("zone")
                .whenUnsatisfiable("DoNotSchedule").build());
          } else {
            t.set(0, dev.stskit.core.scheduling.TopologySpread.builder().from(t.get(0)).maxSkew(t.get(0).maxSkew() + 1)
                .build());
          }
          return StatefulSetSpec.builder().from(s).scheduling(dev.stskit.core.scheduling.Scheduling.builder()
              .from(s.scheduling()).topologySpreadConstraints(t).build()).build();
        }, List.of("spec.template.spec.topologySpreadConstraints")),
        volume("configMap.items", v -> v instanceof Volume.ConfigMap c
            ? Volume.ConfigMap.builder().from(c).addItem(Volume.Item.of("edited", "edited.conf", 256)).build() : null,
            () -> Volume.ConfigMap.builder().name("edited-cm").configMap("edited")
                .addItem(Volume.Item.of("a", "a.conf")).build()),
        volume("configMap.defaultMode", v -> v instanceof Volume.ConfigMap c
            ? Volume.ConfigMap.builder().from(c).defaultMode(c.defaultMode().orElse(420) == 256 ? 292 : 256).build() : null,
            () -> Volume.ConfigMap.builder().name("edited-cm").configMap("edited").defaultMode(256).build()),
        volume("secret.items", v -> v instanceof Volume.Secret c
            ? Volume.Secret.builder().from(c).addItem(Volume.Item.of("edited", "edited.key", 256)).build() : null,
            () -> Volume.Secret.builder().name("edited-secret").secret("edited").addItem(Volume.Item.of("k", "k")).build()),
        volume("secret.optional", v -> v instanceof Volume.Secret c
            ? Volume.Secret.builder().from(c).optional(!c.optional().orElse(false)).build() : null,
            () -> Volume.Secret.builder().name("edited-secret").secret("edited").optional(true).build()),
        volume("projected", v -> v instanceof Volume.Projected p
            ? Volume.Projected.builder().from(p).addSource(Projection.ServiceAccountToken.builder().path("edited").build())
                .build() : null,
            () -> Volume.Projected.builder().name("edited-projected").defaultMode(256)
                .addSource(Projection.ConfigMap.builder().configMap("edited").build())
                .addSource(Projection.DownwardApi.builder().addItem(Projection.DownwardFile.builder().path("labels")
                    .fieldPath("metadata.labels").build()).build())
                .addSource(Projection.ServiceAccountToken.builder().path("token").audience("vault").build()).build()),
        volume("ephemeral", v -> v instanceof Volume.Ephemeral e
            ? Volume.Ephemeral.builder().from(e).size(dev.stskit.core.units.Storage.gibibytes(123)).build() : null,
            () -> Volume.Ephemeral.builder().name("edited-scratch").size(dev.stskit.core.units.Storage.gibibytes(1))
                .addAccessMode(AccessMode.READ_WRITE_ONCE).build()),
        security("runAsNonRoot", (x, b) -> b.runAsNonRoot(!x.runAsNonRoot().orElse(false))),
        security("runAsGroup", (x, b) -> b.runAsGroup(x.runAsGroup().orElse(0L) + 1)),
        security("allowPrivilegeEscalation", (x, b) -> b.allowPrivilegeEscalation(!x.allowPrivilegeEscalation().orElse(true))),
        security("readOnlyRootFilesystem", (x, b) -> b.readOnlyRootFilesystem(!x.readOnlyRootFilesystem().orElse(false))),
        security("capabilities", (x, b) -> b.capabilities(LinuxCapabilities.builder()
            .from(x.capabilities().orElse(LinuxCapabilities.builder().build())).addDrop("EDITED").build())),
        security("seccompProfile", (x, b) -> b.seccompProfile(x.seccompProfile().map(Profile::type)
            .filter(Profile.RUNTIME_DEFAULT::equals).isPresent() ? Profile.localhost("edited") : Profile.runtimeDefault())),
        security("appArmorProfile", (x, b) -> b.appArmorProfile(x.appArmorProfile().map(Profile::type)
            .filter(Profile.RUNTIME_DEFAULT::equals).isPresent() ? Profile.localhost("edited") : Profile.runtimeDefault())),
        security("seLinuxOptions", (x, b) -> b.seLinuxOptions(SeLinux.builder()
            .level(x.seLinuxOptions().flatMap(SeLinux::level).orElse("s0") + ":c1").build())),
        podSecurity("runAsNonRoot", (x, b) -> b.runAsNonRoot(!x.runAsNonRoot().orElse(false))),
        podSecurity("runAsGroup", (x, b) -> b.runAsGroup(x.runAsGroup().orElse(0L) + 1)),
        podSecurity("fsGroup", (x, b) -> b.fsGroup(x.fsGroup().orElse(0L) + 1)),
        podSecurity("fsGroupChangePolicy", (x, b) -> b.fsGroupChangePolicy(
            "Always".equals(x.fsGroupChangePolicy().orElse("")) ? "OnRootMismatch" : "Always")),
        podSecurity("supplementalGroups", (x, b) -> b.addSupplementalGroup(54321L)),
        podSecurity("sysctls", (x, b) -> b.addSysctl(SysctlSetting.of("net.ipv4.tcp_fin_timeout", "30"))),
        podSecurity("seccompProfile", (x, b) -> b.seccompProfile(x.seccompProfile().map(Profile::type)
            .filter(Profile.RUNTIME_DEFAULT::equals).isPresent() ? Profile.localhost("edited") : Profile.runtimeDefault())));
  }

  /**
   * An edit of the first volume {@code change} applies to (it returns null for the others), or,
   * when there is none, a new volume appended.
   */
  private static Edit volume(String field, java.util.function.Function<Volume, Volume> change,
      java.util.function.Supplier<Volume> added) {
    return new Edit("volumes." + field, s -> {
      List<Volume> vs = new ArrayList<>(s.volumes());
      for (int i = 0; i < vs.size(); i++) {
        Volume edited = change.apply(vs.get(i));
        if (edited != null) {
          vs.set(i, edited);
          return StatefulSetSpec.builder().from(s).volumes(vs).build();
        }
      }
      vs.add(added.get());
      return StatefulSetSpec.builder().from(s).volumes(vs).build();
    }, List.of("spec.template.spec.volumes"));
  }

  /** An edit of container 0's security context. */
  private static Edit security(String field, java.util.function.BiFunction<ContainerSecurity,
      ContainerSecurity.Builder, ContainerSecurity.Builder> change) {
    return new Edit("containers[0].security." + field, s -> container0(c -> {
      ContainerSecurity x = s.containers().get(0).security().orElse(ContainerSecurity.builder().build());
      return c.security(change.apply(x, ContainerSecurity.builder().from(x)).build());
    }).apply(s), List.of("spec.template.spec.containers[0].securityContext"));
  }

  /** An edit of the pod's security context. */
  private static Edit podSecurity(String field, java.util.function.BiFunction<PodSecurity,
      PodSecurity.Builder, PodSecurity.Builder> change) {
    return new Edit("podSecurity." + field, s -> {
      PodSecurity x = s.podSecurity().orElse(PodSecurity.builder().build());
      return StatefulSetSpec.builder().from(s).podSecurity(change.apply(x, PodSecurity.builder().from(x)).build()).build();
    }, List.of("spec.template.spec.securityContext"));
  }

  /** The paths where two StatefulSets differ (set paths and omitted paths). */
  static List<String> differences(StatefulSet a, StatefulSet b) {
    Map<String, Object> set = new LinkedHashMap<>();
    List<String> omit = new ArrayList<>();
    ExtrasStep.diff(Beans.toPlain(a), Beans.toPlain(b), new ArrayList<>(), set, omit);
    List<String> out = new ArrayList<>(set.keySet());
    out.addAll(omit);
    return out;
  }

  static boolean under(String path, List<String> roots) {
    return roots.stream().anyMatch(r -> path.equals(r) || path.startsWith(r + ".") || path.startsWith(r + "["));
  }
}
