package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.VolumeDevice;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Volume mounts and devices against the pod's volumes and the claim templates.
 *
 * <p>Follows {@code ValidateVolumeMounts}, {@code ValidateVolumeDevices}, {@code validateMountPropagation}
 * and {@code validateMountRecursiveReadOnly} in {@code pkg/apis/core/validation/validation.go}. Since
 * v1.34 {@code ValidateStatefulSetSpec} adds one {@code persistentVolumeClaim} volume per claim template
 * before validating the template, so a mount may name a claim template. A mount of a volume that is
 * itself invalid is NotFound, as upstream only keeps valid volumes. Quirk kept: subPath and subPathExpr
 * errors are reported at {@code volumeMounts.subPath}, without the index.
 *
 * <p>Checked fields: {@code volumeMounts[*]} and {@code volumeDevices[*]} of every container.
 *
 * <p>Allowed values: name of an existing volume or claim template; mountPath set and unique per
 * container; subPath/subPathExpr relative without {@code ..} and not both; mountPropagation
 * {@code None}, {@code HostToContainer} or {@code Bidirectional} (privileged containers only);
 * recursiveReadOnly {@code Disabled}, {@code IfPossible}, {@code Enabled} with readOnly.
 */
@RuleInfo(id = "k8s-volume-mounts", severity = Severity.ERROR,
    summary = "Volume mounts or devices naming no volume, or with bad paths or propagation")
@PodTemplateCheck
public final class VolumeMounts implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    Set<String> volumes = Volumes.mountableNames(sts);
    Set<String> blockCapable = Volumes.blockCapableNames(sts);
    for (Pods.Located c : Pods.allContainers(sts)) {
      mounts(out, c.container(), volumes, c.path().child("volumeMounts"));
      devices(out, c.container(), volumes, blockCapable, c.path().child("volumeDevices"));
    }
    return out;
  }

  private static void mounts(List<Violation> out, Container c, Set<String> volumes, FieldPath path) {
    Set<String> mountPoints = new HashSet<>();
    Set<String> deviceNames = new HashSet<>();
    Set<String> devicePaths = new HashSet<>();
    for (VolumeDevice d : Defaults.list(c.getVolumeDevices())) {
      if (d != null) {
        deviceNames.add(Pods.str(d.getName()));
        devicePaths.add(Pods.str(d.getDevicePath()));
      }
    }
    List<VolumeMount> mounts = Defaults.list(c.getVolumeMounts());
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      if (m == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = Pods.str(m.getName());
      if (name.isEmpty()) {
        out.add(Violation.required(p.child("name")));
      }
      if (!volumes.contains(name)) {
        out.add(Violation.notFound(p.child("name"), name).withHint(Message.of("hint-mount-not-found")));
      }
      String mountPath = Pods.str(m.getMountPath());
      if (mountPath.isEmpty()) {
        out.add(Violation.required(p.child("mountPath")));
      }
      if (!mountPoints.add(mountPath)) {
        out.add(Violation.invalid(p.child("mountPath"), mountPath, Message.of("must-be-unique")));
      }
      if (deviceNames.contains(name)) {
        out.add(Violation.invalid(p.child("name"), name, Message.of("mount-name-in-devices")));
      }
      if (devicePaths.contains(mountPath)) {
        out.add(Violation.invalid(p.child("mountPath"), mountPath, Message.of("mount-path-in-devices")));
      }
      String subPath = Pods.str(m.getSubPath());
      if (!subPath.isEmpty()) {
        Volumes.localDescendingPath(out, subPath, path.child("subPath"));
      }
      String subPathExpr = Pods.str(m.getSubPathExpr());
      if (!subPathExpr.isEmpty()) {
        if (!subPath.isEmpty()) {
          out.add(Violation.invalid(p.child("subPathExpr"), subPathExpr, Message.of("subpath-exclusive")));
        }
        Volumes.localDescendingPath(out, subPathExpr, path.child("subPathExpr"));
      }
      if (m.getMountPropagation() != null) {
        String mp = m.getMountPropagation();
        boolean privileged = c.getSecurityContext() != null && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged());
        if (!List.of("None", "HostToContainer", "Bidirectional").contains(mp)) {
          out.add(Violation.notSupported(path.child("mountPropagation"), mp,
              List.of("Bidirectional", "HostToContainer", "None")));
        } else if (mp.equals("Bidirectional") && !privileged) {
          out.add(Violation.forbidden(path.child("mountPropagation"), Message.of("bidirectional-privileged")));
        }
      }
      if (m.getRecursiveReadOnly() != null) {
        String rro = m.getRecursiveReadOnly();
        FieldPath rp = path.child("recursiveReadOnly");
        if (!List.of("Disabled", "IfPossible", "Enabled").contains(rro)) {
          out.add(Violation.notSupported(rp, rro, List.of("Disabled", "Enabled", "IfPossible")));
        } else if (!rro.equals("Disabled")) {
          if (!Boolean.TRUE.equals(m.getReadOnly())) {
            out.add(Violation.forbidden(rp, Message.of("rro-readonly")));
          }
          if (m.getMountPropagation() != null && !m.getMountPropagation().equals("None")) {
            out.add(Violation.forbidden(rp, Message.of("rro-propagation")));
          }
        }
      }
    }
  }

  /** {@code ValidateVolumeDevices}. */
  private static void devices(List<Violation> out, Container c, Set<String> volumes, Set<String> blockCapable,
      FieldPath path) {
    Set<String> paths = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> mountNames = new HashSet<>();
    Set<String> mountPaths = new HashSet<>();
    for (VolumeMount m : Defaults.list(c.getVolumeMounts())) {
      if (m != null) {
        mountNames.add(Pods.str(m.getName()));
        mountPaths.add(Pods.str(m.getMountPath()));
      }
    }
    List<VolumeDevice> devices = Defaults.list(c.getVolumeDevices());
    for (int i = 0; i < devices.size(); i++) {
      VolumeDevice d = devices.get(i);
      if (d == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = Pods.str(d.getName());
      String devicePath = Pods.str(d.getDevicePath());
      if (name.isEmpty()) {
        out.add(Violation.required(p.child("name")));
      }
      if (names.contains(name)) {
        out.add(Violation.invalid(p.child("name"), name, Message.of("must-be-unique")));
      }
      if (volumes.contains(name) && !blockCapable.contains(name)) {
        out.add(Violation.invalid(p.child("name"), name, Message.of("block-needs-pvc")));
      }
      if (!volumes.contains(name)) {
        out.add(Violation.notFound(p.child("name"), name));
      }
      if (devicePath.isEmpty()) {
        out.add(Violation.required(p.child("devicePath")));
      }
      if (paths.contains(devicePath)) {
        out.add(Violation.invalid(p.child("devicePath"), devicePath, Message.of("must-be-unique")));
      }
      List<Violation> backsteps = new ArrayList<>();
      Volumes.noBacksteps(backsteps, devicePath, p.child("devicePath"));
      if (!devicePath.isEmpty() && !backsteps.isEmpty()) {
        out.add(Violation.invalid(p.child("devicePath"), devicePath, Message.of("no-backsteps")));
      } else {
        paths.add(devicePath);
      }
      if (mountNames.contains(name)) {
        out.add(Violation.invalid(p.child("name"), name, Message.of("device-name-in-mounts")));
      }
      if (mountPaths.contains(devicePath)) {
        out.add(Violation.invalid(p.child("devicePath"), devicePath, Message.of("device-path-in-mounts")));
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
  }
}
