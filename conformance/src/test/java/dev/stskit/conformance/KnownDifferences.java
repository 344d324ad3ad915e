package dev.stskit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one list of what cannot agree with the API server, each entry with its reason
 * ({@code known-differences.yaml} beside this module's pom). A disagreement matches an entry when its
 * check is the entry's and its case id matches the entry's glob (and, when the entry names a field, the
 * disagreement mentions it). Any disagreement no entry explains fails the suite; the report counts
 * the cases each entry explains.
 */
final class KnownDifferences {
  record Entry(String check, String casePattern, String field, String reason, PathMatcher matcher) {}

  private final List<Entry> entries;

  private KnownDifferences(List<Entry> entries) {
    this.entries = entries;
  }

  static KnownDifferences load() {
    Path file = Path.of("known-differences.yaml");
    List<Entry> list = new ArrayList<>();
    try {
      JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(file));
      for (JsonNode e : root.path("differences")) {
        String pattern = e.path("case").asString("");
        String reason = e.path("reason").asString("");
        if (pattern.isEmpty() || reason.isBlank()) {
          throw new IllegalStateException(file + ": every entry needs a case and a reason: " + e);
        }
        list.add(new Entry(e.path("check").asString(""), pattern, e.path("field").asString(""), reason,
            FileSystems.getDefault().getPathMatcher("glob:" + pattern)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownDifferences(list);
  }

  /** The entry that explains this disagreement, if any. */
  synchronized Entry explain(String check, String caseId, String description) {
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.check().equals(check) && e.matcher().matches(Path.of(caseId))
          && (e.field().isEmpty() || description.contains(e.field()))) {
        return e;
      }
    }
    return null;
  }

  synchronized List<Entry> all() {
    return entries;
  }

}
