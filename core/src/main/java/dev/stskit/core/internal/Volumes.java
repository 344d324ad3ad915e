package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.AccessMode;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.SpecException;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.units.Storage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Pod volumes and claim templates compiled to fabric8 objects and lifted back. */
final class Volumes {
  private Volumes() {}

  static io.fabric8.kubernetes.api.model.Volume volume(Volume v) {
    if (v instanceof Volume.Raw r) {
      return new io.fabric8.kubernetes.api.model.VolumeBuilder(r.volume()).build();
    }
    io.fabric8.kubernetes.api.model.Volume out = new io.fabric8.kubernetes.api.model.Volume();
    out.setName(v.name());
    if (v instanceof Volume.ConfigMap c) {
      io.fabric8.kubernetes.api.model.ConfigMapVolumeSource s = new io.fabric8.kubernetes.api.model.ConfigMapVolumeSource();
      s.setName(c.configMap());
      c.defaultMode().ifPresent(s::setDefaultMode);
      c.optional().ifPresent(s::setOptional);
      out.setConfigMap(s);
    } else if (v instanceof Volume.Secret c) {
      io.fabric8.kubernetes.api.model.SecretVolumeSource s = new io.fabric8.kubernetes.api.model.SecretVolumeSource();
      s.setSecretName(c.secret());
      c.defaultMode().ifPresent(s::setDefaultMode);
      c.optional().ifPresent(s::setOptional);
      out.setSecret(s);
    } else if (v instanceof Volume.HostPath h) {
      out.setHostPath(new io.fabric8.kubernetes.api.model.HostPathVolumeSource(h.path(), h.hostPathType().orElse(null)));
    } else if (v instanceof Volume.EmptyDir e) {
      io.fabric8.kubernetes.api.model.EmptyDirVolumeSource s = new io.fabric8.kubernetes.api.model.EmptyDirVolumeSource();
      e.medium().ifPresent(s::setMedium);
      e.sizeLimit().ifPresent(q -> s.setSizeLimit(q.toQuantity()));
      out.setEmptyDir(s);
    } else if (v instanceof Volume.Claim c) {
      out.setPersistentVolumeClaim(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource(
          c.claimName(), c.readOnly().orElse(null)));
    }
    return out;
  }

  static PersistentVolumeClaim claim(ClaimTemplate t) {
    PersistentVolumeClaim out = new PersistentVolumeClaim();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(t.name());
    meta.setLabels(new LinkedHashMap<>(t.labels()));
    meta.setAnnotations(new LinkedHashMap<>(t.annotations()));
    out.setMetadata(meta);
    PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec();
    spec.setAccessModes(t.accessModes().isEmpty()
        ? List.of("ReadWriteOnce")
        : t.accessModes().stream().map(m -> m.value()).toList());
    VolumeResourceRequirements resources = new VolumeResourceRequirements();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("storage", t.size().toQuantity());
    resources.setRequests(requests);
    spec.setResources(resources);
    t.storageClass().ifPresent(spec::setStorageClassName);
    t.volumeMode().ifPresent(m -> spec.setVolumeMode(m.value()));
    out.setSpec(spec);
    return out;
  }

  static Volume liftVolume(io.fabric8.kubernetes.api.model.Volume v) {
    String name = v.getName();
    if (name == null) {
      return Volume.raw(v);
    }
    int sources = countSources(v);
    if (sources != 1) {
      return Volume.raw(v);
    }
    try {
      if (v.getConfigMap() != null && v.getConfigMap().getName() != null) {
        Volume.ConfigMap.Builder b = Volume.ConfigMap.builder().name(name).configMap(v.getConfigMap().getName());
        Optional.ofNullable(v.getConfigMap().getDefaultMode()).ifPresent(b::defaultMode);
        Optional.ofNullable(v.getConfigMap().getOptional()).ifPresent(b::optional);
        return b.build();
      }
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        Volume.Secret.Builder b = Volume.Secret.builder().name(name).secret(v.getSecret().getSecretName());
        Optional.ofNullable(v.getSecret().getDefaultMode()).ifPresent(b::defaultMode);
        Optional.ofNullable(v.getSecret().getOptional()).ifPresent(b::optional);
        return b.build();
      }
      if (v.getHostPath() != null && v.getHostPath().getPath() != null) {
        var b = dev.stskit.core.Volume.HostPath.builder().name(name).path(v.getHostPath().getPath());
        Optional.ofNullable(v.getHostPath().getType()).ifPresent(b::hostPathType);
        return b.build();
      }
      if (v.getEmptyDir() != null) {
        var b = dev.stskit.core.Volume.EmptyDir.builder().name(name);
        Optional.ofNullable(v.getEmptyDir().getMedium()).ifPresent(b::medium);
        if (v.getEmptyDir().getSizeLimit() != null) {
          b.sizeLimit(Storage.of(v.getEmptyDir().getSizeLimit().toString()));
        }
        return b.build();
      }
      if (v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName() != null) {
        var b = dev.stskit.core.Volume.Claim.builder().name(name)
            .claimName(v.getPersistentVolumeClaim().getClaimName());
        Optional.ofNullable(v.getPersistentVolumeClaim().getReadOnly()).ifPresent(b::readOnly);
        return b.build();
      }
    } catch (SpecException e) {
      return Volume.raw(v);
    }
    return Volume.raw(v);
  }

  static int countSources(io.fabric8.kubernetes.api.model.Volume v) {
    JsonNode tree = Trees.toTree(v);
    int n = 0;
    for (String k : tree.propertyNames()) {
      if (!k.equals("name")) {
        n++;
      }
    }
    return n;
  }

  static Optional<List<ClaimTemplate>> liftClaims(List<PersistentVolumeClaim> claims) {
    List<ClaimTemplate> out = new ArrayList<>();
    for (PersistentVolumeClaim c : claims) {
      if (c.getMetadata() == null || c.getMetadata().getName() == null || c.getSpec() == null
          || c.getSpec().getResources() == null) {
        return Optional.empty();
      }
      Quantity size = orEmpty(c.getSpec().getResources().getRequests()).get("storage");
      Optional<Storage> storage = Containers.quantity(size, Storage::of);
      if (storage.isEmpty()) {
        return Optional.empty();
      }
      ClaimTemplate.Builder b = ClaimTemplate.builder().name(c.getMetadata().getName()).size(storage.get());
      for (String m : orEmpty(c.getSpec().getAccessModes())) {
        Optional<AccessMode> mode = AccessMode.fromValue(m);
        if (mode.isEmpty()) {
          return Optional.empty();
        }
        b.addAccessMode(mode.get());
      }
      Optional.ofNullable(c.getSpec().getStorageClassName()).ifPresent(b::storageClass);
      VolumeMode.fromValue(c.getSpec().getVolumeMode()).ifPresent(b::volumeMode);
      b.labels(orEmpty(c.getMetadata().getLabels()));
      b.annotations(orEmpty(c.getMetadata().getAnnotations()));
      out.add(b.build());
    }
    return Optional.of(out);
  }
}
