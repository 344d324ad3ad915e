package dev.stskit.examples;

import dev.stskit.core.Lifted;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test resources read the way a user's file is: strictly, with the render module's reader. */
final class Fixtures {
  /** The page's YAML example (the platform's MySQL StatefulSet, as exported from a cluster). */
  static final String PAGE = "mysql-statefulset.yaml";

  private Fixtures() {}

  static String text(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReadResult read(String resource) {
    return ManifestReader.strict().read(text(resource), resource);
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
