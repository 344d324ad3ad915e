package dev.stskit.render;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Shared fixtures read with this module's strict reader, the way a user's file is read. */
final class Strict {
  private Strict() {}

  /** The page's MySQL StatefulSet, read strictly. */
  static HasMetadata mysql() {
    return ManifestReader.strict().read(Fixtures.text(Fixtures.MYSQL_PAGE), Fixtures.MYSQL_PAGE).objects().get(0);
  }
}
