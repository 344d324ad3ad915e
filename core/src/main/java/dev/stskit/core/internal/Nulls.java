package dev.stskit.core.internal;

import java.util.List;
import java.util.Map;

/** Null-safe views of fabric8 collections, which may be null after deserialization. */
final class Nulls {
  private Nulls() {}

  /** {@code list}, or an empty list for {@code null}. */
  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** {@code map}, or an empty map for {@code null}. */
  static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
