package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.gpu.internal.PlainValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Generated {@code gpu} objects — known and unknown fields, values of every JSON type, numbers
 * at the int, long and double edges, strings with quotes and control characters — read by the
 * plain path and the Jackson path give the same request or the same message.
 */
class GpuRequestPlainReadProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final List<String> FIELDS = List.of("mode", "count", "products", "cards", "cores", "memory",
      "memoryPercent", "priority", "nodePolicy", "cardPolicy", "models", "avoidModels", "strategy", "profile",
      "product", "vendor", "model", "gpucores");
  private static final Map<String, List<String>> FIELDS_OF = Map.of(
      "whole", List.of("count", "products"),
      "vgpu", List.of("cards", "cores", "memory", "memoryPercent", "priority", "nodePolicy", "cardPolicy", "models",
          "avoidModels"),
      "mig", List.of("strategy", "profile", "count", "product", "memory", "cardPolicy", "nodePolicy"),
      "accelerator", List.of("vendor", "model", "count", "memory", "cores"));

  @Property(tries = 1000)
  void plainAndJacksonAgree(@ForAll("gpuObjects") Map<String, Object> gpu) {
    String json = JSON.writeValueAsString(gpu);
    GpuRequestPlainReadTest.Outcome plain = GpuRequestPlainReadTest.Outcome.plain(JSON, json);
    assertThat(plain).as(json).isEqualTo(GpuRequestPlainReadTest.Outcome.jackson(JSON, json));
    Statistics.label("outcome").collect(plain.request() == null ? "refused" : plain.request().mode());
    Statistics.label("outcome").coverage(c -> {
      c.check("refused").percentage(p -> p < 98);
      c.check("whole").count(n -> n > 0);
      c.check("vgpu").count(n -> n > 0);
      c.check("accelerator").count(n -> n > 0);
    });

    String yaml = YAML.writeValueAsString(gpu);
    assertThat(GpuRequestPlainReadTest.Outcome.plain(YAML, yaml)).as(yaml)
        .isEqualTo(GpuRequestPlainReadTest.Outcome.jackson(YAML, yaml));
  }

  /** What the messages quote: the JSON text of a plain value is the Jackson tree's toString. */
  @Property(tries = 1000)
  void jsonTextOfAPlainValueIsTheTreesToString(@ForAll("values") Object value) {
    String json = JSON.writeValueAsString(value);
    JsonNode tree = JSON.readTree(json);
    Object plain = JSON.readValue(json, Object.class);
    assertThat(PlainValues.toJson(plain)).isEqualTo(tree.toString());
    assertThat(PlainValues.toJson(PlainValues.fromTree(tree))).isEqualTo(tree.toString());
    assertThat(PlainValues.typeName(plain)).isEqualTo(tree.getNodeType().name());
    assertThat(PlainValues.isIntegral(plain)).isEqualTo(tree.isIntegralNumber());
    assertThat(PlainValues.isInt(plain)).isEqualTo(tree.isIntegralNumber() && tree.canConvertToInt());
  }

  /**
   * A {@code gpu} object: mostly a known mode with a subset of that mode's fields, each holding a
   * plausible value (valid or near it) or any JSON value, sometimes with a field of another mode
   * or an unknown one; or a mode that is not one, with any fields.
   */
  @Provide
  Arbitrary<Map<String, Object>> gpuObjects() {
    return Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.<Object>of("whole", "vgpu", "mig", "accelerator")),
            Tuple.of(1, Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.<Object>of("Whole", "x", "")),
                Tuple.of(1, values()))))
        .flatMap(mode -> {
          List<String> names = mode instanceof String m ? FIELDS_OF.getOrDefault(m, FIELDS) : FIELDS;
          List<Arbitrary<Optional<Tuple.Tuple2<String, Object>>>> fields = new ArrayList<>();
          for (String name : names) {
            fields.add(field(name, 0.35));
          }
          fields.add(Arbitraries.of(FIELDS).flatMap(name -> field(name, 0.9)));
          return Combinators.combine(fields).as(present -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mode", mode);
            present.forEach(f -> f.ifPresent(t -> out.put(t.get1(), t.get2())));
            return out;
          });
        });
  }

  /** A field, absent with the given probability, else holding a plausible value or any value. */
  private Arbitrary<Optional<Tuple.Tuple2<String, Object>>> field(String name, double absent) {
    return Arbitraries.frequencyOf(Tuple.of(6, likely(name)), Tuple.of(1, values()))
        .map(v -> Optional.of(Tuple.of(name, v)))
        .injectNull(absent).map(o -> o == null ? Optional.empty() : o);
  }

  /** Values a field of this name plausibly holds, valid or near it. */
  private static Arbitrary<Object> likely(String name) {
    Arbitrary<Object> smallInts = Arbitraries.integers().between(-1, 110).map(i -> (Object) i);
    switch (name) {
      case "mode":
        return Arbitraries.<Object>of("whole", "vgpu", "mig", "accelerator");
      case "count":
      case "cards":
      case "cores":
      case "memoryPercent":
        return smallInts;
      case "memory":
        return Arbitraries.<Object>of("4Gi", "3000Mi", "3000M", "512Mi", "300Mi", "8000", "0", "2Ti", 4096, 256, 3000000000L);
      case "priority":
        return Arbitraries.<Object>of("high", "normal", "urgent");
      case "nodePolicy":
      case "cardPolicy":
        return Arbitraries.<Object>of("binpack", "spread", "packed", "binpack,numa");
      case "products":
      case "models":
      case "avoidModels":
        return Arbitraries.of("A100", "V100", "NVIDIA-A100-SXM4-80GB", "Tesla-T4", "a b", "")
            .list().ofMaxSize(3).map(l -> (Object) l);
      case "strategy":
        return Arbitraries.<Object>of("mixed", "single", "dynamic", "auto");
      case "profile":
        return Arbitraries.<Object>of("1g.10gb", "1g.5gb", "1g.5gb+me", "3g.20gb", "1g.11gb", "7g.80gb");
      case "product":
        return Arbitraries.<Object>of("A100-SXM4-40GB", "A100-SXM4-80GB", "Future-GPU-9000");
      case "vendor":
        return Arbitraries.<Object>of("ascend", "cambricon", "metax", "mthreads", "iluvatar", "nvidia");
      case "model":
        return Arbitraries.<Object>of("Ascend910B3", "Ascend310P", "X");
      default:
        return smallInts;
    }
  }

  /** Any JSON value, nested at most twice. */
  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.lazyOf(GpuRequestPlainReadProperties::scalars,
        () -> scalars().list().ofMaxSize(3).map(l -> (Object) l),
        () -> Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), scalars()).ofMaxSize(3)
            .map(m -> (Object) new LinkedHashMap<>(m)),
        () -> Arbitraries.lazy(this::values).list().ofMaxSize(2).map(l -> (Object) l));
  }

  private static Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.<Object>of(0, 1, -1, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, (long) Integer.MAX_VALUE + 1,
            (long) Integer.MIN_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE,
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), new BigInteger("-99999999999999999999")),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.<Object>of(1.0, -0.0, 30.0, 1e10, 2e23, 1e-7, 5e-324, Double.MAX_VALUE, 12345678.0, 0.1),
        Arbitraries.<Object>of(true, false),
        Arbitraries.<Object>just(null),
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.strings().withChars("\"\\\n\t\r\b\f\u0000\u0001\u001f\u007f\u2028é中/ a")
            .ofMaxLength(6).map(s -> (Object) s),
        Arbitraries.of("4Gi", "binpack", "1g.10gb", "", " ").map(s -> (Object) s));
  }
}
