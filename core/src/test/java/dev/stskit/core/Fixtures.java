package dev.stskit.core;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test fixtures: YAML files under src/test/resources read into fabric8 objects. */
final class Fixtures {
  static final YAMLMapper YAML = YAMLMapper.builder().build();

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

  /** The documents of a (multi-document) YAML resource. */
  static List<JsonNode> documents(String resource) {
    List<JsonNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text(resource))) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && n.isObject()) {
          out.add(n);
        }
      }
    }
    return out;
  }

  static StatefulSet statefulSet(String resource) {
    return documents(resource).stream()
        .filter(d -> "StatefulSet".equals(d.path("kind").asString()))
        .map(d -> YAML.treeToValue(d, StatefulSet.class))
        .findFirst().orElseThrow();
  }

  static List<Service> services(String resource) {
    return documents(resource).stream()
        .filter(d -> "Service".equals(d.path("kind").asString()))
        .map(d -> YAML.treeToValue(d, Service.class))
        .toList();
  }

  /** Resource names of the files in a resource folder, sorted. */
  static List<String> list(String folder) {
    try {
      Path dir = Path.of(Fixtures.class.getResource("/" + folder).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(p -> p.toString().endsWith(".yaml"))
            .map(p -> folder + "/" + p.getFileName()).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static StatefulSet mysqlPage() {
    return statefulSet("page/mysql-statefulset.yaml");
  }
}
