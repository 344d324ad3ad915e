package dev.stskit.core;

import java.util.List;

/**
 * The result of {@link StatefulSetSpec#lift}: the spec and the field paths of what it carries
 * verbatim (in {@link Extras}, or as raw volumes and env entries) because the form has no field
 * for them. StatefulSet paths are plain ({@code spec.template.spec.securityContext.fsGroup});
 * Service paths are prefixed with the Service ({@code Service mysql: spec.publishNotReadyAddresses});
 * a field the form always writes but the input lacks ends in {@code " (absent)"}.
 *
 * @param spec the spec
 * @param notRepresented paths kept verbatim, in document order
 */
public record Lifted(StatefulSetSpec spec, List<String> notRepresented) {
  public Lifted {
    notRepresented = List.copyOf(notRepresented);
  }
}
