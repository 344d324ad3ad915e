package dev.stskit.gpu.internal;

import dev.stskit.gpu.AcceleratorVendor;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.TaskPriority;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The spec-file form of {@link GpuRequest}: a flat object keyed by {@code mode}. Fields are
 * written in a fixed order and only when set; unknown fields, wrong types and bad values are
 * refused with the field named ({@code gpu.cores: …}). One reader, {@link #read(Object)}, works
 * on plain Java values; the Jackson {@link Deserializer} hands it its tree as plain values.
 */
public final class GpuRequestJson {
  private static final Set<String> WHOLE = Set.of("mode", "count", "products");
  private static final Set<String> VGPU = Set.of("mode", "cards", "cores", "memory", "memoryPercent",
      "priority", "nodePolicy", "cardPolicy", "models", "avoidModels");
  private static final Set<String> MIG = Set.of("mode", "strategy", "profile", "count", "product");
  private static final Set<String> DYNAMIC_MIG = Set.of("mode", "strategy", "count", "memory",
      "cardPolicy", "nodePolicy");
  private static final Set<String> ACCELERATOR = Set.of("mode", "vendor", "model", "count", "memory", "cores");

  private GpuRequestJson() {}

  /** The spec-file form on one line, e.g. {@code {mode: vgpu, cards: 1, cores: 30}}: the requests' toString. */
  public static String describe(GpuRequest request) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : write(request).entrySet()) {
      sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append(": ");
      if (e.getValue() instanceof List<?> list) {
        sb.append('[').append(String.join(", ", list.stream().map(String::valueOf).toList())).append(']');
      } else {
        sb.append(e.getValue());
      }
    }
    return sb.append('}').toString();
  }

  /**
   * The spec-file form of a request as plain Java values: a {@code LinkedHashMap} in the form's
   * field order ({@code mode} first), holding {@code String}, {@code Integer} and {@code List} of
   * {@code String} values, set fields only. This is the one writer of the form: the Jackson {@link
   * Serializer} writes this map, and a spec file's databind-free writer writes it too.
   *
   * @param request the request
   * @return its fields, in the order they are written
   */
  public static Map<String, Object> write(GpuRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mode", request.mode());
    if (request instanceof GpuRequest.WholeCard w) {
      out.put("count", w.count());
      putList(out, "products", w.products());
    } else if (request instanceof GpuRequest.Vgpu v) {
      out.put("cards", v.cards());
      putInt(out, "cores", v.cores());
      v.memory().ifPresent(m -> out.put("memory", m.toString()));
      putInt(out, "memoryPercent", v.memoryPercent());
      v.priority().ifPresent(p -> out.put("priority", p.value()));
      v.nodePolicy().ifPresent(p -> out.put("nodePolicy", p.value()));
      v.cardPolicy().ifPresent(p -> out.put("cardPolicy", p.value()));
      putList(out, "models", v.models());
      putList(out, "avoidModels", v.avoidModels());
    } else if (request instanceof GpuRequest.Mig m) {
      out.put("strategy", m.strategy().value());
      out.put("profile", m.profile());
      out.put("count", m.count());
      m.product().ifPresent(p -> out.put("product", p));
    } else if (request instanceof GpuRequest.DynamicMig d) {
      out.put("strategy", "dynamic");
      out.put("count", d.count());
      out.put("memory", d.memory().toString());
      d.nodePolicy().ifPresent(p -> out.put("nodePolicy", p.value()));
      d.cardPolicy().ifPresent(p -> out.put("cardPolicy", p.value()));
    } else if (request instanceof GpuRequest.Accelerator a) {
      out.put("vendor", a.vendor().id());
      a.model().ifPresent(m -> out.put("model", m));
      out.put("count", a.count());
      a.memory().ifPresent(m -> out.put("memory", m.toString()));
      putInt(out, "cores", a.cores());
    }
    return out;
  }

  private static void putInt(Map<String, Object> out, String name, OptionalInt v) {
    if (v.isPresent()) {
      out.put(name, v.getAsInt());
    }
  }

  private static void putList(Map<String, Object> out, String name, List<String> values) {
    if (!values.isEmpty()) {
      out.put(name, List.copyOf(values));
    }
  }

  /** Writes a request in its spec-file form: the fields of {@link #write(GpuRequest)}. */
  public static final class Serializer extends ValueSerializer<GpuRequest> {
    /** Used by Jackson through {@code @JsonSerialize}. */
    public Serializer() {}

    @Override
    public void serialize(GpuRequest value, JsonGenerator g, SerializationContext ctxt) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : write(value).entrySet()) {
        g.writeName(e.getKey());
        Object v = e.getValue();
        if (v instanceof Integer n) {
          g.writeNumber(n);
        } else if (v instanceof List<?> list) {
          g.writeStartArray();
          for (Object s : list) {
            g.writeString((String) s);
          }
          g.writeEndArray();
        } else {
          g.writeString((String) v);
        }
      }
      g.writeEndObject();
    }
  }

  /**
   * Reads a request from its spec-file form held as plain Java values, as a spec file's fast path
   * (no Jackson databind) holds it: {@code Map} (a {@code LinkedHashMap}, key order as in the
   * file), {@code List}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
   * {@code Double}, {@code Boolean} and {@code null} — what Jackson's {@code readValue(text,
   * Object.class)} gives. This is the one reader of the form: the Jackson {@link Deserializer}
   * turns its tree into plain values and calls it, so both accept the same input, give the same
   * request and refuse with the same message.
   *
   * <p>A {@code null} field, or a field that is absent, is unset. An integer field takes an
   * integer that fits an {@code int} ({@code 30}; not {@code 30.0}, not {@code "30"});
   * {@code memory} takes an integer too, as MiB ({@code memory: 4096}). A {@code null} request
   * ({@code gpu: null}) is no request: Jackson never hands it to the reader, and the caller maps
   * it to an empty optional before calling this; given here, it is refused like any non-object.
   *
   * @param plain the value of a container's {@code gpu} field
   * @return the request it describes
   * @throws IllegalArgumentException naming the field ({@code gpu.cores: expected an integer, got
   *     "x"}) for a value that is not an object, an unknown mode, strategy or field, a value of
   *     the wrong type or a value the request refuses
   */
  public static GpuRequest read(Object plain) {
    if (!(plain instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("gpu: expected an object such as {mode: whole, count: 1}, got "
          + PlainValues.typeName(plain));
    }
    return new Reader(map).read();
  }

  /** Reads a request from its spec-file form through {@link #read(Object)}. */
  public static final class Deserializer extends ValueDeserializer<GpuRequest> {
    /** Used by Jackson through {@code @JsonDeserialize}. */
    public Deserializer() {}

    @Override
    public GpuRequest deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode node = ctxt.readTree(p);
      try {
        return read(PlainValues.fromTree(node));
      } catch (IllegalArgumentException e) {
        throw MismatchedInputException.from(p, GpuRequest.class, e.getMessage());
      }
    }
  }

  /**
   * Reads one request object in plain values. Messages quote a wrong value as JSON text
   * ({@link PlainValues#toJson}), as they did when this reader worked on Jackson trees.
   */
  private static final class Reader {
    private final Map<?, ?> node;

    Reader(Map<?, ?> node) {
      this.node = node;
    }

    GpuRequest read() {
      String mode = requiredString("mode");
      switch (mode) {
        case "whole":
          allow(WHOLE, mode);
          return GpuRequest.wholeCard(requiredInt("count"), strings("products"));
        case "vgpu":
          return vgpu();
        case "mig":
          return mig();
        case "accelerator":
          return accelerator();
        default:
          throw fail("gpu.mode: unknown mode '" + mode + "'; expected whole, vgpu, mig or accelerator");
      }
    }

    private GpuRequest vgpu() {
      allow(VGPU, "vgpu");
      GpuRequest.Vgpu.Builder b = GpuRequest.vgpu(requiredInt("cards"));
      optionalInt("cores").ifPresent(b::cores);
      optionalString("memory").map(m -> memory("memory", m)).ifPresent(b::memory);
      optionalInt("memoryPercent").ifPresent(b::memoryPercent);
      optionalString("priority").map(v -> parse("priority", v, TaskPriority::fromValue)).ifPresent(b::priority);
      policy("nodePolicy").ifPresent(b::nodePolicy);
      policy("cardPolicy").ifPresent(b::cardPolicy);
      b.addModel(strings("models").toArray(String[]::new));
      b.addAvoidModel(strings("avoidModels").toArray(String[]::new));
      return b.build();
    }

    private GpuRequest mig() {
      String strategy = optionalString("strategy").orElse("mixed");
      switch (strategy) {
        case "dynamic": {
          allow(DYNAMIC_MIG, "mig (strategy dynamic)");
          GpuMemory m = memory("memory", optionalString("memory")
              .orElseThrow(() -> fail("gpu.memory: required for strategy dynamic")));
          return new GpuRequest.DynamicMig(requiredInt("count"), m, policy("cardPolicy"), policy("nodePolicy"));
        }
        case "single":
        case "mixed": {
          allow(MIG, "mig");
          MigStrategy s = strategy.equals("single") ? MigStrategy.SINGLE : MigStrategy.MIXED;
          return new GpuRequest.Mig(requiredString("profile"), requiredInt("count"), s, optionalString("product"));
        }
        default:
          throw fail("gpu.strategy: unknown MIG strategy '" + strategy + "'; expected mixed, single or dynamic");
      }
    }

    private GpuRequest accelerator() {
      allow(ACCELERATOR, "accelerator");
      AcceleratorVendor v = parse("vendor", requiredString("vendor"), AcceleratorVendor::fromId);
      GpuRequest.Accelerator.Builder b = GpuRequest.accelerator(v, requiredInt("count"));
      optionalString("model").ifPresent(b::model);
      optionalString("memory").map(m -> memory("memory", m)).ifPresent(b::memory);
      optionalInt("cores").ifPresent(b::cores);
      return b.build();
    }

    private void allow(Set<String> allowed, String mode) {
      for (Object key : node.keySet()) {
        String name = String.valueOf(key);
        if (!allowed.contains(name)) {
          List<String> sorted = new ArrayList<>(allowed);
          sorted.sort(null);
          throw fail("gpu." + name + ": unknown field for mode " + mode + "; allowed: " + sorted);
        }
      }
    }

    private Optional<SchedulingPolicy> policy(String name) {
      return optionalString(name).map(v -> parse(name, v, SchedulingPolicy::fromValue));
    }

    private static <T> T parse(String name, String value, Function<String, T> f) {
      try {
        return f.apply(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("gpu." + name + ": " + e.getMessage(), e);
      }
    }

    private GpuMemory memory(String name, String text) {
      return parse(name, text, GpuMemory::parse);
    }

    private String requiredString(String name) {
      return optionalString(name).orElseThrow(() -> fail("gpu." + name + ": required"));
    }

    /** A string; an integer is accepted too and kept as its digits (memory: 4096 means MiB). */
    private Optional<String> optionalString(String name) {
      Object v = node.get(name);
      if (v == null) {
        return Optional.empty();
      }
      if (v instanceof String s) {
        return Optional.of(s);
      }
      if (PlainValues.isIntegral(v) && name.equals("memory")) {
        return Optional.of(v.toString());
      }
      throw fail("gpu." + name + ": expected a string, got " + PlainValues.toJson(v));
    }

    private int requiredInt(String name) {
      OptionalInt v = optionalInt(name);
      if (v.isEmpty()) {
        throw fail("gpu." + name + ": required");
      }
      return v.getAsInt();
    }

    private OptionalInt optionalInt(String name) {
      Object v = node.get(name);
      if (v == null) {
        return OptionalInt.empty();
      }
      if (!PlainValues.isInt(v)) {
        throw fail("gpu." + name + ": expected an integer, got " + PlainValues.toJson(v));
      }
      return OptionalInt.of(((Number) v).intValue());
    }

    private List<String> strings(String name) {
      Object v = node.get(name);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof Collection<?> list)) {
        throw fail("gpu." + name + ": expected a list of strings, got " + PlainValues.toJson(v));
      }
      List<String> out = new ArrayList<>();
      int i = 0;
      for (Object e : list) {
        if (!(e instanceof String s)) {
          throw fail("gpu." + name + "[" + i + "]: expected a string, got " + PlainValues.toJson(e));
        }
        out.add(s);
        i++;
      }
      return out;
    }

    private static IllegalArgumentException fail(String message) {
      return new IllegalArgumentException(message);
    }
  }
}
