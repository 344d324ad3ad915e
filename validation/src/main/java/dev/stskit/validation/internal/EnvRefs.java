package dev.stskit.validation.internal;

import dev.stskit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a StatefulSet's pods read ConfigMaps and Secrets: the name, and the first field that names it. */
public final class EnvRefs {
  private EnvRefs() {}

  /** A reference: the object's kind, name, where, whether optional, whether from env, and the key (env refs). */
  public record Ref(String kind, String name, FieldPath path, boolean optional, boolean env, String key) {
    /** A reference to the whole object. */
    Ref(String kind, String name, FieldPath path, boolean optional, boolean env) {
      this(kind, name, path, optional, env, null);
    }
  }

  /** The ConfigMaps the pods read, by name, with the first field that names each. */
  public static Map<String, FieldPath> configMapReferences(StatefulSet sts) {
    Map<String, FieldPath> out = new LinkedHashMap<>();
    for (Ref r : all(sts)) {
      if (r.kind().equals("ConfigMap")) {
        out.putIfAbsent(r.name(), r.path());
      }
    }
    return out;
  }

  /** Every reference, in field order: containers' {@code env} and {@code envFrom}, then volumes. */
  public static List<Ref> all(StatefulSet sts) {
    List<Ref> out = new java.util.ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      List<EnvVar> env = Defaults.list(c.container().getEnv());
      for (int j = 0; j < env.size(); j++) {
        EnvVar e = env.get(j);
        if (e == null || e.getValueFrom() == null) {
          continue;
        }
        FieldPath p = c.path().child("env").index(j).child("valueFrom");
        var cm = e.getValueFrom().getConfigMapKeyRef();
        if (cm != null && cm.getName() != null) {
          out.add(new Ref("ConfigMap", cm.getName(), p.child("configMapKeyRef", "name"), Boolean.TRUE.equals(cm.getOptional()), true,
              cm.getKey()));
        }
        var s = e.getValueFrom().getSecretKeyRef();
        if (s != null && s.getName() != null) {
          out.add(new Ref("Secret", s.getName(), p.child("secretKeyRef", "name"), Boolean.TRUE.equals(s.getOptional()), true,
              s.getKey()));
        }
      }
      List<EnvFromSource> from = Defaults.list(c.container().getEnvFrom());
      for (int j = 0; j < from.size(); j++) {
        EnvFromSource f = from.get(j);
        if (f == null) {
          continue;
        }
        FieldPath p = c.path().child("envFrom").index(j);
        if (f.getConfigMapRef() != null && f.getConfigMapRef().getName() != null) {
          out.add(new Ref("ConfigMap", f.getConfigMapRef().getName(), p.child("configMapRef", "name"),
              Boolean.TRUE.equals(f.getConfigMapRef().getOptional()), true));
        }
        if (f.getSecretRef() != null && f.getSecretRef().getName() != null) {
          out.add(new Ref("Secret", f.getSecretRef().getName(), p.child("secretRef", "name"),
              Boolean.TRUE.equals(f.getSecretRef().getOptional()), true));
        }
      }
    }
    List<Volume> volumes = Defaults.list(Pods.podSpec(sts).getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v == null) {
        continue;
      }
      FieldPath p = Pods.POD_SPEC.child("volumes").index(i);
      if (v.getConfigMap() != null && v.getConfigMap().getName() != null) {
        out.add(new Ref("ConfigMap", v.getConfigMap().getName(), p.child("configMap", "name"),
            Boolean.TRUE.equals(v.getConfigMap().getOptional()), false));
      }
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        out.add(new Ref("Secret", v.getSecret().getSecretName(), p.child("secret", "secretName"),
            Boolean.TRUE.equals(v.getSecret().getOptional()), false));
      }
      if (v.getProjected() != null) {
        List<VolumeProjection> sources = Defaults.list(v.getProjected().getSources());
        for (int j = 0; j < sources.size(); j++) {
          VolumeProjection s = sources.get(j);
          if (s != null && s.getConfigMap() != null && s.getConfigMap().getName() != null) {
            out.add(new Ref("ConfigMap", s.getConfigMap().getName(),
                p.child("projected", "sources").index(j).child("configMap", "name"),
                Boolean.TRUE.equals(s.getConfigMap().getOptional()), false));
          }
          if (s != null && s.getSecret() != null && s.getSecret().getName() != null) {
            out.add(new Ref("Secret", s.getSecret().getName(),
                p.child("projected", "sources").index(j).child("secret", "name"),
                Boolean.TRUE.equals(s.getSecret().getOptional()), false));
          }
        }
      }
    }
    return out;
  }
}
