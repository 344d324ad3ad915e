package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeSource;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes defaulting for an apps/v1 StatefulSet, applied in place to a copy before validation, as
 * kube-apiserver defaults a decoded object before it validates it.
 *
 * <p>Follows {@code SetDefaults_StatefulSet} in {@code pkg/apis/apps/v1/defaults.go} and
 * {@code SetDefaults_PodSpec}, {@code SetDefaults_Container}, {@code SetDefaults_ContainerPort},
 * {@code SetDefaults_Probe}, {@code SetDefaults_HTTPGetAction}, {@code SetDefaults_Volume},
 * {@code SetDefaults_SecretVolumeSource} (and the ConfigMap, DownwardAPI and Projected ones),
 * {@code SetDefaults_ObjectFieldSelector}, {@code SetDefaults_PersistentVolumeClaimSpec} in
 * {@code pkg/apis/core/v1/defaults.go}, plus the request namespace and a generated name as
 * {@code rest.BeforeCreate} fills them. The PVC retention policy default follows the
 * {@code StatefulSetAutoDeletePVC} gate (GA, always on). {@code maxUnavailable} is defaulted to 1: the
 * {@code MaxUnavailableStatefulSet} gate is beta and on by default since v1.37 ({@code pkg/features/kube_features.go}).
 * Claim templates get {@code status.phase: Pending} ({@code SetDefaults_PersistentVolumeClaim}). The
 * deprecated {@code serviceAccount} is left as written: the apiserver's v1 conversion makes it and
 * {@code serviceAccountName} equal on output, which is not defaulting and which rules such as
 * {@code bp-service-account} must not see. The conformance suite compares all of this with what the
 * apiserver returns. Unlike the old
 * apps/v1beta1 defaulting, object labels are not copied from the template.
 */
public final class Defaults {
  private static final int DEFAULT_MODE = 0644;

  private Defaults() {}

  /** Defaults {@code sts} in place and returns it; {@code namespace} fills an empty namespace. */
  public static StatefulSet apply(StatefulSet sts, Optional<String> namespace) {
    if (sts.getMetadata() == null) {
      sts.setMetadata(new ObjectMeta());
    }
    ObjectMeta meta = sts.getMetadata();
    if (isEmpty(meta.getNamespace())) {
      namespace.ifPresent(meta::setNamespace);
    }
    if (isEmpty(meta.getName()) && !isEmpty(meta.getGenerateName())) {
      // rest.BeforeCreate: names.SimpleNameGenerator appends 5 random characters to generateName
      // (truncated to 58); a fixed suffix from the same alphabet keeps the result deterministic.
      String base = meta.getGenerateName();
      meta.setName((base.length() > 58 ? base.substring(0, 58) : base) + "xxxxx");
    }
    if (sts.getSpec() == null) {
      sts.setSpec(new StatefulSetSpec());
    }
    StatefulSetSpec spec = sts.getSpec();
    if (spec.getTemplate() == null) {
      spec.setTemplate(new PodTemplateSpec());
    }
    PodTemplateSpec template = spec.getTemplate();
    // SetDefaults_StatefulSet
    if (isEmpty(spec.getPodManagementPolicy())) {
      spec.setPodManagementPolicy("OrderedReady");
    }
    if (spec.getUpdateStrategy() == null) {
      spec.setUpdateStrategy(new StatefulSetUpdateStrategy());
    }
    StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy();
    if (isEmpty(strategy.getType())) {
      strategy.setType("RollingUpdate");
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateStatefulSetStrategy());
      }
    }
    if ("RollingUpdate".equals(strategy.getType()) && strategy.getRollingUpdate() != null
        && strategy.getRollingUpdate().getPartition() == null) {
      strategy.getRollingUpdate().setPartition(0);
    }
    if ("RollingUpdate".equals(strategy.getType()) && strategy.getRollingUpdate() != null
        && strategy.getRollingUpdate().getMaxUnavailable() == null) {
      strategy.getRollingUpdate().setMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString(1));
    }
    if (spec.getPersistentVolumeClaimRetentionPolicy() == null) {
      spec.setPersistentVolumeClaimRetentionPolicy(new StatefulSetPersistentVolumeClaimRetentionPolicy());
    }
    StatefulSetPersistentVolumeClaimRetentionPolicy retention = spec.getPersistentVolumeClaimRetentionPolicy();
    if (isEmpty(retention.getWhenDeleted())) {
      retention.setWhenDeleted("Retain");
    }
    if (isEmpty(retention.getWhenScaled())) {
      retention.setWhenScaled("Retain");
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(10);
    }
    if (template.getSpec() == null) {
      template.setSpec(new PodSpec());
    }
    podSpec(template.getSpec());
    for (PersistentVolumeClaim pvc : list(spec.getVolumeClaimTemplates())) {
      if (pvc == null) {
        continue;
      }
      if (pvc.getSpec() == null) {
        pvc.setSpec(new PersistentVolumeClaimSpec());
      }
      if (isEmpty(pvc.getSpec().getVolumeMode())) {
        pvc.getSpec().setVolumeMode("Filesystem");
      }
      if (pvc.getStatus() == null) {
        pvc.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus());
      }
      if (isEmpty(pvc.getStatus().getPhase())) {
        pvc.getStatus().setPhase("Pending");
      }
    }
    return sts;
  }

  private static void podSpec(PodSpec spec) {
    if (isEmpty(spec.getDnsPolicy())) {
      spec.setDnsPolicy("ClusterFirst");
    }
    if (isEmpty(spec.getRestartPolicy())) {
      spec.setRestartPolicy("Always");
    }
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      hostNetworkPorts(spec.getContainers());
      hostNetworkPorts(spec.getInitContainers());
    }
    if (spec.getSecurityContext() == null) {
      spec.setSecurityContext(new PodSecurityContext());
    }
    if (spec.getTerminationGracePeriodSeconds() == null) {
      spec.setTerminationGracePeriodSeconds(30L);
    }
    if (isEmpty(spec.getSchedulerName())) {
      spec.setSchedulerName("default-scheduler");
    }
    // enableServiceLinks is defaulted by SetDefaults_Pod, on Pods only: a pod template keeps it unset
    // (the conformance suite saw the apiserver return StatefulSets without it)
    for (Container c : list(spec.getContainers())) {
      container(c);
    }
    for (Container c : list(spec.getInitContainers())) {
      container(c);
    }
    for (Volume v : list(spec.getVolumes())) {
      volume(v);
    }
  }

  private static void hostNetworkPorts(List<Container> containers) {
    for (Container c : list(containers)) {
      for (ContainerPort p : list(c.getPorts())) {
        if (p != null && (p.getHostPort() == null || p.getHostPort() == 0)) {
          p.setHostPort(p.getContainerPort());
        }
      }
    }
  }

  private static void container(Container c) {
    if (c == null) {
      return;
    }
    if (isEmpty(c.getImagePullPolicy())) {
      // parsers.ParseImageName fails on an empty image; the tag is then "" and the policy IfNotPresent
      c.setImagePullPolicy(isEmpty(c.getImage()) ? "IfNotPresent" : ImageRefs.defaultPullPolicy(c.getImage()));
    }
    if (isEmpty(c.getTerminationMessagePath())) {
      c.setTerminationMessagePath("/dev/termination-log");
    }
    if (isEmpty(c.getTerminationMessagePolicy())) {
      c.setTerminationMessagePolicy("File");
    }
    for (ContainerPort p : list(c.getPorts())) {
      if (p != null && isEmpty(p.getProtocol())) {
        p.setProtocol("TCP");
      }
    }
    for (EnvVar e : list(c.getEnv())) {
      if (e != null && e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null
          && isEmpty(e.getValueFrom().getFieldRef().getApiVersion())) {
        e.getValueFrom().getFieldRef().setApiVersion("v1");
      }
    }
    probe(c.getLivenessProbe());
    probe(c.getReadinessProbe());
    probe(c.getStartupProbe());
    Lifecycle lc = c.getLifecycle();
    if (lc != null) {
      handler(lc.getPostStart());
      handler(lc.getPreStop());
    }
  }

  private static void probe(Probe p) {
    if (p == null) {
      return;
    }
    if (p.getTimeoutSeconds() == null || p.getTimeoutSeconds() == 0) {
      p.setTimeoutSeconds(1);
    }
    if (p.getPeriodSeconds() == null || p.getPeriodSeconds() == 0) {
      p.setPeriodSeconds(10);
    }
    if (p.getSuccessThreshold() == null || p.getSuccessThreshold() == 0) {
      p.setSuccessThreshold(1);
    }
    if (p.getFailureThreshold() == null || p.getFailureThreshold() == 0) {
      p.setFailureThreshold(3);
    }
    httpGet(p.getHttpGet());
  }

  private static void handler(LifecycleHandler h) {
    if (h != null) {
      httpGet(h.getHttpGet());
    }
  }

  private static void httpGet(HTTPGetAction a) {
    if (a == null) {
      return;
    }
    if (isEmpty(a.getPath())) {
      a.setPath("/");
    }
    if (isEmpty(a.getScheme())) {
      a.setScheme("HTTP");
    }
  }

  private static void volume(Volume v) {
    // SetDefaults_PersistentVolumeClaimSpec also runs on a generic ephemeral volume's claim template
    if (v.getEphemeral() != null && v.getEphemeral().getVolumeClaimTemplate() != null
        && v.getEphemeral().getVolumeClaimTemplate().getSpec() != null
        && isEmpty(v.getEphemeral().getVolumeClaimTemplate().getSpec().getVolumeMode())) {
      v.getEphemeral().getVolumeClaimTemplate().getSpec().setVolumeMode("Filesystem");
    }
    if (v == null) {
      return;
    }
    if (VolumeSources.count(v) == 0) {
      v.setEmptyDir(new EmptyDirVolumeSource());
    }
    SecretVolumeSource secret = v.getSecret();
    if (secret != null && secret.getDefaultMode() == null) {
      secret.setDefaultMode(DEFAULT_MODE);
    }
    ConfigMapVolumeSource cm = v.getConfigMap();
    if (cm != null && cm.getDefaultMode() == null) {
      cm.setDefaultMode(DEFAULT_MODE);
    }
    DownwardAPIVolumeSource dapi = v.getDownwardAPI();
    if (dapi != null) {
      if (dapi.getDefaultMode() == null) {
        dapi.setDefaultMode(DEFAULT_MODE);
      }
      fieldRefs(dapi.getItems());
    }
    ProjectedVolumeSource projected = v.getProjected();
    if (projected != null) {
      if (projected.getDefaultMode() == null) {
        projected.setDefaultMode(DEFAULT_MODE);
      }
      for (VolumeProjection src : list(projected.getSources())) {
        if (src != null && src.getDownwardAPI() != null) {
          fieldRefs(src.getDownwardAPI().getItems());
        }
      }
    }
  }

  /** {@code SetDefaults_ObjectFieldSelector} for downward API files. */
  private static void fieldRefs(List<DownwardAPIVolumeFile> files) {
    for (DownwardAPIVolumeFile f : list(files)) {
      if (f != null && f.getFieldRef() != null && isEmpty(f.getFieldRef().getApiVersion())) {
        f.getFieldRef().setApiVersion("v1");
      }
    }
  }

  /** Null or empty. */
  public static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** Null as an empty list. */
  public static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
