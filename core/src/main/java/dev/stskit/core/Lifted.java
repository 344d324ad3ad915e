package dev.stskit.core;

import java.util.List;

/**
 * The result of {@link StatefulSetSpec#lift}: the spec, the field paths of what it carries
 * verbatim (in {@link Extras}, or as raw volumes and env entries) because the form has no field
 * for them, and warnings about what lift removed. StatefulSet paths are plain ({@code
 * spec.template.spec.securityContext.fsGroup}); Service paths are prefixed with the Service
 * ({@code Service mysql: spec.publishNotReadyAddresses}); a field the form always writes but the
 * input lacks ends in {@code " (absent)"}.
 *
 * @param spec the spec
 * @param notRepresented paths kept verbatim, in document order
 * @param warnings what lift removed from the input and why, one sentence each, starting with the
 *     field path ({@code metadata.ownerReferences removed: …}); the form asks for a warning when
 *     an imported object loses its {@code ownerReferences}
 */
public record Lifted(StatefulSetSpec spec, List<String> notRepresented, List<String> warnings) {
  /**
   * Copies the lists.
   *
   * @param spec the spec
   * @param notRepresented paths kept verbatim, in document order
   * @param warnings what lift removed from the input and why
   */
  public Lifted {
    notRepresented = List.copyOf(notRepresented);
    warnings = List.copyOf(warnings);
  }

  /**
   * A result without warnings.
   *
   * @param spec the spec
   * @param notRepresented paths kept verbatim, in document order
   */
  public Lifted(StatefulSetSpec spec, List<String> notRepresented) {
    this(spec, notRepresented, List.of());
  }
}
