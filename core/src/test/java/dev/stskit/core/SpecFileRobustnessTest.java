package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Spec files read back what they write, and say what is wrong with a path and in the spec file's
 * own terms (issue 10 items 3, 11, 17 and 19; issue 15 items 6 and 8).
 */
class SpecFileRobustnessTest {

  private static final String BASE = "name: web\ncontainers:\n  - name: c\n    image: nginx:1\n";

  private static StatefulSetSpec base() {
    return SpecFiles.read(BASE);
  }

  private static void roundTrips(StatefulSetSpec spec) {
    assertThat(SpecFiles.read(SpecFiles.writeYaml(spec))).isEqualTo(spec);
    assertThat(SpecFiles.read(SpecFiles.writeJson(spec))).isEqualTo(spec);
  }

  private static SpecFileException refused(String text) {
    try {
      SpecFiles.read(text);
    } catch (SpecFileException e) {
      assertMessageIsPlain(e.getMessage());
      return e;
    }
    throw new AssertionError("read without an error: " + text);
  }

  static void assertMessageIsPlain(String message) {
    assertThat(message).hasSizeLessThanOrEqualTo(600)
        .doesNotContain("Immutable", "java.", "JsonToken", "tools.jackson", "`", "StreamReadConstraints",
            "dev.stskit", "Creator");
  }

  /** Issue 15 item 6: strings YAML would read as something else are quoted, and read back. */
  @ParameterizedTest
  @ValueSource(strings = {"0x10", "\u0085x", "x\u0085y", "\u2028", "\uFEFFa", "a\u0080b", "\uD800", "a\uDC00",
      "0o17", "010", "1_000", ".inf", "-.Inf", ".NaN", "1e3", "0b11", "~", "Null", "yes", "- a", "\u007F"})
  void specialStringsRoundTripAsYamlAndJson(String value) {
    roundTrips(StatefulSetSpec.builder().from(base()).description(value).putAnnotation("a/" + "k", value).build());
  }

  /**
   * Found by the mutation fuzzer (input 7145 of seed 20261203): YAML's emitter wrote a lone high
   * surrogate before another character as a different character, so the spec read back different.
   * YAML refuses it naming the field; JSON round-trips it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800t", "x\uD800y", "\uDBFF\uD800\uDC00"})
  void aLoneHighSurrogateBeforeACharacterIsRefusedAsYamlAndRoundTripsAsJson(String value) {
    StatefulSetSpec spec = StatefulSetSpec.builder().from(base()).description(value).build();
    assertThatThrownBy(() -> SpecFiles.writeYaml(spec)).isInstanceOf(SpecException.class)
        .satisfies(e -> assertMessageIsPlain(e.getMessage()))
        .hasMessageContaining("description: holds a lone UTF-16 surrogate");
    assertThat(SpecFiles.read(SpecFiles.writeJson(spec))).isEqualTo(spec);
    StatefulSetSpec keyed = StatefulSetSpec.builder().from(base()).putAnnotation("a/" + value, "v").build();
    assertThatThrownBy(() -> SpecFiles.writeYaml(keyed)).isInstanceOf(SpecException.class)
        .hasMessageContaining("annotations");
    assertThat(SpecFiles.read(SpecFiles.writeJson(keyed))).isEqualTo(keyed);
  }

  @Test
  void aTopLevelListIsAnErrorSayingWhatASpecFileIs() {
    assertThat(refused("- a\n- b\n").getMessage())
        .isEqualTo("<string>:1: a spec file is a mapping of spec fields (name: …, containers: …), not a list");
    assertThat(refused("just text\n").getMessage()).endsWith("not a single value");
  }

  @Test
  void aNullListItemNamesItsPath() {
    assertThat(refused("name: web\ncontainers: [~]\n").getMessage())
        .isEqualTo("<string>:2: spec.template.spec.containers[0]: a list item must not be null");
    assertThat(refused(BASE + "  - ~\n").getMessage()).contains("spec.template.spec.containers[1]");
    // extras are JSON: a null there is data
    StatefulSetSpec withNull = SpecFiles.read(BASE + "extras: {set: {spec.template.spec.x-list: [~]}}\n");
    assertThat(withNull.extras().set()).containsKey("spec.template.spec.x-list");
  }

  /** Issue 10 item 11: 010 is 10 to one YAML reader and 8 to another; refuse it rather than guess. */
  @ParameterizedTest
  @ValueSource(strings = {"010", "0o10", "-07", "00"})
  void integersWithALeadingZeroAreRefused(String literal) {
    assertThat(refused(BASE + "replicas: " + literal + "\n").getMessage())
        .startsWith("<string>:5: spec.replicas: the integer " + literal + " has a leading zero");
    assertThat(SpecFiles.read(BASE + "replicas: 0\n").replicas()).isZero();
    assertThat(SpecFiles.read(BASE + "replicas: 0x10\n").replicas()).isEqualTo(16);
  }

  @Test
  void wrongTypesAreSaidInTheSpecFilesTerms() {
    assertThat(refused("name: web\ncontainers: {a: b}\n").getMessage())
        .isEqualTo("<string>:2: spec.template.spec.containers: expected a list, not a mapping");
    assertThat(refused(BASE + "replicas: [1]\n").getMessage())
        .isEqualTo("<string>:5: spec.replicas: expected an integer, not a list");
    assertThat(refused(BASE + "labels: [1]\n").getMessage())
        .isEqualTo("<string>:5: metadata.labels: expected a mapping, not a list");
    refused(BASE + "replicas: abc\n");
    refused(BASE + "bogus: 1\n");
    refused(BASE + "containers: 5\n");
    refused("name: {a: b}\n");
  }

  /**
   * Found by the mutation fuzzer: Jackson's coercion refusals ("Cannot coerce empty String ("") to
   * element of `java.util.LinkedHashMap<…>` (but could if coercion was enabled using
   * `CoercionConfig`)", "… from Floating-point value") reached the user with Java type names.
   */
  @Test
  void coercionRefusalsAreSaidInTheSpecFilesTermsToo() {
    assertThat(refused(BASE + "selector: \"\\t\"\n").getMessage())
        .isEqualTo("<string>:5: spec.selector.matchLabels: expected a mapping, not an empty or blank string");
    assertThat(refused(BASE + "labels: ''\n").getMessage())
        .isEqualTo("<string>:5: metadata.labels: expected a mapping, not an empty or blank string");
    assertThat(refused(BASE + "volumeClaimTemplates:\n  - name: d\n    accessModes: +.5\n").getMessage())
        .isEqualTo("<string>:7: spec.volumeClaimTemplates[0].accessModes: expected a list, not a number");
    assertThat(refused(BASE + "labels: !!binary aGk=\n").getMessage())
        .isEqualTo("<string>:5: metadata.labels: expected a mapping, not a binary value (!!binary)");
    refused(BASE + "containers: ''\n");
    refused(BASE + "volumes: ' '\n");
  }

  /**
   * Found by the mutation fuzzer (a hang): the YAML scanner refilled a 1,024-character buffer by
   * copying all it had not consumed, so a 1 MiB plain scalar allocated 4 GB (quadratic) and took
   * seconds. Bounded by allocated bytes, not time: the linear reader needs about 100 MB.
   */
  @Test
  void aOneMebibytePlainScalarIsReadInLinearAllocation() {
    String text = BASE + "description: " + "x".repeat(1024 * 1024) + "\n";
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    StatefulSetSpec spec = SpecFiles.read(text);
    assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(600L * 1024 * 1024);
    assertThat(spec.description()).hasValueSatisfying(d -> assertThat(d).hasSize(1024 * 1024));
  }

  /** Issue 15 items 6 and 8: over the manifest reader's limits, said plainly and briefly. */
  @Test
  void scalarsAndKeysOverTheLimitAreRefusedBriefly() {
    assertThat(refused(BASE + "description: " + "x".repeat(1024 * 1024 + 1) + "\n").getMessage())
        .isEqualTo("<string>: a string of 1048577 characters, more than the limit of 1048576");
    assertThat(refused(BASE + "labels: {" + "k".repeat(60_000) + ": v}\n").getMessage())
        .contains("(60016 characters, truncated)");
    String longValue = "v".repeat(5000);
    assertThat(refused(BASE + "v".repeat(900) + ": 1\n").getMessage()).contains("truncated");
    assertThat(refused(BASE + "replicas: " + longValue + "\n").getMessage()).hasSizeLessThan(600);
  }

  /** Issue 10 item 17: large extras (lifted from big objects) are written and read back, up to the limit. */
  @Test
  void largeExtrasRoundTripAndWhatWouldNotReadBackIsRefusedWhenWriting() {
    StatefulSetSpec big = StatefulSetSpec.builder().from(base()).extras(Extras.builder()
        .putSet("metadata.annotations[" + "k".repeat(60_000) + "]", JsonNodeFactory.instance.stringNode("v"))
        .putSet("spec.template.metadata.annotations[x]", JsonNodeFactory.instance.stringNode("y".repeat(1024 * 1024)))
        .build()).build();
    roundTrips(big);
    StatefulSetSpec tooBig = StatefulSetSpec.builder().from(base()).extras(Extras.builder()
        .putSet("spec.template.metadata.annotations[x]", JsonNodeFactory.instance.stringNode("y".repeat(1024 * 1024 + 1)))
        .build()).build();
    assertThatThrownBy(() -> SpecFiles.writeYaml(tooBig)).isInstanceOf(SpecException.class)
        .hasMessageContaining("would not read back: a string of 1048577 characters");
  }

  /** Issue 15 item 6: {@code .inf} has no JSON form, so it could not equal itself after writeJson. */
  @Test
  void nonFiniteNumbersInExtrasAreRefused() {
    assertThat(refused(BASE + "extras: {set: {spec.template.spec.x: .inf}}\n").getMessage())
        .isEqualTo("<string>:5: extras.set[spec.template.spec.x]: .inf has no JSON form, so no Kubernetes object can hold it");
    assertThatThrownBy(() -> Extras.builder().putSet("spec.x", Double.NaN).build())
        .isInstanceOf(SpecException.class).hasMessageContaining(".nan");
  }

  /** Issue 10 item 11: extras that would leave an object kubectl cannot apply. */
  @ParameterizedTest
  @ValueSource(strings = {"metadata", "metadata.name", "kind", "apiVersion"})
  void extrasThatMakeAnUnappliableObjectAreRefused(String path) {
    assertThat(refused(BASE + "extras: {omit: [" + path + "]}\n").getMessage())
        .contains("extras.omit[" + path + "]");
    assertThat(refused(BASE + "extras: {set: {" + path + ": ~}}\n").getMessage()).contains("cannot be null");
  }

  @Test
  void aFileThatIsNotUtf8NamesTheByteOffset(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, (BASE + "description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SpecFiles.read(f)).isInstanceOf(SpecFileException.class)
        .hasMessage(f + ":5: not UTF-8: invalid byte 0xE9 at byte offset 69; save the file as UTF-8");
    Path bom = dir.resolve("bom.yaml");
    byte[] body = BASE.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(bom, withBom);
    assertThat(SpecFiles.read(bom)).isEqualTo(base());
  }

  /** Issue 10 item 3: what no Kubernetes object can hold is a SpecException naming the field. */
  @Test
  void aQuantityWithoutAnAmountIsASpecExceptionInLiftAndStrip() {
    StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("x").endMetadata().withNewSpec()
        .withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage("nginx").withNewResources()
        .addToLimits("cpu", new Quantity()).endResources().endContainer().endSpec().endTemplate().endSpec().build();
    String path = "spec.template.spec.containers[0].resources.limits.cpu";
    assertThatThrownBy(() -> StatefulSetSpec.lift(sts)).isInstanceOf(SpecException.class)
        .hasMessageStartingWith(path + ": not a quantity");
    assertThatThrownBy(() -> ServerFields.strip(sts)).isInstanceOf(SpecException.class)
        .hasMessageStartingWith(path + ": not a quantity");
  }

  @Test
  void liftingNullIsASpecExceptionNamingIt() {
    StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("x").endMetadata().build();
    assertThatThrownBy(() -> StatefulSetSpec.lift(sts, (Service) null)).isInstanceOf(SpecException.class)
        .hasMessage("services[0]: is null; pass only Services");
    assertThatThrownBy(() -> StatefulSetSpec.lift(null)).isInstanceOf(SpecException.class);
  }
}
