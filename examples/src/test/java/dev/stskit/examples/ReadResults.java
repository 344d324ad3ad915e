package dev.stskit.examples;

import dev.stskit.core.Lifted;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/** What the render module's strict reader makes of a file, taken apart the way the examples use it. */
final class ReadResults {
  private ReadResults() {}

  /** The page's YAML example (the platform's MySQL StatefulSet, as exported from a cluster), read strictly. */
  static ReadResult page() {
    return ManifestReader.strict().read(Fixtures.text(Fixtures.MYSQL_PAGE), Fixtures.MYSQL_PAGE);
  }

  static StatefulSet statefulSet(ReadResult read) {
    return read.objects().stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
        .findFirst().orElseThrow(() -> new IllegalArgumentException(read.sourceName() + ": no StatefulSet"));
  }

  static List<Service> services(ReadResult read) {
    List<Service> out = new ArrayList<>();
    for (ReadDocument d : read.documents()) {
      HasMetadata o = d.object();
      if (o instanceof Service s) {
        out.add(s);
      }
    }
    return out;
  }

  /** Lifts the first StatefulSet of what was read, with every Service read. */
  static Lifted lift(ReadResult read) {
    return StatefulSetSpec.lift(statefulSet(read), services(read).toArray(Service[]::new));
  }
}
