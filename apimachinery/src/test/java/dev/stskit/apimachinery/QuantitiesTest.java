package dev.stskit.apimachinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quantity grammar agrees with {@code resource.ParseQuantity} of apimachinery v0.37.2 on every
 * input of {@code parse-quantity-v0.37.2.tsv} (its verdicts, recorded by running the Go function).
 */
class QuantitiesTest {
  @Test
  void agreesWithParseQuantityOnEveryRecordedInput() throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/parse-quantity-v0.37.2.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          lines.add(line);
        }
      }
    }
    assertThat(lines).hasSizeGreaterThan(80);
    for (String line : lines) {
      String[] cols = line.split("\t");
      String input = cols[0].substring(1, cols[0].length() - 1);
      boolean valid = !cols[1].equals("invalid");
      assertThat(Quantities.isValid(input)).as("%s", cols[0]).isEqualTo(valid);
      // Go's AsDec rounds up to nano and saturates at int64; compare where neither applies
      if (valid && !input.contains("Ei") && !input.equals("1e4294967296")
          && Quantities.parse(input).orElseThrow().stripTrailingZeros().scale() <= 9) {
        assertThat(Quantities.parse(input).orElseThrow()).as("%s", cols[0])
            .isEqualByComparingTo(new BigDecimal(cols[1]));
      }
    }
  }

  @Test
  void theIssuesExamples() {
    for (String ok : List.of("250u", "100n", "1E", "9E", "9Ei", "1e3", "1E-2", "1.", ".5", "+1e+3", "1Ki")) {
      assertThat(Quantities.isValid(ok)).as(ok).isTrue();
    }
    for (String bad : List.of("..", "1.2.3", "1..", ".5.", "1e", "1 ", " 1", "1K", "0x10", "", "1e99999999999999999999")) {
      assertThat(Quantities.isValid(bad)).as(bad).isFalse();
    }
    assertThat(Quantities.parse("1E").orElseThrow()).isEqualByComparingTo("1e18");
    assertThat(Quantities.parse("9Ei").orElseThrow()).isEqualByComparingTo(
        BigDecimal.valueOf(9).multiply(BigDecimal.valueOf(2).pow(60)));
    assertThat(Quantities.parse("250u").orElseThrow()).isEqualByComparingTo("0.00025");
    assertThat(Quantities.parse("1e4294967296").orElseThrow()).isEqualByComparingTo("1"); // int32 wrap, as Go
    assertThat(Quantities.parse("1.5e-2147483648")).isEmpty(); // beyond BigDecimal: refused, never thrown
    assertThat(Quantities.parse(null)).isEmpty();
  }

  @Test
  void namesAndServerFields() {
    assertThat(Names.isPortName("http")).isTrue();
    assertThat(Names.isPortName("80")).isFalse();
    assertThat(Names.isPortName("a--b")).isFalse();
    assertThat(Names.isPortName("abcdefghijklmnop")).isFalse();
    assertThat(Names.portNameProblems("-8")).isEqualTo(Names.PORT_NAME_NO_LETTER | Names.PORT_NAME_EDGE_HYPHEN);
    assertThat(Names.isLabelValue("")).isTrue();
    assertThat(Names.isLabelValue("A100_x.y")).isTrue();
    assertThat(Names.isLabelValue("a".repeat(64))).isFalse();
    assertThat(Names.isLabelValue("-a")).isFalse();
    io.fabric8.kubernetes.api.model.ObjectMeta meta = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
        .withName("n").withUid("u").withResourceVersion("1").withGeneration(2L).withSelfLink("/x").build();
    ServerPopulatedFields.clear(meta);
    assertThat(meta.getName()).isEqualTo("n");
    assertThat(meta.getUid()).isNull();
    assertThat(meta.getResourceVersion()).isNull();
    assertThat(meta.getGeneration()).isNull();
    assertThat(ServerPopulatedFields.isMetadataField("managedFields")).isTrue();
    assertThat(ServerPopulatedFields.isMetadataField("name")).isFalse();
  }
}
