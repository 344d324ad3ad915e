package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.AccessMode;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.Projection;
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
import java.util.stream.Collectors;

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
      s.setItems(items(c.items()));
      c.defaultMode().ifPresent(s::setDefaultMode);
      c.optional().ifPresent(s::setOptional);
      out.setConfigMap(s);
    } else if (v instanceof Volume.Secret c) {
      io.fabric8.kubernetes.api.model.SecretVolumeSource s = new io.fabric8.kubernetes.api.model.SecretVolumeSource();
      s.setSecretName(c.secret());
      s.setItems(items(c.items()));
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
    } else if (v instanceof Volume.Projected p) {
      var s = new io.fabric8.kubernetes.api.model.ProjectedVolumeSource();
      p.defaultMode().ifPresent(s::setDefaultMode);
      s.setSources(p.sources().stream().map(Volumes::projection).collect(Collectors.toCollection(ArrayList::new)));
      out.setProjected(s);
    } else if (v instanceof Volume.Ephemeral e) {
      ObjectMeta meta = null;
      if (!e.labels().isEmpty() || !e.annotations().isEmpty()) {
        meta = new ObjectMeta();
        meta.setLabels(new LinkedHashMap<>(e.labels()));
        meta.setAnnotations(new LinkedHashMap<>(e.annotations()));
      }
      PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec();
      spec.setAccessModes(e.accessModes().stream().map(m -> m.value()).collect(Collectors.toCollection(ArrayList::new)));
      VolumeResourceRequirements resources = new VolumeResourceRequirements();
      Map<String, Quantity> requests = new LinkedHashMap<>();
      requests.put("storage", e.size().toQuantity());
      resources.setRequests(requests);
      spec.setResources(resources);
      e.storageClass().ifPresent(spec::setStorageClassName);
      e.volumeMode().ifPresent(m -> spec.setVolumeMode(m.value()));
      out.setEphemeral(new io.fabric8.kubernetes.api.model.EphemeralVolumeSource(
          new io.fabric8.kubernetes.api.model.PersistentVolumeClaimTemplate(meta, spec)));
    }
    return out;
  }

  private static List<io.fabric8.kubernetes.api.model.KeyToPath> items(List<Volume.Item> items) {
    return items.stream().map(i -> new io.fabric8.kubernetes.api.model.KeyToPath(i.key(), i.mode().orElse(null), i.path(), null))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static io.fabric8.kubernetes.api.model.VolumeProjection projection(Projection p) {
    var out = new io.fabric8.kubernetes.api.model.VolumeProjection();
    if (p instanceof Projection.ConfigMap c) {
      out.setConfigMap(new io.fabric8.kubernetes.api.model.ConfigMapProjection(items(c.items()), c.configMap(),
          c.optional().orElse(null)));
    } else if (p instanceof Projection.Secret s) {
      out.setSecret(new io.fabric8.kubernetes.api.model.SecretProjection(items(s.items()), s.secret(),
          s.optional().orElse(null)));
    } else if (p instanceof Projection.DownwardApi d) {
      out.setDownwardAPI(new io.fabric8.kubernetes.api.model.DownwardAPIProjection(d.items().stream().map(f -> {
        var file = new io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile();
        file.setPath(f.path());
        f.fieldPath().ifPresent(fp -> file.setFieldRef(
            new io.fabric8.kubernetes.api.model.ObjectFieldSelector(f.fieldApiVersion().orElse(null), fp)));
        f.resource().ifPresent(r -> file.setResourceFieldRef(new io.fabric8.kubernetes.api.model.ResourceFieldSelector(
            f.containerName().orElse(null), f.divisor().map(Quantity::new).orElse(null), r)));
        f.mode().ifPresent(file::setMode);
        return file;
      }).collect(Collectors.toCollection(ArrayList::new))));
    } else if (p instanceof Projection.ServiceAccountToken t) {
      out.setServiceAccountToken(new io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection(
          t.audience().orElse(null), t.expirationSeconds().orElse(null), t.path(), null));
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
        Optional<List<Volume.Item>> items = liftItems(v.getConfigMap().getItems());
        if (items.isEmpty()) {
          return Volume.raw(v);
        }
        b.items(items.get());
        Optional.ofNullable(v.getConfigMap().getDefaultMode()).ifPresent(b::defaultMode);
        Optional.ofNullable(v.getConfigMap().getOptional()).ifPresent(b::optional);
        return b.build();
      }
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        Volume.Secret.Builder b = Volume.Secret.builder().name(name).secret(v.getSecret().getSecretName());
        Optional<List<Volume.Item>> items = liftItems(v.getSecret().getItems());
        if (items.isEmpty()) {
          return Volume.raw(v);
        }
        b.items(items.get());
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
      if (v.getProjected() != null) {
        return liftProjected(name, v.getProjected()).map(p -> (Volume) p).orElseGet(() -> Volume.raw(v));
      }
      if (v.getEphemeral() != null) {
        return liftEphemeral(name, v.getEphemeral()).map(e -> (Volume) e).orElseGet(() -> Volume.raw(v));
      }
    } catch (SpecException e) {
      return Volume.raw(v);
    }
    return Volume.raw(v);
  }

  private static Optional<List<Volume.Item>> liftItems(List<io.fabric8.kubernetes.api.model.KeyToPath> items) {
    List<Volume.Item> out = new ArrayList<>();
    for (var i : orEmpty(items)) {
      if (i == null || i.getKey() == null || i.getPath() == null) {
        return Optional.empty();
      }
      out.add(i.getMode() == null ? Volume.Item.of(i.getKey(), i.getPath()) : Volume.Item.of(i.getKey(), i.getPath(), i.getMode()));
    }
    return Optional.of(out);
  }

  private static Optional<Volume.Projected> liftProjected(String name, io.fabric8.kubernetes.api.model.ProjectedVolumeSource p) {
    Volume.Projected.Builder b = Volume.Projected.builder().name(name);
    Optional.ofNullable(p.getDefaultMode()).ifPresent(b::defaultMode);
    for (var s : orEmpty(p.getSources())) {
      Optional<Projection> lifted = s == null ? Optional.empty() : liftProjection(s);
      if (lifted.isEmpty()) {
        return Optional.empty();
      }
      b.addSource(lifted.get());
    }
    return Optional.of(b.build());
  }

  private static Optional<Projection> liftProjection(io.fabric8.kubernetes.api.model.VolumeProjection s) {
    int kinds = (s.getConfigMap() != null ? 1 : 0) + (s.getSecret() != null ? 1 : 0) + (s.getDownwardAPI() != null ? 1 : 0)
        + (s.getServiceAccountToken() != null ? 1 : 0) + (s.getClusterTrustBundle() != null ? 1 : 0)
        + (s.getPodCertificate() != null ? 1 : 0) + s.getAdditionalProperties().size();
    if (kinds != 1) {
      return Optional.empty();
    }
    if (s.getConfigMap() != null && s.getConfigMap().getName() != null) {
      Optional<List<Volume.Item>> items = liftItems(s.getConfigMap().getItems());
      return items.map(i -> Projection.ConfigMap.builder().configMap(s.getConfigMap().getName()).items(i)
          .optional(Optional.ofNullable(s.getConfigMap().getOptional())).build());
    }
    if (s.getSecret() != null && s.getSecret().getName() != null) {
      Optional<List<Volume.Item>> items = liftItems(s.getSecret().getItems());
      return items.map(i -> Projection.Secret.builder().secret(s.getSecret().getName()).items(i)
          .optional(Optional.ofNullable(s.getSecret().getOptional())).build());
    }
    if (s.getDownwardAPI() != null) {
      Projection.DownwardApi.Builder b = Projection.DownwardApi.builder();
      for (var f : orEmpty(s.getDownwardAPI().getItems())) {
        if (f == null || f.getPath() == null || (f.getFieldRef() == null) == (f.getResourceFieldRef() == null)
            || (f.getFieldRef() != null && f.getFieldRef().getFieldPath() == null)
            || (f.getResourceFieldRef() != null && f.getResourceFieldRef().getResource() == null)) {
          return Optional.empty();
        }
        Projection.DownwardFile.Builder fb = Projection.DownwardFile.builder().path(f.getPath());
        if (f.getFieldRef() != null) {
          fb.fieldPath(f.getFieldRef().getFieldPath());
          Optional.ofNullable(f.getFieldRef().getApiVersion()).ifPresent(fb::fieldApiVersion);
        } else {
          fb.resource(f.getResourceFieldRef().getResource());
          Optional.ofNullable(f.getResourceFieldRef().getContainerName()).ifPresent(fb::containerName);
          Optional.ofNullable(f.getResourceFieldRef().getDivisor()).map(Quantity::toString).ifPresent(fb::divisor);
        }
        Optional.ofNullable(f.getMode()).ifPresent(fb::mode);
        b.addItem(fb.build());
      }
      return Optional.of(b.build());
    }
    if (s.getServiceAccountToken() != null && s.getServiceAccountToken().getPath() != null) {
      var t = s.getServiceAccountToken();
      return Optional.of(Projection.ServiceAccountToken.builder().path(t.getPath())
          .audience(Optional.ofNullable(t.getAudience())).expirationSeconds(Optional.ofNullable(t.getExpirationSeconds()))
          .build());
    }
    return Optional.empty();
  }

  private static Optional<Volume.Ephemeral> liftEphemeral(String name, io.fabric8.kubernetes.api.model.EphemeralVolumeSource e) {
    var t = e.getVolumeClaimTemplate();
    if (t == null || t.getSpec() == null || t.getSpec().getResources() == null) {
      return Optional.empty();
    }
    Optional<Storage> size = Containers.quantity(orEmpty(t.getSpec().getResources().getRequests()).get("storage"), Storage::of);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    Volume.Ephemeral.Builder b = Volume.Ephemeral.builder().name(name).size(size.get());
    for (String m : orEmpty(t.getSpec().getAccessModes())) {
      Optional<AccessMode> mode = AccessMode.fromValue(m);
      if (mode.isEmpty()) {
        return Optional.empty();
      }
      b.addAccessMode(mode.get());
    }
    Optional.ofNullable(t.getSpec().getStorageClassName()).ifPresent(b::storageClass);
    VolumeMode.fromValue(t.getSpec().getVolumeMode()).ifPresent(b::volumeMode);
    if (t.getMetadata() != null) {
      b.labels(orEmpty(t.getMetadata().getLabels()));
      b.annotations(orEmpty(t.getMetadata().getAnnotations()));
    }
    return Optional.of(b.build());
  }

  /** How many fields besides {@code name} the volume's JSON has (a volume has exactly one source). */
  static int countSources(io.fabric8.kubernetes.api.model.Volume v) {
    int n = 0;
    for (String k : Beans.presentProperties(v)) {
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
