package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.render.YamlRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example's apply-ready YAML ({@code YamlRenderer.applyReady().render(manifests.all())}),
 * from every way of making it — the Java builder, the spec file under {@code examples/specs}, an
 * imported manifest — equals its golden file under {@code src/test/resources/golden}, byte for
 * byte. {@code -Dgolden.update=true} rewrites the golden files from the first source of each
 * scenario (the others must still match it).
 */
class GoldenFilesTest {
  private static final YamlRenderer RENDERER = YamlRenderer.applyReady();

  /** Scenario (golden file name) → source name → the rendered YAML, in order. */
  static Map<String, Map<String, Supplier<String>>> scenarios() {
    Map<String, Map<String, Supplier<String>>> all = new LinkedHashMap<>();

    Map<String, Supplier<String>> mysql = new LinkedHashMap<>();
    mysql.put("builder", () -> render(MysqlExample.manifests()));
    mysql.put("spec file", () -> render(SpecFiles.read(Path.of("specs/mysql.yaml")).compile()));
    mysql.put("page YAML imported", () -> render(ReadResults.lift(ReadResults.page()).spec().compile()));
    all.put("mysql", mysql);

    Map<String, Supplier<String>> vgpu = new LinkedHashMap<>();
    vgpu.put("builder", () -> render(VgpuInferenceExample.manifests()));
    vgpu.put("spec file", () -> render(SpecFiles.read(Path.of("specs/vgpu-inference.yaml")).compile()));
    all.put("vgpu-inference", vgpu);

    Map<String, Supplier<String>> mig = new LinkedHashMap<>();
    mig.put("builder", () -> render(MigTrainingExample.manifests()));
    mig.put("spec file", () -> render(SpecFiles.read(Path.of("specs/mig-training.yaml")).compile()));
    all.put("mig-training", mig);

    Map<String, Supplier<String>> imported = new LinkedHashMap<>();
    imported.put("bundled live export", () ->
        ImportAndCleanExample.importAndClean(ImportAndCleanExample.bundled(), "redis-live.yaml").applyReadyYaml());
    all.put("import-and-clean", imported);
    return all;
  }

  private static String render(Manifests m) {
    return RENDERER.render(m.all());
  }

  @TestFactory
  Stream<DynamicTest> everySourceRendersItsGoldenFile() {
    List<DynamicTest> tests = new ArrayList<>();
    scenarios().forEach((name, sources) -> {
      boolean first = true;
      for (Map.Entry<String, Supplier<String>> source : sources.entrySet()) {
        boolean writes = first && Goldens.updating();
        tests.add(DynamicTest.dynamicTest(name + " from the " + source.getKey(), () -> {
          String yaml = source.getValue().get();
          if (writes) {
            Goldens.write(name, yaml);
          }
          Goldens.check(name, yaml);
        }));
        first = false;
      }
    });
    return tests.stream();
  }

  @Test
  void everyGoldenFileHasAScenario() {
    List<String> rendered = scenarios().keySet().stream().map(n -> n + ".yaml").toList();
    assertThat(Goldens.present()).allSatisfy(file -> assertThat(rendered)
        .as("%s/%s: no scenario renders it; delete it or add its scenario", Goldens.DIR, file)
        .contains(file));
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    scenarios().forEach((name, sources) -> sources.forEach((source, yaml) ->
        assertThat(yaml.get()).as(name + " from the " + source).isEqualTo(yaml.get())));
  }
}
