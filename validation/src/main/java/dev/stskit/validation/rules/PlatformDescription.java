package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;

/**
 * A description longer than the form allows.
 *
 * <p>The form's description (docs/form.md §1) is at most 512 characters and is written to the annotation
 * {@value #KEY} on the StatefulSet. Characters are Unicode code points (a Chinese character counts
 * once), not bytes. The value is not echoed.
 *
 * <p>Checked fields: {@code metadata.annotations[kpanda.io/describe]}.
 *
 * <p>Allowed values: up to 512 characters.
 */
@RuleInfo(id = "platform-description", severity = Severity.ERROR,
    summary = "Description annotation kpanda.io/describe longer than 512 characters")
public final class PlatformDescription implements Rule {
  /** The description annotation. */
  public static final String KEY = "kpanda.io/describe";
  /** The form's limit, in characters. */
  static final int MAX = 512;

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    Map<String, String> annotations = Pods.meta(sts).getAnnotations();
    String text = annotations == null ? null : annotations.get(KEY);
    if (text != null && text.codePointCount(0, text.length()) > MAX) {
      return List.of(Violation.builder().path(FieldPath.of("metadata", "annotations").key(KEY))
          .type(ErrorType.TOO_LONG).detail(Message.of("platform-description", MAX)).build());
    }
    return List.of();
  }
}
