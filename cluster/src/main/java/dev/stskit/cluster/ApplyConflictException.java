package dev.stskit.cluster;

import java.util.List;

/**
 * Server-side apply refused: fields sts-kit sets are owned by another field manager. Apply again
 * with {@link ApplyOptions#force()} to take them over, or leave them out of the spec.
 */
public class ApplyConflictException extends ClusterException {
  private static final long serialVersionUID = 1L;

  private final transient List<Conflict> conflicts;

  /**
   * A server-side apply refused because other field managers own fields it sets.
   *
   * @param message one line naming the object and the conflicting fields
   * @param conflicts each conflicting field with the manager that owns it
   * @param cause the API server's refusal
   */
  public ApplyConflictException(String message, List<Conflict> conflicts, Throwable cause) {
    super(message, 409, cause);
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * Each conflicting field with the manager that owns it.
   *
   * @return the conflicts, in the API server's order
   */
  public List<Conflict> conflicts() {
    return conflicts;
  }

  /**
   * One conflicting field.
   *
   * @param field the field as the API server names it, e.g. {@code .spec.replicas}
   * @param manager the field manager that owns it, e.g. {@code kubectl-edit}
   */
  public record Conflict(String field, String manager) {}
}
