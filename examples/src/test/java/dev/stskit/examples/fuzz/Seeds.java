package dev.stskit.examples.fuzz;

import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.JsonRenderer;
import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The texts the fuzzer mutates, in a fixed order: the manifests of the corpus (the 40 real
 * StatefulSet files, the platform page's MySQL export, the HAMi GPU examples and the Pod Security
 * fixtures of the validation module, each pod also as the template of a StatefulSet, and a few as
 * the JSON the renderer writes), and the spec files (the examples' spec files and each corpus
 * StatefulSet lifted into one, as YAML and as JSON).
 */
record Seeds(List<String> manifests, List<String> specs) {

  /** Reads the seeds; {@code root} is the repository's root folder. */
  static Seeds load(Path root) {
    List<String> manifests = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    for (String name : Fixtures.allCorpus()) {
      manifests.add(Fixtures.text(name));
    }
    manifests.add(Fixtures.text(Fixtures.MYSQL_PAGE));
    for (Path p : yamlFiles(root.resolve("gpu/src/test/resources/gpu-examples"))) {
      String text = read(p);
      manifests.add(text);
      wrapPods(text).ifPresent(manifests::add);
    }
    for (Path p : yamlFiles(root.resolve("validation/src/test/resources/psa"))) {
      wrapPods(read(p)).ifPresent(manifests::add);
    }
    for (Path p : yamlFiles(root.resolve("examples/specs"))) {
      String text = read(p);
      specs.add(text);
      specs.add(SpecFiles.writeJson(SpecFiles.read(text)));
    }
    int json = 0;
    for (String name : Fixtures.allCorpus()) {
      List<HasMetadata> objects = ManifestReader.strict().read(Fixtures.text(name), name).objects();
      if (json++ % 5 == 0) {
        manifests.add(JsonRenderer.applyReady().render(objects));
      }
      List<Service> services = objects.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
      for (HasMetadata o : objects) {
        if (o instanceof StatefulSet sts) {
          try {
            StatefulSetSpec spec = StatefulSetSpec.lift(sts, services.toArray(Service[]::new)).spec();
            specs.add(json % 4 == 0 ? SpecFiles.writeJson(spec) : SpecFiles.writeYaml(spec));
          } catch (SpecException e) {
            // a corpus file sts-kit cannot lift is a manifest seed only
          }
        }
      }
    }
    return new Seeds(List.copyOf(manifests), List.copyOf(specs));
  }

  /** A file's pods, each as the template of a one-replica StatefulSet (the form's shape). */
  private static java.util.Optional<String> wrapPods(String text) {
    List<HasMetadata> out = new ArrayList<>();
    try {
      for (HasMetadata o : ManifestReader.lenient().read(text, "pod.yaml").objects()) {
        if (o instanceof Pod pod && pod.getSpec() != null) {
          String name = pod.getMetadata().getName() == null ? "pod" : pod.getMetadata().getName();
          Map<String, String> labels = new LinkedHashMap<>();
          if (pod.getMetadata().getLabels() != null) {
            labels.putAll(pod.getMetadata().getLabels());
          }
          labels.put("app", name);
          out.add(new StatefulSetBuilder()
              .withNewMetadata().withName(name).withNamespace(pod.getMetadata().getNamespace()).endMetadata()
              .withNewSpec().withServiceName(name).withReplicas(1)
              .withNewSelector().addToMatchLabels("app", name).endSelector()
              .withNewTemplate().withNewMetadata().withLabels(labels)
              .withAnnotations(pod.getMetadata().getAnnotations()).endMetadata()
              .withSpec(pod.getSpec()).endTemplate().endSpec().build());
        }
      }
    } catch (ManifestReadException e) {
      return java.util.Optional.empty();
    }
    return out.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(YamlRenderer.applyReady().render(out));
  }

  private static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
