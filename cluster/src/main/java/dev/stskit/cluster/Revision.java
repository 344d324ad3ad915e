package dev.stskit.cluster;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;

/**
 * One revision of a StatefulSet's pod template.
 *
 * @param number {@code .revision}, growing with each template change
 * @param name the ControllerRevision's name ({@code <statefulset>-<hash>})
 * @param created its creation timestamp (RFC 3339), empty if unknown
 * @param current whether it is the StatefulSet's {@code status.updateRevision}
 * @param object the ControllerRevision as read
 */
public record Revision(long number, String name, String created, boolean current, ControllerRevision object) {
  /**
   * {@code 3  web-5d8f7  2026-12-03T12:00:00Z  (current)}.
   *
   * @return the line {@code history} prints for it
   */
  public String line() {
    return number + "  " + name + "  " + created + (current ? "  (current)" : "");
  }
}
