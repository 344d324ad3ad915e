package dev.stskit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.Properties;

/** The CLI's version and the repository's address, written into the jar by the build. */
final class About {
  private static final Properties PROPERTIES = load();

  private About() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = About.class.getResourceAsStream("about.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() {
    return PROPERTIES.getProperty("version", "unknown");
  }

  /** The repository's web address (its files are under {@code /blob/main/}). */
  static Optional<String> repository() {
    String r = PROPERTIES.getProperty("repository", "");
    return r.isEmpty() || r.contains("${") ? Optional.empty() : Optional.of(r);
  }

  /** The address of a file of the repository, e.g. {@code validation/docs/rules/k8s-volumes.md}. */
  static Optional<String> docsUri(String pathInRepository) {
    return repository().map(r -> URI.create(r + "/blob/main/" + pathInRepository).toString());
  }
}
