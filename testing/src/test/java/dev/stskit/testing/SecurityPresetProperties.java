package dev.stskit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.security.SecurityPreset;
import dev.stskit.testing.spec.SpecArbitraries;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code SecurityPreset.restricted()} against the validation module's {@code pss-restricted} rule
 * set, over generated specs (every part of the form, security contexts included, some of them
 * forbidden by the profile): the preset either gives a spec whose StatefulSet has no finding at all,
 * or refuses a field that the rule set does flag on the spec as it was.
 */
class SecurityPresetProperties {
  private static final Validator RESTRICTED = Validator.of(RuleSet.podSecurityRestricted());

  @Property(tries = 300)
  void restrictedSpecsPassPssRestrictedAndRefusalsAreRealViolations(@ForAll("specs") StatefulSetSpec spec) {
    Statistics.label("preset").coverage(c -> c.check("applied").percentage(p -> p >= 10));
    StatefulSetSpec hardened;
    try {
      hardened = SecurityPreset.restricted().apply(spec);
    } catch (SpecException refused) {
      Statistics.label("preset").collect("refused");
      List<String> flagged = RESTRICTED.validate(spec.compile().statefulSet()).errors().stream()
          .map(Finding::path).toList();
      assertThat(flagged).as("pss-restricted flags what the preset refused: %s", refused.getMessage())
          .anyMatch(p -> p.equals(refused.path()) || p.startsWith(refused.path() + ".")
              || p.startsWith(refused.path() + "[") || refused.path().startsWith(p + "."));
      return;
    }
    Statistics.label("preset").collect("applied");
    Report report = RESTRICTED.validate(hardened.compile().statefulSet());
    assertThat(report.findings()).as("findings of pss-restricted").isEmpty();
    assertThat(SecurityPreset.restricted().apply(hardened)).as("the preset is idempotent").isEqualTo(hardened);
  }

  @Provide
  Arbitrary<StatefulSetSpec> specs() {
    return SpecArbitraries.specs();
  }
}
