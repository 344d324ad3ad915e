package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A third-party rule, as a user would write it: one class, registered through
 * {@code META-INF/services/dev.stskit.validation.Rule} in the test resources, tested by
 * {@link ExampleNoLatestTagTest} with one fixture pair.
 */
@RuleInfo(id = "example-no-latest-tag", severity = Severity.WARNING,
    summary = "Container image uses the latest tag or no tag")
public final class ExampleNoLatestTag implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<Container> containers = sts.getSpec().getTemplate().getSpec().getContainers();
    for (int i = 0; i < containers.size(); i++) {
      String image = containers.get(i).getImage();
      String tail = image.substring(image.lastIndexOf('/') + 1);
      if (!image.contains("@") && (!tail.contains(":") || tail.endsWith(":latest"))) {
        out.add(Violation.invalid(FieldPath.of("spec", "template", "spec", "containers").index(i).child("image"),
            image, Message.text("pin a version tag or digest", "请固定版本标签或摘要")));
      }
    }
    return out;
  }
}
