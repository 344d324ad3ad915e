package dev.stskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.SpecFileException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.testing.spec.SpecDomain;
import dev.stskit.fixtures.Fixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast spec reader against the full (Jackson databind) one: what it reads, it reads equal;
 * what the full reader refuses, it leaves to it; and it decides every spec file the writer writes.
 */
class FastSpecReaderTest {
  private static final String BASE = "name: web\ncontainers:\n  - name: app\n    image: nginx:1.27\n";

  @Property(tries = 300)
  @Domain(SpecDomain.class)
  void readsEveryWrittenSpecFileAsTheFullReaderDoes(@ForAll StatefulSetSpec spec) {
    for (String text : new String[] {SpecFiles.writeYaml(spec), SpecFiles.writeJson(spec)}) {
      StatefulSetSpec fast = FastSpecReader.tryRead(text);
      assertThat(fast).as("the fast reader decides what the writer writes:\n%s", text).isNotNull();
      assertThat(fast).isEqualTo(SpecMapper.read(text, "<string>")).isEqualTo(spec);
    }
  }

  /** Every corpus StatefulSet, lifted (so with extras of every shape) and written as YAML and JSON. */
  @Test
  void readsEveryLiftedCorpusStatefulSetAsTheFullReaderDoes() {
    for (String resource : Fixtures.corpus()) {
      StatefulSetSpec spec = StatefulSetSpec.lift(Fixtures.statefulSet(resource)).spec();
      for (String text : new String[] {SpecFiles.writeYaml(spec), SpecFiles.writeJson(spec)}) {
        StatefulSetSpec fast = FastSpecReader.tryRead(text);
        assertThat(fast).as("%s:%n%s", resource, text).isNotNull().isEqualTo(SpecMapper.read(text, "<string>"));
      }
    }
  }

  /**
   * Inputs the full reader refuses, or accepts only by a coercion or rule the fast reader does not
   * apply: each is left to the full reader (null), and {@code SpecFiles.read} gives the full
   * reader's answer.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "bogus: 1\n",                                  // unknown field
      "replicas: \"3\"\n",                            // a string for an integer (Jackson coerces it)
      "replicas: 010\n",                              // leading zero (refused by the full reader)
      "replicas: 1.5\n",                              // a float for an integer
      "replicas: ~\n",                                // null for a primitive
      "replicas: 3\nreplicas: 4\n",                   // duplicate key
      "labels: &a {x: y}\npodLabels: *a\n",           // alias
      "labels: !!binary aGk=\n",                      // binary
      "labels: ''\n",                                 // empty string for a mapping
      "containers: {a: b}\n",                         // a mapping for a list
      "volumes:\n  - {name: v}\n",                    // no type
      "volumes:\n  - {type: nope, name: v}\n",        // unknown type
      "podManagementPolicy: parallel\n",              // not an enum name
      "containers:\n  - ~\n",                         // null list item
      "replicas: 99999999999\n",                      // over an int
      "replicas: -1\n",                               // a value check of the spec
  })
  void leavesWhatItDoesNotDecideToTheFullReader(String tail) {
    String text = tail.startsWith("containers") ? "name: web\n" + tail : BASE + tail;
    assertThat(FastSpecReader.tryRead(text)).isNull();
    StatefulSetSpec full;
    try {
      full = SpecMapper.read(text, "<string>");
    } catch (SpecFileException e) {
      assertThatThrownBy(() -> SpecFiles.read(text)).isInstanceOf(SpecFileException.class).hasMessage(e.getMessage());
      return;
    }
    assertThat(SpecFiles.read(text)).isEqualTo(full);
  }

  @Test
  void aJsonSpecFileIsReadFastToo() {
    String json = "{\"name\": \"web\", \"replicas\": 2, \"containers\": [{\"name\": \"app\", \"image\": \"nginx\","
        + " \"command\": \"sh -c 'echo hi'\", \"cpuRequest\": 0.5, \"memoryLimit\": \"1Gi\"}],"
        + " \"extras\": {\"set\": {\"spec.minReadySeconds\": 5}}}";
    StatefulSetSpec fast = FastSpecReader.tryRead(json);
    assertThat(fast).isNotNull().isEqualTo(SpecMapper.read(json, "<string>"));
    assertThat(fast.containers().get(0).command()).containsExactly("sh", "-c", "echo hi");
  }

  @Test
  void aTrailingDocumentIsTheFullReadersToRefuse() {
    assertThat(FastSpecReader.tryRead(BASE + "---\nname: other\n")).isNull();
  }
}
