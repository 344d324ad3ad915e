package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.FieldRefs;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Quantities;
import dev.stskit.validation.internal.VolumeSources;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pod volumes: names, exactly one source, and the fields of the common sources.
 *
 * <p>Follows {@code ValidateVolumes} and {@code validateVolumeSource} in
 * {@code pkg/apis/core/validation/validation.go}, with {@code validateHostPathVolumeSource},
 * {@code validateSecretVolumeSource}, {@code validateConfigMapVolumeSource},
 * {@code validatePersistentClaimVolumeSource}, {@code validateNFSVolumeSource},
 * {@code validateCSIVolumeSource}, {@code validateEphemeralVolumeSource} (its claim template's spec through
 * {@code ValidatePersistentVolumeClaimSpec}, as for claim templates), {@code validateKeyToPath},
 * {@code validateDownwardAPIVolumeFile} and {@code validateProjectionSources} (quirk kept: a path used
 * twice in a projected volume is reported at the volume, {@code volumes[i].projected}).
 * Sources are examined in upstream's order, so the second of two sources is the one reported Forbidden.
 * A volume whose claim template has the same name is replaced by the claim (controller behaviour), and
 * is not validated here. Rarely used in-tree plugins (rbd, iscsi, cephfs, …) are only counted, not
 * checked field by field.
 *
 * <p>Checked fields: {@code spec.template.spec.volumes[*]}.
 *
 * <p>Allowed values: names unique lowercase RFC 1123 labels; one source; secret and configMap names DNS
 * subdomains; file modes 0–0777; item paths relative without {@code ..}; hostPath path set and type one
 * of the HostPathType values; persistentVolumeClaim claimName set; emptyDir sizeLimit ≥ 0; an ephemeral
 * volume's claim template spec as a claim template's; downwardAPI resourceFieldRef divisors as for env.
 */
@RuleInfo(id = "k8s-volumes", severity = Severity.ERROR,
    summary = "Pod volumes that kube-apiserver rejects: names, sources, source fields")
@PodTemplateCheck
public final class Volumes implements Rule {
  /** The source order of {@code validateVolumeSource}. */
  private static final List<String> ORDER = List.of("emptyDir", "hostPath", "gitRepo", "gcePersistentDisk",
      "awsElasticBlockStore", "secret", "nfs", "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd",
      "cinder", "cephfs", "quobyte", "downwardAPI", "fc", "flexVolume", "configMap", "azureFile",
      "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "storageos", "projected",
      "scaleIO", "csi", "ephemeral", "image");
  private static final List<String> HOST_PATH_TYPES = List.of("", "BlockDevice", "CharDevice", "Directory",
      "DirectoryOrCreate", "File", "FileOrCreate", "Socket");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    check(sts, out);
    return out;
  }

  /**
   * The names of the volumes a container may mount: the valid template volumes (upstream only enters a
   * volume into its map when it has no error) and the claim templates.
   */
  static Set<String> mountableNames(StatefulSet sts) {
    Set<String> names = check(sts, new ArrayList<>());
    names.addAll(Pods.claimTemplateNames(sts));
    return names;
  }

  /** The mountable volumes that can back a block device: persistentVolumeClaim or ephemeral ones. */
  static Set<String> blockCapableNames(StatefulSet sts) {
    Set<String> valid = mountableNames(sts);
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, Volume> e : Pods.podVolumes(sts).entrySet()) {
      Volume v = e.getValue();
      if (valid.contains(e.getKey()) && (v.getPersistentVolumeClaim() != null || v.getEphemeral() != null)) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  private static Set<String> check(StatefulSet sts, List<Violation> out) {
    Set<String> claims = new HashSet<>(Pods.claimTemplateNames(sts));
    Set<String> valid = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    List<Volume> volumes = Defaults.list(Pods.podSpec(sts).getVolumes());
    FieldPath path = Pods.POD_SPEC.child("volumes");
    // ValidateStatefulSetSpec (v1.34+) validates a copy of the template whose volumes are first one per
    // claim template, then the template's own volumes that no claim template shadows: the apiserver's
    // index of a template volume is counted in that list (the conformance suite saw volumes[3] where the
    // template has it at [2] beside one claim template)
    int index = claims.size();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v == null) {
        continue;
      }
      String name = Pods.str(v.getName());
      if (claims.contains(name)) {
        continue;
      }
      FieldPath p = path.index(index++);
      List<Violation> el = new ArrayList<>(source(v, p));
      if (name.isEmpty()) {
        el.add(Violation.required(p.child("name")));
      } else {
        for (Message m : Names.dns1123Label(name)) {
          el.add(Violation.invalid(p.child("name"), name, m));
        }
      }
      if (seen.contains(name)) {
        el.add(Violation.duplicate(p.child("name"), name));
      }
      if (el.isEmpty()) {
        seen.add(name);
        valid.add(name);
      } else {
        out.addAll(el);
      }
    }
    return valid;
  }

  private static List<Violation> source(Volume v, FieldPath p) {
    List<Violation> out = new ArrayList<>();
    List<String> set = VolumeSources.names(v);
    int n = 0;
    for (String src : ORDER) {
      if (!set.contains(src)) {
        continue;
      }
      if (n > 0) {
        out.add(Violation.forbidden(p.child(src), Message.of("one-volume-type")));
        continue;
      }
      n++;
      sourceFields(out, v, src, p.child(src));
    }
    if (n == 0) {
      out.add(Violation.required(p, Message.of("volume-type-required")));
    }
    return out;
  }

  private static void sourceFields(List<Violation> out, Volume v, String src, FieldPath p) {
    switch (src) {
      case "emptyDir" -> {
        if (v.getEmptyDir().getSizeLimit() != null) {
          Optional<BigDecimal> q = Quantities.parse(v.getEmptyDir().getSizeLimit());
          if (q.isEmpty() || q.get().signum() < 0) {
            out.add(Violation.forbidden(p.child("sizeLimit"), Message.of("size-limit")));
          }
        }
      }
      case "hostPath" -> {
        String path = Pods.str(v.getHostPath().getPath());
        if (path.isEmpty()) {
          out.add(Violation.required(p.child("path")));
        } else {
          noBacksteps(out, path, p.child("path"));
        }
        String type = Pods.str(v.getHostPath().getType());
        if (!HOST_PATH_TYPES.contains(type)) {
          out.add(Violation.notSupported(p.child("type"), type, HOST_PATH_TYPES));
        }
      }
      case "secret" -> {
        String name = Pods.str(v.getSecret().getSecretName());
        if (name.isEmpty()) {
          out.add(Violation.required(p.child("secretName")));
        } else {
          for (Message m : Names.dns1123Subdomain(name)) {
            out.add(Violation.invalid(p.child("secretName"), name, m));
          }
        }
        mode(out, v.getSecret().getDefaultMode(), p.child("defaultMode"));
        items(out, Defaults.list(v.getSecret().getItems()), p.child("items"));
      }
      case "configMap" -> {
        String name = Pods.str(v.getConfigMap().getName());
        if (name.isEmpty()) {
          out.add(Violation.required(p.child("name")));
        } else {
          for (Message m : Names.dns1123Subdomain(name)) {
            out.add(Violation.invalid(p.child("name"), name, m));
          }
        }
        mode(out, v.getConfigMap().getDefaultMode(), p.child("defaultMode"));
        items(out, Defaults.list(v.getConfigMap().getItems()), p.child("items"));
      }
      case "persistentVolumeClaim" -> {
        if (Pods.str(v.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
          out.add(Violation.required(p.child("claimName")));
        }
      }
      case "nfs" -> {
        if (Pods.str(v.getNfs().getServer()).isEmpty()) {
          out.add(Violation.required(p.child("server")));
        }
        String path = Pods.str(v.getNfs().getPath());
        if (path.isEmpty()) {
          out.add(Violation.required(p.child("path")));
        } else if (!path.startsWith("/")) {
          out.add(Violation.invalid(p.child("path"), path, Message.of("absolute-path")));
        }
      }
      case "csi" -> {
        String driver = Pods.str(v.getCsi().getDriver());
        if (driver.isEmpty()) {
          out.add(Violation.required(p.child("driver")));
        }
      }
      case "ephemeral" -> {
        var template = v.getEphemeral().getVolumeClaimTemplate();
        if (template == null) {
          out.add(Violation.required(p.child("volumeClaimTemplate")));
        } else {
          // ValidatePersistentVolumeClaimTemplate: the claim template's spec is a PVC spec, checked by
          // ValidatePersistentVolumeClaimSpec like a StatefulSet's claim templates (ReadWriteOncePod alone…)
          VolumeClaimTemplates.spec(out, template.getSpec() == null
              ? new io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec() : template.getSpec(),
              p.child("volumeClaimTemplate", "spec"));
        }
      }
      case "image" -> {
        if (Pods.str(v.getImage().getReference()).isEmpty()) {
          out.add(Violation.required(p.child("reference")));
        }
      }
      case "downwardAPI" -> {
        mode(out, v.getDownwardAPI().getDefaultMode(), p.child("defaultMode"));
        List<DownwardAPIVolumeFile> files = Defaults.list(v.getDownwardAPI().getItems());
        for (int i = 0; i < files.size(); i++) {
          if (files.get(i) != null) {
            downwardFile(out, files.get(i), p.child("items").index(i));
          }
        }
      }
      case "projected" -> {
        mode(out, v.getProjected().getDefaultMode(), p.child("defaultMode"));
        projection(out, Defaults.list(v.getProjected().getSources()), p);
      }
      default -> { }
    }
  }

  /** {@code validateDownwardAPIVolumeFile}. */
  private static void downwardFile(List<Violation> out, DownwardAPIVolumeFile file, FieldPath p) {
    String path = Pods.str(file.getPath());
    if (path.isEmpty()) {
      out.add(Violation.required(p.child("path")));
    }
    localNonReservedPath(out, path, p.child("path"));
    if (file.getFieldRef() != null) {
      FieldRefs.validate(out, file.getFieldRef(), FieldRefs.VOLUME, p.child("fieldRef"));
      if (file.getResourceFieldRef() != null) {
        out.add(Violation.invalid(p, "resource", Message.of("field-and-resource-ref")));
      }
    } else if (file.getResourceFieldRef() != null) {
      FieldPath rp = p.child("resourceFieldRef");
      String resource = Pods.str(file.getResourceFieldRef().getResource());
      if (Pods.str(file.getResourceFieldRef().getContainerName()).isEmpty()) {
        out.add(Violation.required(rp.child("containerName")));
      } else if (resource.isEmpty()) {
        out.add(Violation.required(rp.child("resource")));
      } else if (!ContainerEnv.RESOURCE_FIELDS.contains(resource) && !resource.startsWith("limits.hugepages-")
          && !resource.startsWith("requests.hugepages-")) {
        out.add(Violation.notSupported(rp.child("resource"), resource, ContainerEnv.RESOURCE_FIELDS));
      }
      ContainerEnv.divisor(out, resource, file.getResourceFieldRef().getDivisor(), rp.child("divisor"));
    } else {
      out.add(Violation.required(p, Message.of("field-or-resource-ref")));
    }
    mode(out, file.getMode(), p.child("mode"));
  }

  /** {@code validateProjectionSources}. */
  private static void projection(List<Violation> out, List<VolumeProjection> sources, FieldPath p) {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      VolumeProjection src = sources.get(i);
      if (src == null) {
        continue;
      }
      FieldPath sp = p.child("sources").index(i);
      int n = 0;
      if (src.getSecret() != null) {
        n++;
        if (Pods.str(src.getSecret().getName()).isEmpty()) {
          out.add(Violation.required(sp.child("secret", "name")));
        }
        projectedItems(out, Defaults.list(src.getSecret().getItems()), Pods.str(src.getSecret().getName()),
            sp.child("secret", "items"), p, paths);
      }
      if (src.getConfigMap() != null) {
        n++;
        if (Pods.str(src.getConfigMap().getName()).isEmpty()) {
          out.add(Violation.required(sp.child("configMap", "name")));
        }
        projectedItems(out, Defaults.list(src.getConfigMap().getItems()), Pods.str(src.getConfigMap().getName()),
            sp.child("configMap", "items"), p, paths);
      }
      if (src.getDownwardAPI() != null) {
        n++;
        List<DownwardAPIVolumeFile> files = Defaults.list(src.getDownwardAPI().getItems());
        for (int j = 0; j < files.size(); j++) {
          DownwardAPIVolumeFile f = files.get(j);
          if (f == null) {
            continue;
          }
          downwardFile(out, f, sp.child("downwardAPI", "items").index(j));
          String fp = Pods.str(f.getPath());
          if (!fp.isEmpty() && !paths.add(fp)) {
            out.add(Violation.invalid(p, fp, Message.of("duplicate-paths")));
          }
        }
      }
      if (src.getServiceAccountToken() != null) {
        n++;
        FieldPath tp = sp.child("serviceAccountToken");
        Long exp = src.getServiceAccountToken().getExpirationSeconds();
        if (exp != null && exp < 600) {
          out.add(Violation.invalid(tp.child("expirationSeconds"), exp, Message.of("token-min-expiry")));
        } else if (exp != null && exp > (1L << 32)) {
          out.add(Violation.invalid(tp.child("expirationSeconds"), exp, Message.of("token-max-expiry")));
        }
        String tokenPath = Pods.str(src.getServiceAccountToken().getPath());
        if (tokenPath.isEmpty()) {
          out.add(Violation.required(tp.child("path")));
        } else if (!paths.add(tokenPath)) {
          out.add(Violation.invalid(p, tokenPath, Message.of("duplicate-paths")));
        }
      }
      if (src.getClusterTrustBundle() != null) {
        n++;
      }
      if (src.getPodCertificate() != null) {
        n++;
      }
      if (n > 1) {
        out.add(Violation.forbidden(sp, Message.of("one-projection-type")));
      }
    }
  }

  private static void projectedItems(List<Violation> out, List<KeyToPath> items, String name, FieldPath itemsPath,
      FieldPath volumePath, Set<String> paths) {
    items(out, items, itemsPath);
    for (KeyToPath kp : items) {
      if (kp != null && !Pods.str(kp.getPath()).isEmpty() && !paths.add(kp.getPath())) {
        out.add(Violation.invalid(volumePath, name, Message.of("duplicate-paths")));
      }
    }
  }

  private static void mode(List<Violation> out, Integer mode, FieldPath path) {
    if (mode != null && (mode < 0 || mode > 0777)) {
      out.add(Violation.invalid(path, mode, Message.of("file-mode")));
    }
  }

  /** {@code validateKeyToPath}. */
  private static void items(List<Violation> out, List<KeyToPath> items, FieldPath path) {
    for (int i = 0; i < items.size(); i++) {
      KeyToPath kp = items.get(i);
      if (kp == null) {
        continue;
      }
      FieldPath p = path.index(i);
      if (Pods.str(kp.getKey()).isEmpty()) {
        out.add(Violation.required(p.child("key")));
      }
      String target = Pods.str(kp.getPath());
      if (target.isEmpty()) {
        out.add(Violation.required(p.child("path")));
      } else {
        localNonReservedPath(out, target, p.child("path"));
      }
      mode(out, kp.getMode(), p.child("mode"));
    }
  }

  /** {@code validateLocalNonReservedPath}. */
  private static void localNonReservedPath(List<Violation> out, String target, FieldPath path) {
    localDescendingPath(out, target, path);
    if (target.startsWith("..")) {
      out.add(Violation.invalid(path, target, Message.of("not-start-dotdot")));
    }
  }

  /** {@code validateLocalDescendingPath}: relative, no {@code ..} element. */
  static void localDescendingPath(List<Violation> out, String target, FieldPath path) {
    if (target.startsWith("/")) {
      out.add(Violation.invalid(path, target, Message.of("relative-path")));
    }
    noBacksteps(out, target, path);
  }

  /** {@code validatePathNoBacksteps}. */
  static void noBacksteps(List<Violation> out, String target, FieldPath path) {
    for (String part : target.replace('\\', '/').split("/", -1)) {
      if (part.equals("..")) {
        out.add(Violation.invalid(path, target, Message.of("no-dotdot")));
        return;
      }
    }
  }
}
