package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
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
 * creates missing objects on the way; an index must exist or be the next one. Values are plain
 * Java values (maps, lists, strings, numbers, booleans, {@code null}) or Jackson nodes, kept as
 * plain values; in the spec file, YAML.
 *
 * <p>Extras never override the spec: compile fails, naming both, when a {@code set} path holds
 * a value the modelled fields wrote (change the field instead). {@code omit} is only for fields
 * the form always writes with a default that the API server would fill in the same way
 * ({@code spec.revisionHistoryLimit}, a container's {@code imagePullPolicy}, …; see
 * {@link #omittable()}): compile leaves such a field out while the spec holds that default, and
 * writes it as soon as the spec's value differs.
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
  /** {@return field path → plain value to write there (maps, lists, strings, numbers, booleans, null)} */
  @AllowNulls
  Map<String, Object> set();

  /**
   * Fields the object leaves to the API server's default although the form always writes them;
   * each must be one of {@link #omittable()}.
   *
   * @return the field paths, in order
   */
  List<String> omit();

  /** {@return whether there is nothing to apply} */
  @JsonIgnore
  default boolean isEmpty() {
    return set().isEmpty() && omit().isEmpty();
  }

  /**
   * No extras.
   *
   * @return extras that set and omit nothing
   */
  static Extras none() {
    return builder().build();
  }

  /**
   * The field paths {@link #omit()} accepts ({@code [*]} stands for any index), with the default
   * compile leaves out.
   *
   * @return each omittable path with the default the API server fills in
   */
  static Map<String, String> omittable() {
    return dev.stskit.core.internal.ExtrasStep.omittable();
  }

  /**
   * Checks the extras and puts them in a canonical order when they are built.
   *
   * @return the extras in canonical order, or this when they already are
   */
  @Value.Check
  default Extras normalize() {
    boolean normal = true;
    for (Map.Entry<String, Object> e : set().entrySet()) {
      dev.stskit.core.internal.Paths.parsePath(e.getKey());
      checkAppliable(e.getKey(), e.getValue());
      normal &= dev.stskit.core.internal.PlainValues.isNormal(e.getValue());
    }
    for (String path : omit()) {
      dev.stskit.core.internal.ExtrasStep.checkOmit(path);
    }
    if (normal) {
      return this;
    }
    Map<String, Object> plain = new java.util.LinkedHashMap<>();
    set().forEach((k, v) -> plain.put(k, dev.stskit.core.internal.PlainValues.of(v, "extras.set[" + k + "]")));
    return builder().from(this).set(plain).build();
  }

  /**
   * A set that would leave an object kubectl cannot apply ({@code metadata: null}: "Object 'Kind'
   * is missing", "name is required") or a number JSON has no form for ({@code .inf}, {@code .nan})
   * is refused here, naming the extra.
   */
  private static void checkAppliable(String path, Object value) {
    if (value == null && java.util.Set.of("apiVersion", "kind", "metadata", "metadata.name").contains(path)) {
      throw new SpecException("extras.set[" + path + "]", "cannot be null: an object without it cannot be applied");
    }
    String bad = nonFinite(value, "extras.set[" + path + "]");
    if (bad != null) {
      throw new SpecException("extras.set[" + path + "]", bad + " has no JSON form, so no Kubernetes object can hold it");
    }
  }

  private static String nonFinite(Object v, String at) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf";
    }
    if (v instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return nonFinite(f.doubleValue(), at);
    }
    if (v != null && v.getClass().getName().startsWith("tools.jackson.databind.")) {
      // a Jackson node, checked as the plain value it stands for; told by its name, not by
      // instanceof, so that extras of plain values (all that lift makes) load no Jackson class
      return nonFinite(dev.stskit.core.internal.PlainValues.of(v, at), at);
    }
    Iterable<?> children = v instanceof Map<?, ?> m ? m.values() : v instanceof Iterable<?> it ? it : null;
    if (children != null) {
      for (Object c : children) {
        String bad = nonFinite(c, at);
        if (bad != null) {
          return bad;
        }
      }
    }
    return null;
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Extras}. */
  final class Builder extends ImmutableExtras.Builder {}
}
