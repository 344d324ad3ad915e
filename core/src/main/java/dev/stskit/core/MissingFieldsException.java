package dev.stskit.core;

import java.util.List;

/**
 * Thrown by a builder's {@code build()} when required fields were not set, e.g. {@code
 * StatefulSetSpec.builder().build()}: a {@link SpecException} whose {@link #path()} is the first
 * missing field and whose {@link #problem()} is {@code required}. Every builder of the core
 * module throws it; catch {@link SpecException} to handle it with the other spec errors.
 */
public final class MissingFieldsException extends SpecException {
  private static final long serialVersionUID = 1L;

  /**
   * The missing fields, as the spec file spells them.
   */
  private final List<String> fields;

  /**
   * Called by the generated builders with the names of the fields they lack.
   *
   * @param fields names of the missing fields, as the builder and the spec file spell them
   */
  public MissingFieldsException(String... fields) {
    super(fields.length == 0 ? "" : fields[0], "required");
    this.fields = List.of(fields);
  }

  /**
   * The names of all missing fields, in declaration order.
   *
   * @return the missing fields' names, the first one being {@link #path()}
   */
  public List<String> fields() {
    return fields;
  }
}
