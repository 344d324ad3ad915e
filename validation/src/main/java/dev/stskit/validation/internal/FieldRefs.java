package dev.stskit.validation.internal;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code validateObjectFieldSelector} ({@code pkg/apis/core/validation/validation.go}) with
 * {@code ConvertDownwardAPIFieldLabel} ({@code pkg/apis/core/pods/helpers.go}) for v1 pods.
 */
public final class FieldRefs {
  /** {@code validEnvDownwardAPIFieldPathExpressions}. */
  public static final List<String> ENV = List.of("metadata.name", "metadata.namespace", "metadata.uid",
      "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
      "status.podIPs");
  /** {@code validVolumeDownwardAPIFieldPathExpressions}. */
  public static final List<String> VOLUME = List.of("metadata.annotations", "metadata.labels", "metadata.name",
      "metadata.namespace", "metadata.uid");
  /** Everything {@code ConvertDownwardAPIFieldLabel} accepts for v1 pods, without subscripts. */
  private static final Set<String> CONVERTIBLE = Set.of("metadata.annotations", "metadata.labels",
      "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
      "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
      "status.podIP", "status.podIPs");
  private static final Pattern SUBSCRIPTED = Pattern.compile("(metadata\\.(?:labels|annotations))\\['(.*)'\\]");

  private FieldRefs() {}

  /** Validates a field selector against the allowed expressions. */
  public static void validate(List<Violation> out, ObjectFieldSelector fs, List<String> allowed, FieldPath path) {
    String apiVersion = Pods.str(fs.getApiVersion());
    String fieldPath = Pods.str(fs.getFieldPath());
    if (apiVersion.isEmpty()) {
      out.add(Violation.required(path.child("apiVersion")));
      return;
    }
    if (fieldPath.isEmpty()) {
      out.add(Violation.required(path.child("fieldPath")));
      return;
    }
    if (!apiVersion.equals("v1")) {
      out.add(Violation.invalid(path.child("fieldPath"), fieldPath,
          Message.of("field-path-conversion", "unsupported pod version: " + clip(apiVersion))));
      return;
    }
    Matcher sub = SUBSCRIPTED.matcher(fieldPath);
    if (sub.matches()) {
      String key = sub.group(1).equals("metadata.annotations") ? sub.group(2).toLowerCase(Locale.ROOT) : sub.group(2);
      for (Message m : Names.qualifiedName(key)) {
        out.add(Violation.invalid(path, key, m));
      }
      return;
    }
    if (!CONVERTIBLE.contains(fieldPath)) {
      out.add(Violation.invalid(path.child("fieldPath"), fieldPath,
          Message.of("field-path-conversion", "field label not supported: " + clip(fieldPath))));
      return;
    }
    if (!allowed.contains(fieldPath)) {
      out.add(Violation.notSupported(path.child("fieldPath"), fieldPath, allowed));
    }
  }

  /** Characters of a value the detail repeats after the finding's own (bounded) echo of it. */
  private static final int DETAIL_ECHO = 80;

  /**
   * The value as the detail repeats it: at most {@link #DETAIL_ECHO} characters, saying how long it
   * was (a 1,025-character fieldPath made a message of 1,385 characters; found by the mutation fuzzer).
   */
  private static String clip(String value) {
    if (value.length() <= DETAIL_ECHO) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(DETAIL_ECHO - 1)) ? DETAIL_ECHO - 1 : DETAIL_ECHO;
    return value.substring(0, end) + "… (truncated: " + value.length() + " characters)";
  }
}
