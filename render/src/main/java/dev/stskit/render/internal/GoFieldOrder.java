package dev.stskit.render.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes Go struct field order of every API type a StatefulSet or a Service can hold,
 * loaded from {@code go-field-order.txt} (which cites the Go sources it was taken from).
 */
public final class GoFieldOrder {

  private static final Map<String, List<String>> ORDER = load();

  private GoFieldOrder() {}

  /** The JSON names of the Go struct's fields in declaration order, or {@code null} if unknown. */
  public static List<String> orderOf(String simpleClassName) {
    return ORDER.get(simpleClassName);
  }

  /** All type names in the table. */
  public static java.util.Set<String> typeNames() {
    return ORDER.keySet();
  }

  private static Map<String, List<String>> load() {
    Map<String, List<String>> out = new HashMap<>();
    try (InputStream in = GoFieldOrder.class.getResourceAsStream("go-field-order.txt")) {
      if (in == null) {
        throw new IllegalStateException("go-field-order.txt is missing from the render jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        String name = line.substring(0, colon).strip();
        String rest = line.substring(colon + 1).strip();
        List<String> fields = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        if (out.put(name, List.copyOf(fields)) != null) {
          throw new IllegalStateException("go-field-order.txt lists " + name + " twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
