package dev.stskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts agreement per source and check, keeps every disagreement, and fails a source's test when a
 * disagreement is not explained by {@link KnownDifferences} or a figure misses its target.
 */
final class Tally {
  record Disagreement(String source, String check, String caseId, String description, KnownDifferences.Entry known) {}

  private static final class Count {
    int tried;
    int agreed;
  }

  private final Map<String, Map<String, Count>> counts = new LinkedHashMap<>();
  private final List<Disagreement> disagreements = new ArrayList<>();

  synchronized void count(String source, String check, boolean agrees, String caseId, String description) {
    Count c = counts.computeIfAbsent(source, s -> new LinkedHashMap<>()).computeIfAbsent(check, k -> new Count());
    c.tried++;
    if (agrees) {
      c.agreed++;
    } else {
      disagree(source, check, caseId, description);
    }
  }

  synchronized void disagree(String source, String check, String caseId, String description) {
    disagreements.add(new Disagreement(source, check, caseId, description,
        ConformanceTest.KNOWN.explain(check, caseId, description)));
  }

  synchronized boolean isEmpty() {
    return counts.isEmpty();
  }

  /** Fails on unexplained disagreements of this source, and on figures under the targets. */
  synchronized void assertKnown(String source) {
    List<String> unexplained = disagreements.stream()
        .filter(d -> d.source().equals(source) && d.known() == null)
        .map(d -> d.check() + " " + d.caseId() + ": " + d.description())
        .toList();
    assertThat(unexplained).as("disagreements with kube-apiserver not in known-differences.yaml").isEmpty();
    Map<String, Count> bySource = counts.getOrDefault(source, Map.of());
    assertThat(bySource).as("nothing was compared for " + source).isNotEmpty();
    Count verdict = bySource.get("verdict");
    if (verdict != null) {
      double target = source.equals("generated") ? 0.995 : 1.0;
      assertThat(ratio(verdict)).as(source + " verdict agreement").isGreaterThanOrEqualTo(target);
    }
    Count pairs = bySource.get("pairs");
    if (pairs != null) {
      assertThat(ratio(pairs)).as(source + " (path, type) pair agreement").isGreaterThanOrEqualTo(0.98);
    }
  }

  private static double ratio(Count c) {
    return c.tried == 0 ? 1.0 : (double) c.agreed / c.tried;
  }

  synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    counts.forEach((source, checks) -> checks.forEach((check, c) ->
        sb.append(source).append('/').append(check).append(' ').append(c.agreed).append('/').append(c.tried).append("; ")));
    sb.append(disagreements.size()).append(" disagreements (")
        .append(disagreements.stream().filter(d -> d.known() == null).count()).append(" unexplained)");
    return sb.toString();
  }

  synchronized String markdown(String version, int generated, long seed, KnownDifferences known) {
    StringBuilder md = new StringBuilder();
    md.append("# Conformance with kube-apiserver\n\n")
        .append("Written by `ConformanceTest` (module `conformance`) from a real run; regenerate with\n\n")
        .append("```bash\nmvn -B -ntp verify -pl conformance -am -Dconformance.update=true\n```\n\n")
        .append("Kubernetes **").append(version).append("** (etcd + kube-apiserver built from Kubernetes' Go modules by\n")
        .append("`control-plane/`), started on loopback by the tests. Every case is sent to the server as a\n")
        .append("dry-run create with `fieldValidation=Strict` (Pod Security: a dry-run create of the pod in a\n")
        .append("namespace that enforces the level; Services and rendered manifests: created for real) and\n")
        .append("compared with what sts-kit says of the same text. Generated cases: ").append(generated)
        .append(" jqwik-generated StatefulSets (seed ").append(seed).append("), about half one mutation away from valid.\n\n")
        .append("| source | check | agree | tried | agreement |\n|---|---|---:|---:|---:|\n");
    counts.forEach((source, checks) -> checks.forEach((check, c) -> md.append("| ").append(source).append(" | ")
        .append(check).append(" | ").append(c.agreed).append(" | ").append(c.tried).append(" | ")
        .append(String.format(java.util.Locale.ROOT, "%.2f %%", 100.0 * ratio(c))).append(" |\n")));
    md.append("\nChecks: **verdict** accepted or rejected; **strict** the strict-decoding problems (unknown field,\n")
        .append("duplicate key, wrong type) against `ManifestReader.strict()`; **pairs** the set of (field path, error\n")
        .append("type) of a rejection against the `kubernetes` rule set; **defaulting** the object the server returns\n")
        .append("against the validator's defaulting; **pss** Pod Security admission against `pss-baseline` /\n")
        .append("`pss-restricted`; **created**/**applied** the object is accepted for real; **read-back** what the\n")
        .append("server stores equals what was sent plus only its defaults and server fields.\n\n");
    md.append("## Known differences\n\n");
    if (known.all().isEmpty()) {
      md.append("None: every disagreement would fail the suite.\n");
    } else {
      for (KnownDifferences.Entry e : known.all()) {
        long n = disagreements.stream().filter(d -> d.known() == e).count();
        md.append("- `").append(e.check()).append("` on `").append(e.casePattern()).append("`")
            .append(e.field().isEmpty() ? "" : " (" + e.field() + ")").append(", ").append(n).append(" case(s): ")
            .append(e.reason()).append('\n');
      }
    }
    List<Disagreement> shown = disagreements.stream().filter(d -> d.known() != null).limit(20).toList();
    if (!shown.isEmpty()) {
      md.append("\n## Examples of known differences in this run\n\n");
      for (Disagreement d : shown) {
        String text = d.description().length() > 300 ? d.description().substring(0, 297) + "..." : d.description();
        md.append("- `").append(d.caseId()).append("` (").append(d.check()).append("): ")
            .append(text.replace('\n', ' ')).append('\n');
      }
    }
    return md.toString();
  }
}
