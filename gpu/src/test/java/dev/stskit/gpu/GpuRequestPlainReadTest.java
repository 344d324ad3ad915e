package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.gpu.internal.GpuRequestJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * {@link GpuRequestJson#read(Object)} (plain values, no databind) against the Jackson path
 * ({@code readValue(text, GpuRequest.class)}): for each input the same request, or a refusal with
 * the same message. The plain value is what Jackson's untyped reading of the same text gives.
 */
class GpuRequestPlainReadTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  /** YAML 1.2 core schema, as core's spec reader: {@code 0x1F} and {@code 0o17} are integers. */
  private static final YAMLMapper YAML_CORE = YAMLMapper.builder(
      YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build()).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A request, or the message of the refusal. */
  record Outcome(GpuRequest request, String refusal) {
    static Outcome jackson(ObjectMapper mapper, String text) {
      try {
        return new Outcome(mapper.readValue(text, GpuRequest.class), null);
      } catch (JacksonException e) {
        return new Outcome(null, e.getOriginalMessage());
      }
    }

    static Outcome plain(ObjectMapper mapper, String text) {
      Object plain = mapper.readValue(text, Object.class);
      try {
        return new Outcome(GpuRequestJson.read(plain), null);
      } catch (IllegalArgumentException e) {
        return new Outcome(null, e.getMessage());
      }
    }
  }

  /** Valid and invalid inputs of every mode and field, in YAML flow style. */
  static final List<String> CASES = List.of(
      // not an object
      "[1, 2]", "abc", "'abc'", "5", "1.5", "true", "!!binary aGVsbG8=", "[]", "{}",
      // mode
      "{count: 1}", "{mode: null, count: 1}", "{mode: 5, count: 1}", "{mode: true}", "{mode: [whole]}",
      "{mode: {a: b}}", "{mode: Whole, count: 1}", "{mode: '', count: 1}", "{mode: fractional, count: 1}",
      "{mode: 1.5}", "{mode: !!binary aGVsbG8=}",
      // whole
      "{mode: whole, count: 2}", "{mode: whole, count: 1, products: [NVIDIA-A100-SXM4-80GB]}",
      "{mode: whole, count: 1, products: [Tesla-T4, NVIDIA-A100-SXM4-80GB]}",
      "{mode: whole, count: 1, products: [Tesla-T4, Tesla-T4]}", "{mode: whole, count: 1, products: [1]}",
      "{mode: whole, count: 1, products: [a, null]}", "{mode: whole, count: 1, products: [[a]]}",
      "{mode: whole, count: 1, products: [{a: 1}]}", "{mode: whole, count: 1, products: a}",
      "{mode: whole, count: 1, products: {a: 1}}", "{mode: whole, count: 1, products: null}",
      "{mode: whole, count: 1, products: []}", "{mode: whole, count: 1, products: ['']}",
      "{mode: whole, count: 1, products: ['a b']}", "{mode: whole, count: 1, products: [1.5, true]}",
      "{mode: whole, count: 0}", "{mode: whole, count: -1}", "{mode: whole, count: '1'}",
      "{mode: whole, count: 1.0}", "{mode: whole, count: 1.5}", "{mode: whole, count: -0.0}",
      "{mode: whole, count: 2147483647}", "{mode: whole, count: 2147483648}", "{mode: whole, count: -2147483648}",
      "{mode: whole, count: -2147483649}", "{mode: whole, count: 3000000000}",
      "{mode: whole, count: 99999999999999999999}", "{mode: whole, count: -99999999999999999999}",
      "{mode: whole, count: 1e3}", "{mode: whole, count: 2e23}", "{mode: whole, count: true}",
      "{mode: whole, count: null}", "{mode: whole}", "{mode: whole, count: [1]}", "{mode: whole, count: {a: 1}}",
      "{mode: whole, count: 0x10}", "{mode: whole, count: 0o17}", "{mode: whole, count: 010}",
      "{mode: whole, count: +5}", "{mode: whole, count: 1_000}", "{mode: whole, count: .inf}",
      "{mode: whole, count: -.inf}", "{mode: whole, count: .nan}", "{mode: whole, count: ~}",
      "{mode: whole, count: !!binary aGVsbG8=}", "{mode: whole, count: 1, memory: 4Gi}",
      "{mode: whole, count: 1, memory: null}", "{count: 1, mode: whole, cards: 1}",
      "{mode: whole, count: 1, 5: x}", "{mode: whole, count: 1, \"we\\\"ird\\tkey\": 1}",
      // vgpu
      "{mode: vgpu, cards: 1, cores: 30, memory: 4Gi, nodePolicy: binpack, cardPolicy: spread,"
          + " priority: high, models: [A100]}",
      "{mode: vgpu, cards: 1}", "{mode: vgpu}", "{mode: vgpu, cards: 0}", "{mode: vgpu, cards: '1'}",
      "{mode: vgpu, cards: 1, cores: 0}", "{mode: vgpu, cards: 1, cores: 100}", "{mode: vgpu, cards: 1, cores: 101}",
      "{mode: vgpu, cards: 1, cores: -1}", "{mode: vgpu, cards: 1, cores: x}", "{mode: vgpu, cards: 1, cores: '30'}",
      "{mode: vgpu, cards: 1, cores: 30%}", "{mode: vgpu, cards: 1, cores: 30.0}", "{mode: vgpu, cards: 1, cores: 1e10}",
      "{mode: vgpu, cards: 1, cores: 0.001}", "{mode: vgpu, cards: 1, cores: 12345678.0}",
      "{mode: vgpu, cards: 1, cores: 1.00000000000000000001}", "{mode: vgpu, cards: 1, cores: 5e-324}",
      "{mode: vgpu, cards: 1, cores: \"a\\\"b\\\\c\\u0001\\u001f\\t\\n\\r\\b\\f/\\u007f\\u2028é中\"}",
      "{mode: vgpu, cards: 1, cores: \"\\U0001F600\"}", "{mode: vgpu, cards: 1, cores: {a: [1, {b: null}], c: \"x\"}}",
      "{mode: vgpu, cards: 1, cores: [1, 2.5, true, null, x]}", "{mode: vgpu, cards: 1, cores: []}",
      "{mode: vgpu, cards: 1, cores: {}}", "{mode: vgpu, cards: 1, cores: null}",
      "{mode: vgpu, cards: 1, memory: 4Gi}", "{mode: vgpu, cards: 1, memory: 4096}", "{mode: vgpu, cards: 1, memory: '4096'}",
      "{mode: vgpu, cards: 1, memory: 3000Mi}", "{mode: vgpu, cards: 1, memory: 3000M}", "{mode: vgpu, cards: 1, memory: 0}",
      "{mode: vgpu, cards: 1, memory: -1}", "{mode: vgpu, cards: 1, memory: 3000000000}",
      "{mode: vgpu, cards: 1, memory: 99999999999999999999}", "{mode: vgpu, cards: 1, memory: 4.5}",
      "{mode: vgpu, cards: 1, memory: 4096.0}", "{mode: vgpu, cards: 1, memory: true}",
      "{mode: vgpu, cards: 1, memory: [4Gi]}", "{mode: vgpu, cards: 1, memory: 0x1000}",
      "{mode: vgpu, cards: 1, memory: 2Ti}", "{mode: vgpu, cards: 1, memory: ''}",
      "{mode: vgpu, cards: 1, memoryPercent: 50}", "{mode: vgpu, cards: 1, memoryPercent: 0}",
      "{mode: vgpu, cards: 1, memoryPercent: 101}", "{mode: vgpu, cards: 1, memoryPercent: 50%}",
      "{mode: vgpu, cards: 1, memory: 4Gi, memoryPercent: 50}", "{mode: vgpu, cards: 1, memory: 4Gi, memoryPercent: null}",
      "{mode: vgpu, cards: 1, priority: high}", "{mode: vgpu, cards: 1, priority: normal}",
      "{mode: vgpu, cards: 1, priority: urgent}", "{mode: vgpu, cards: 1, priority: 0}",
      "{mode: vgpu, cards: 1, priority: HIGH}", "{mode: vgpu, cards: 1, nodePolicy: binpack}",
      "{mode: vgpu, cards: 1, nodePolicy: spread}", "{mode: vgpu, cards: 1, nodePolicy: packed}",
      "{mode: vgpu, cards: 1, nodePolicy: 'binpack,numa'}", "{mode: vgpu, cards: 1, nodePolicy: 5}",
      "{mode: vgpu, cards: 1, nodePolicy: null}", "{mode: vgpu, cards: 1, cardPolicy: spread}",
      "{mode: vgpu, cards: 1, cardPolicy: [spread]}", "{mode: vgpu, cards: 1, cardPolicy: topology-aware}",
      "{mode: vgpu, cards: 1, models: [A100]}", "{mode: vgpu, cards: 1, models: [A100, A100]}",
      "{mode: vgpu, cards: 1, models: [A100, V100], avoidModels: [T4]}", "{mode: vgpu, cards: 1, models: [1]}",
      "{mode: vgpu, cards: 1, models: A100}", "{mode: vgpu, cards: 1, models: ['A100,V100']}",
      "{mode: vgpu, cards: 1, avoidModels: [V100]}", "{mode: vgpu, cards: 1, avoidModels: [V100, 3]}",
      "{mode: vgpu, cards: 1, models: [A100], avoidModels: [A100]}", "{mode: vgpu, cards: 1, models: [' ']}",
      "{mode: vgpu, cards: 1, gpucores: 30}", "{gpucores: 30, mode: vgpu, cards: 1}",
      "{mode: vgpu, cards: x, cores: y}", "{mode: vgpu, cards: 1, cores: y, memory: z}",
      "{mode: vgpu, cards: 1, count: 1}", "{mode: vgpu, cards: 2147483648}",
      // mig
      "{mode: mig, profile: 1g.10gb, count: 1, strategy: mixed}", "{mode: mig, profile: 1g.10gb, count: 1}",
      "{mode: mig, profile: 1g.5gb+me, count: 1}", "{mode: mig, profile: 1g.11gb, count: 1}",
      "{mode: mig, profile: x, count: 1}", "{mode: mig, profile: 5, count: 1}", "{mode: mig, count: 1}",
      "{mode: mig, profile: 1g.10gb}", "{mode: mig, profile: 1g.10gb, count: 0}",
      "{mode: mig, strategy: single, profile: 1g.5gb, count: 2, product: A100-SXM4-40GB}",
      "{mode: mig, strategy: single, profile: 1g.5gb, count: 2}",
      "{mode: mig, strategy: single, profile: 3g.20gb, count: 1, product: A100-SXM4-80GB}",
      "{mode: mig, strategy: single, profile: 1g.5gb, count: 1, product: Future-GPU-9000}",
      "{mode: mig, strategy: single, profile: 1g.5gb, count: 1, product: 5}",
      "{mode: mig, strategy: single, profile: 1g.5gb, count: 1, product: 'a b'}",
      "{mode: mig, strategy: mixed, profile: 1g.10gb, count: 1, product: A100-SXM4-80GB}",
      "{mode: mig, strategy: auto, profile: 1g.10gb, count: 1}", "{mode: mig, strategy: 5, profile: 1g.10gb, count: 1}",
      "{mode: mig, strategy: null, profile: 1g.10gb, count: 1}", "{mode: mig, strategy: Single, profile: 1g.10gb, count: 1}",
      "{mode: mig, profile: 1g.10gb, count: 1, memory: 4Gi}", "{mode: mig, profile: 1g.10gb, count: 1, cardPolicy: spread}",
      "{mode: mig, strategy: dynamic, count: 2, memory: 8000Mi}", "{mode: mig, strategy: dynamic, count: 2, memory: 8000}",
      "{mode: mig, strategy: dynamic, count: 2}", "{mode: mig, strategy: dynamic, count: 2, memory: null}",
      "{mode: mig, strategy: dynamic, memory: 8000Mi}", "{mode: mig, strategy: dynamic, count: 0, memory: 8000Mi}",
      "{mode: mig, strategy: dynamic, count: 1, memory: 8000Mi, cardPolicy: spread, nodePolicy: binpack}",
      "{mode: mig, strategy: dynamic, count: 1, memory: 8000Mi, cardPolicy: wide}",
      "{mode: mig, strategy: dynamic, count: 1, memory: 8000Mi, profile: 1g.10gb}",
      "{mode: mig, strategy: dynamic, count: 1, memory: 3000000000}",
      "{mode: mig, strategy: dynamic, count: 1, memory: 99999999999999999999}",
      "{mode: mig, strategy: dynamic, count: 1, memory: [1]}",
      // accelerator
      "{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1, memory: 4Gi, cores: 20}",
      "{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1}", "{mode: accelerator, vendor: ascend, count: 1}",
      "{mode: accelerator, vendor: ascend, model: Tesla-T4, count: 1}", "{mode: accelerator, vendor: ascend, model: 5, count: 1}",
      "{mode: accelerator, vendor: nvidia, count: 1}", "{mode: accelerator, vendor: 5, count: 1}",
      "{mode: accelerator, count: 1}", "{mode: accelerator, vendor: ascend, model: Ascend910B3}",
      "{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 0}",
      "{mode: accelerator, vendor: cambricon, count: 1, memory: 512Mi}",
      "{mode: accelerator, vendor: cambricon, count: 1, memory: 300Mi}", "{mode: accelerator, vendor: cambricon, count: 1, memory: 256}",
      "{mode: accelerator, vendor: cambricon, count: 1, cores: 200}", "{mode: accelerator, vendor: metax, count: 1}",
      "{mode: accelerator, vendor: metax, count: 1, memory: 4Gi}", "{mode: accelerator, vendor: metax, count: 1, cores: 10}",
      "{mode: accelerator, vendor: metax, model: X, count: 1}", "{mode: accelerator, vendor: mthreads, count: 1, memory: 512Mi}",
      "{mode: accelerator, vendor: mthreads, count: 1, memory: 700Mi}", "{mode: accelerator, vendor: iluvatar, count: 1, memory: 1Gi, cores: 50}",
      "{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1, cards: 1}",
      "{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1, cores: 1.5}");

  static Stream<String> cases() {
    return CASES.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void plainAndJacksonAgreeOnYaml(String text) {
    assertThat(Outcome.plain(YAML, text)).isEqualTo(Outcome.jackson(YAML, text));
    assertThat(Outcome.plain(YAML_CORE, text)).isEqualTo(Outcome.jackson(YAML_CORE, text));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void plainAndJacksonAgreeOnTheSameInputAsJson(String text) {
    String json = JSON.writeValueAsString(YAML_CORE.readValue(text, Object.class));
    assertThat(Outcome.plain(JSON, json)).isEqualTo(Outcome.jackson(JSON, json));
  }

  @Test
  void plainAndJacksonAgreeOnJsonNumbersAndStrings() {
    for (String json : List.of("{\"mode\":\"whole\",\"count\":1e400}", "{\"mode\":\"whole\",\"count\":-1e400}",
        "{\"mode\":\"whole\",\"count\":12345678901234567890}", "{\"mode\":\"whole\",\"count\":1E2}",
        "{\"mode\":\"whole\",\"count\":-0}", "{\"mode\":\"whole\",\"count\":1.0e-10}",
        "{\"mode\":\"vgpu\",\"cards\":1,\"cores\":\"a\\ud800b\"}",
        "{\"mode\":\"vgpu\",\"cards\":1,\"cores\":\"\\u0000\\u001f\\b\\f\\n\\r\\\"\\\\/\"}",
        "{\"mode\":\"vgpu\",\"cards\":1,\"memory\":12345678901234567890}",
        "{\"mode\":\"vgpu\",\"cards\":1,\"cores\":{\"a\\n\":[1,{\"b\":null}]}}",
        "{\"mode\":\"vgpu\",\"cards\":1,\"we\\\"ird\":1}", "[{\"mode\":\"whole\",\"count\":1}]", "\"x\"", "0")) {
      assertThat(Outcome.plain(JSON, json)).as(json).isEqualTo(Outcome.jackson(JSON, json));
    }
  }

  /** Sanity of the table: both kinds of outcome occur, in every mode. */
  @Test
  void theCasesHoldRequestsOfEveryModeAndRefusals() {
    List<GpuRequest> accepted = new ArrayList<>();
    int refused = 0;
    for (String text : CASES) {
      Outcome o = Outcome.plain(YAML, text);
      if (o.request() != null) {
        accepted.add(o.request());
      } else {
        refused++;
      }
    }
    assertThat(accepted).hasAtLeastOneElementOfType(GpuRequest.WholeCard.class)
        .hasAtLeastOneElementOfType(GpuRequest.Vgpu.class).hasAtLeastOneElementOfType(GpuRequest.Mig.class)
        .hasAtLeastOneElementOfType(GpuRequest.DynamicMig.class)
        .hasAtLeastOneElementOfType(GpuRequest.Accelerator.class);
    assertThat(accepted).hasSizeGreaterThan(30);
    assertThat(refused).isGreaterThan(100);
  }

  /** The messages are the ones the Jackson reader gave before it read plain values. */
  @Test
  void messagesQuoteTheValueAsJsonText() {
    assertThat(refusal("{mode: vgpu, cards: 1, cores: x}")).isEqualTo("gpu.cores: expected an integer, got \"x\"");
    assertThat(refusal("{mode: vgpu, cards: 1, cores: 30.0}")).isEqualTo("gpu.cores: expected an integer, got 30.0");
    assertThat(refusal("{mode: vgpu, cards: 1, cores: 1e10}")).isEqualTo("gpu.cores: expected an integer, got 1.0E10");
    assertThat(refusal("{mode: vgpu, cards: 1, cores: .inf}")).isEqualTo("gpu.cores: expected an integer, got \"Infinity\"");
    assertThat(refusal("{mode: whole, count: 3000000000}")).isEqualTo("gpu.count: expected an integer, got 3000000000");
    assertThat(refusal("{mode: vgpu, cards: 1, cores: \"a\\\"b\\u0001\\u001f\\n\"}"))
        .isEqualTo("gpu.cores: expected an integer, got \"a\\\"b\\u0001\\u001F\\n\"");
    assertThat(refusal("{mode: vgpu, cards: 1, cores: {a: [1, {b: null}], c: \"x\"}}"))
        .isEqualTo("gpu.cores: expected an integer, got {\"a\":[1,{\"b\":null}],\"c\":\"x\"}");
    assertThat(refusal("{mode: whole, count: 1, products: [a, 1]}"))
        .isEqualTo("gpu.products[1]: expected a string, got 1");
    assertThat(refusal("{mode: whole, count: 1, products: a}"))
        .isEqualTo("gpu.products: expected a list of strings, got \"a\"");
    assertThat(refusal("{mode: 5}")).isEqualTo("gpu.mode: expected a string, got 5");
    assertThat(refusal("{mode: vgpu, cards: 1, memory: true}")).isEqualTo("gpu.memory: expected a string, got true");
    assertThat(refusal("[1, 2]")).isEqualTo("gpu: expected an object such as {mode: whole, count: 1}, got ARRAY");
    assertThat(refusal("abc")).isEqualTo("gpu: expected an object such as {mode: whole, count: 1}, got STRING");
    assertThat(refusal("{mode: vgpu, cards: 1, gpucores: 30}")).startsWith("gpu.gpucores: unknown field for mode vgpu; allowed: [");
  }

  private static String refusal(String yaml) {
    Outcome plain = Outcome.plain(YAML, yaml);
    assertThat(plain.refusal()).as(yaml).isNotNull();
    assertThat(plain).isEqualTo(Outcome.jackson(YAML, yaml));
    return plain.refusal();
  }

  @Test
  void memoryAsAnIntegerIsMebibytesOnBothPaths() {
    GpuRequest expected = GpuRequest.vgpu(1).memoryMiB(4096).build();
    assertThat(Outcome.plain(YAML, "{mode: vgpu, cards: 1, memory: 4096}").request()).isEqualTo(expected);
    assertThat(GpuRequestJson.read(Map.of("mode", "vgpu", "cards", 1, "memory", 4096L))).isEqualTo(expected);
    assertThat(GpuRequestJson.read(Map.of("mode", "vgpu", "cards", 1, "memory", java.math.BigInteger.valueOf(4096))))
        .isEqualTo(expected);
  }

  @Test
  void intFieldsTakeAnyIntegerTypeThatFitsAnIntButNoDouble() {
    for (Object one : List.<Object>of(1, 1L, java.math.BigInteger.ONE, (short) 1, (byte) 1)) {
      assertThat(GpuRequestJson.read(Map.of("mode", "whole", "count", one))).isEqualTo(GpuRequest.wholeCard(1));
    }
    assertThatThrownBy(() -> GpuRequestJson.read(Map.of("mode", "whole", "count", 1.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("gpu.count: expected an integer, got 1.0");
    assertThatThrownBy(() -> GpuRequestJson.read(Map.of("mode", "whole", "count", 1L << 31)))
        .hasMessage("gpu.count: expected an integer, got 2147483648");
  }

  @Test
  void keyOrderDecidesWhichUnknownFieldIsNamed() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", "whole");
    m.put("zeta", 1);
    m.put("alpha", 1);
    m.put("count", 1);
    assertThatThrownBy(() -> GpuRequestJson.read(m)).hasMessageStartingWith("gpu.zeta: unknown field");
    String yaml = "{mode: whole, zeta: 1, alpha: 1, count: 1}";
    assertThat(Outcome.plain(YAML, yaml)).isEqualTo(Outcome.jackson(YAML, yaml));
  }

  /** gpu: null is no request: Jackson never hands it to the reader; given to read, it is refused. */
  @Test
  void nullIsNoRequestForJacksonAndRefusedByTheReader() {
    record Holder(Optional<GpuRequest> gpu) {}
    assertThat(YAML.readValue("gpu: null\n", Holder.class).gpu()).isEmpty();
    assertThat(YAML.readValue("null", GpuRequest.class)).isNull();
    assertThatThrownBy(() -> GpuRequestJson.read(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gpu: expected an object such as {mode: whole, count: 1}, got NULL");
  }
}
