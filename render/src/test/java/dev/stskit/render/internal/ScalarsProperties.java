package dev.stskit.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScalarsProperties {

  @Provide
  Arbitrary<String> scalars() {
    return Arbitraries.strings().withChars("0123456789._:+-eExXoObBtTzZ yYnN~.infa#").ofMaxLength(12);
  }

  @Property
  void aStringWrittenPlainReadsBackAsTheSameString(@ForAll("scalars") String s) {
    if (Scalars.style(s) == Scalars.PLAIN) {
      assertThat(Scalars.resolvePlain(s)).isEqualTo(s);
    }
  }

  @Property
  void aNumberOrBooleanTheReaderSeesIsAlwaysQuotedByTheWriter(@ForAll("scalars") String s) {
    Object v = Scalars.resolvePlain(s);
    if (!(v instanceof String)) {
      assertThat(Scalars.style(s)).isNotEqualTo(Scalars.PLAIN);
    }
  }
}
