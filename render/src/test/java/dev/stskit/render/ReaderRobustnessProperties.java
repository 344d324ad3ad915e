package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reader returns a result or throws ManifestReadException — nothing else — whatever it is given. */
class ReaderRobustnessProperties {

  private static final List<String> SAMPLES = StsArbitraries.sampleTexts();

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> base = Arbitraries.of(SAMPLES);
    Arbitrary<String> insert = Arbitraries.strings().withChars(" \n\t:-#'\"[]{}&*!|>?,%@`\\~0yY\u0000\u00e9").ofMaxLength(6);
    return Combinators.combine(base, Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 40),
        insert, Arbitraries.integers().between(0, 3)).as((text, at, len, ins, op) -> {
          int p = (int) (at * text.length());
          int q = Math.min(text.length(), p + len);
          switch (op) {
            case 0: return text.substring(0, p) + text.substring(q);
            case 1: return text.substring(0, p) + ins + text.substring(p);
            case 2: return text.substring(0, p) + ins + text.substring(q);
            default: return text.substring(0, p) + text.substring(p, q) + text.substring(p);
          }
        });
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.strings().withChars("ab: -\n#'\"[]{}&*!|>?,0123\t\\.~").ofMaxLength(60);
  }

  private static void readsOrThrowsTheDocumentedException(String text) {
    for (ManifestReader reader : List.of(ManifestReader.strict(), ManifestReader.lenient())) {
      try {
        ReadResult r = reader.read(text, "mutated.yaml");
        assertThat(r.documents()).allSatisfy(d -> assertThat(d.object()).isNotNull());
      } catch (ManifestReadException e) {
        assertThat(e.getMessage()).startsWith("mutated.yaml:");
        assertThat(e.line()).isPositive();
        if (e.getCause() != null) {
          assertThat(e.getCause()).isNotInstanceOf(StackOverflowError.class);
        }
      }
    }
  }

  @Property
  void mutatedManifests(@ForAll("mutated") String text) {
    readsOrThrowsTheDocumentedException(text);
  }

  @Property
  void arbitraryText(@ForAll("garbage") String text) {
    readsOrThrowsTheDocumentedException(text);
  }
}
