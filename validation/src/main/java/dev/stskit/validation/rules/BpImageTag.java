package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * An image without a pinned version.
 *
 * <p>An image without a tag means {@code :latest}. With {@code imagePullPolicy: IfNotPresent} (what the
 * form writes when "always pull" is off, docs/form.md §2) each node keeps whatever {@code latest} it pulled
 * first, so replicas of one StatefulSet run different versions; with {@code Always} a restart silently
 * upgrades a replica. A digest ({@code @sha256:…}) pins the image and is fine.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].image},
 * {@code spec.template.spec.initContainers[*].image}.
 *
 * <p>Allowed values: an image with a tag other than {@code latest}, or with a digest.
 */
@RuleInfo(id = "bp-image-tag", severity = Severity.ERROR,
    summary = "Image without a tag or with the latest tag")
public final class BpImageTag implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      String image = Pods.str(c.container().getImage());
      if (image.isEmpty() || image.contains("@")) {
        continue;
      }
      String last = image.substring(image.lastIndexOf('/') + 1);
      int colon = last.indexOf(':');
      String tag = colon < 0 ? "" : last.substring(colon + 1);
      if (tag.isEmpty() || tag.equals("latest")) {
        boolean ifNotPresent = "IfNotPresent".equals(c.container().getImagePullPolicy());
        out.add(Violation.invalid(c.path().child("image"), image,
            Message.of(ifNotPresent ? "bp-image-tag-if-not-present" : "bp-image-tag"))
            .withHint(Message.of("hint-bp-image-tag")));
      }
    }
    return out;
  }
}
