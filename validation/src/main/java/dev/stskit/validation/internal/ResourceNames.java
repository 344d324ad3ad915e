package dev.stskit.validation.internal;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resource-name helpers of {@code pkg/apis/core/helper/helpers.go} ({@code IsNativeResource},
 * {@code IsHugePageResourceName}, {@code IsExtendedResourceName}, {@code IsOvercommitAllowed},
 * {@code IsIntegerResourceName}, {@code IsStandardContainerResourceName}, {@code IsStandardResourceName})
 * and {@code validateContainerResourceName} / {@code validateResourceName}.
 */
public final class ResourceNames {
  private static final Set<String> STANDARD_CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
      "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
      "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
      "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers");
  private static final Set<String> INTEGER = Set.of("pods", "services", "replicationcontrollers",
      "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
      "services.loadbalancers");

  private ResourceNames() {}

  /** {@code IsNativeResource}: no domain, or a {@code kubernetes.io/} domain. */
  public static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  /** {@code IsHugePageResourceName}. */
  public static boolean isHugePages(String name) {
    return name.startsWith("hugepages-");
  }

  /** {@code IsExtendedResourceName}: not native, not {@code requests.}-prefixed, and a qualified name. */
  public static boolean isExtended(String name) {
    if (isNative(name) || name.startsWith("requests.")) {
      return false;
    }
    return Names.qualifiedName("requests." + name).isEmpty();
  }

  /** {@code IsOvercommitAllowed}: native and not hugepages. */
  public static boolean isOvercommitAllowed(String name) {
    return isNative(name) && !isHugePages(name);
  }

  /** {@code IsIntegerResourceName}: extended resources and object-count quota names. */
  public static boolean isIntegerResource(String name) {
    return INTEGER.contains(name) || isExtended(name);
  }

  /** {@code validateContainerResourceName}. */
  public static List<Violation> containerResourceName(String name, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    for (Message m : Names.qualifiedName(name)) {
      out.add(Violation.invalid(path, name, m));
    }
    if (!out.isEmpty()) {
      return out;
    }
    if (!name.contains("/")) {
      if (!STANDARD.contains(name) && !isHugePages(name)) {
        out.add(Violation.invalid(path, name, Message.of("standard-resource")));
        return out;
      }
      if (!STANDARD_CONTAINER.contains(name) && !isHugePages(name)) {
        out.add(Violation.invalid(path, name, Message.of("standard-container-resource")));
      }
    } else if (!isNative(name) && !isExtended(name)) {
      out.add(Violation.invalid(path, name, Message.of("extended-resource-name")));
    }
    return out;
  }
}
