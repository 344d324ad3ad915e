package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.ServiceRule;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;

/**
 * A Service name shorter than the form accepts.
 *
 * <p>The platform's "Create Service" form takes names of 4 to 63 characters (lowercase letters, digits
 * and '-', starting with a letter), where Kubernetes takes DNS-1035 labels of 1 to 63 (checked by
 * {@code k8s-service-metadata}); the 4-character minimum is the platform's own. See the form limits in
 * the validation module's README.
 *
 * <p>Checked fields: {@code metadata.name} of a Service (an empty name is left to
 * {@code k8s-service-metadata}).
 */
@RuleInfo(id = "platform-service-name", severity = Severity.ERROR,
    summary = "Service name outside the form's 4 to 63 characters")
public final class PlatformServiceName implements ServiceRule {
  /** The form's shortest Service name. */
  public static final int MIN = 4;
  /** The form's longest Service name. */
  public static final int MAX = 63;

  @Override
  public List<Violation> validate(Service service, RuleContext context) {
    String name = service.getMetadata() == null || service.getMetadata().getName() == null
        ? "" : service.getMetadata().getName();
    if (name.isEmpty() || (name.length() >= MIN && name.length() <= MAX)) {
      return List.of();
    }
    return List.of(Violation.invalid(FieldPath.of("metadata", "name"), name,
        Message.of("platform-service-name-length", MIN, MAX)));
  }
}
