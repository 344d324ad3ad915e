package dev.stskit.cluster;

/** What applying one object did, as {@code kubectl apply} prints it. */
public enum Outcome {
  /** The object did not exist and was created. */
  CREATED,
  /** The object existed and changed. */
  CONFIGURED,
  /** The object existed and applying changed nothing. */
  UNCHANGED;

  /**
   * {@code created}, {@code configured}, {@code unchanged}.
   *
   * @return the word kubectl prints for it
   */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
