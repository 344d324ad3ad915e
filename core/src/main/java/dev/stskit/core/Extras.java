package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What the spec does not model, kept verbatim for one compiled object: fields to {@link #set()}
 * and fields to {@link #omit()}, each by field path. Compile applies them after it built the object
 * from the modelled fields (omissions first), and before the customizers. {@code lift} fills them
 * so that nothing of an imported object is lost.
 *
 * <p>Paths are in Kubernetes form, rooted at the object: {@code spec.template.spec.securityContext
 * .fsGroup}, {@code spec.template.spec.containers[0].terminationMessagePath}, map keys that are not
 * plain identifiers in brackets ({@code metadata.annotations[example.com/x]}). A {@code set} path
 * creates missing objects on the way; an index must exist. Values are JSON (in the spec file, YAML).
 *
 * <pre>{@code
 * extras:
 *   set:
 *     spec.template.spec.securityContext.fsGroup: 999
 *   omit:
 *   - spec.revisionHistoryLimit
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExtras.class)
@JsonDeserialize(as = ImmutableExtras.class)
public interface Extras {
  /** Field path → value to write there, in order. */
  Map<String, JsonNode> set();

  /** Field paths the compiled object must not have (e.g. a default the form always writes). */
  List<String> omit();

  /** Whether there is nothing to apply. */
  @JsonIgnore
  default boolean isEmpty() {
    return set().isEmpty() && omit().isEmpty();
  }

  /** No extras. */
  static Extras none() {
    return builder().build();
  }

  @Value.Check
  default Extras normalize() {
    for (String path : set().keySet()) {
      dev.stskit.core.internal.Trees.parsePath(path);
    }
    for (String path : omit()) {
      dev.stskit.core.internal.Trees.parsePath(path);
    }
    if (dev.stskit.core.internal.Trees.isNormal(set())) {
      return this;
    }
    return builder().from(this).set(dev.stskit.core.internal.Trees.normalize(set())).build();
  }

  /** Starts a builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Extras}. */
  final class Builder extends ImmutableExtras.Builder {}
}
