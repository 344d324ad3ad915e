package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.gpu.GpuRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {
  @Test
  void readsAMinimalSpecWithTheFormDefaults() {
    StatefulSetSpec spec = SpecFiles.read("""
        name: web
        containers:
          - name: nginx
            image: nginx:1.27
        """);
    assertThat(spec.namespace()).isEqualTo("default");
    assertThat(spec.replicas()).isEqualTo(1);
    assertThat(spec.containers().get(0).image().tag()).contains("1.27");
    assertThat(spec.containers().get(0).pullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
  }

  @Test
  void writtenYamlStartsWithTheNameAndLeavesEmptyPartsOut() {
    String yaml = SpecFiles.writeYaml(StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.of("nginx", "nginx:1.27")).build());
    assertThat(yaml).startsWith("name: web\nnamespace: default\nreplicas: 1\n");
    assertThat(yaml).doesNotContain("extras", "labels", "privileged", "descriptionAnnotation");
  }

  @Test
  void pageExampleRoundTripsThroughTheSpecFile() {
    StatefulSetSpec spec = StatefulSetSpec.lift(Fixtures.mysqlPage()).spec();
    String yaml = SpecFiles.writeYaml(spec);
    assertThat(SpecFiles.read(yaml)).isEqualTo(spec);
    assertThat(SpecFiles.read(yaml).compile()).isEqualTo(spec.compile());
  }

  @Test
  void gpuRequestRoundTrips() {
    StatefulSetSpec spec = StatefulSetSpec.builder().name("train")
        .addContainer(ContainerSpec.builder().name("t").image("pytorch").gpu(GpuRequest.wholeCard(2)).build())
        .build();
    assertThat(SpecFiles.read(SpecFiles.writeYaml(spec))).isEqualTo(spec);
  }

  @Test
  void missingNameNamesMetadataNameAndTheLine() {
    assertThatThrownBy(() -> SpecFiles.read("""
        replicas: 2
        containers:
          - name: nginx
            image: nginx
        """))
        .isInstanceOf(SpecFileException.class)
        .hasMessageStartingWith("<string>:")
        .hasMessageContaining("metadata.name: required")
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("metadata.name"));
  }

  @Test
  void containerWithoutImageNamesTheContainerImagePath() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - name: nginx
          - name: sidecar
            pullPolicy: Always
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> {
          SpecFileException s = (SpecFileException) e;
          assertThat(s.path()).isEqualTo("spec.template.spec.containers[0].image");
          assertThat(s.problem()).isEqualTo("required");
          assertThat(s.line()).isPresent();
        });
  }

  @Test
  void negativeReplicasNamesSpecReplicas() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        replicas: -3
        containers:
          - {name: nginx, image: nginx}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("spec.replicas"))
        // the check runs when the document ends; the line is the field's, not the end's
        .satisfies(e -> assertThat(((SpecFileException) e).line()).hasValue(2))
        .hasMessageContaining("must be >= 0");
  }

  @Test
  void containerWithoutImagePointsAtTheContainer() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - name: sidecar
            image: busybox
          - name: nginx
            args: [--port, "8080"]
        replicas: 2
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> {
          SpecFileException s = (SpecFileException) e;
          assertThat(s.path()).isEqualTo("spec.template.spec.containers[1].image");
          assertThat(s.line()).hasValue(5);
        });
  }

  @Test
  void unknownFieldNamesItsPathAndLine() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - name: nginx
            image: nginx
            imagePullPolicy: Always
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> {
          SpecFileException s = (SpecFileException) e;
          assertThat(s.path()).isEqualTo("spec.template.spec.containers[0].imagePullPolicy");
          assertThat(s.line()).hasValue(5);
        });
  }

  @Test
  void wrongTypeNamesItsPath() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        replicas: many
        containers:
          - {name: nginx, image: nginx}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> {
          assertThat(((SpecFileException) e).path()).isEqualTo("spec.replicas");
          assertThat(((SpecFileException) e).line()).hasValue(2);
        });
  }

  @Test
  void unreadableYamlIsASpecFileException() {
    assertThatThrownBy(() -> SpecFiles.read("name: [web\n"))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).line()).isPresent());
  }

  @Test
  void unknownKindNamesTheKnownOnes() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - name: nginx
            image: nginx
            env:
              - {type: bogus, name: A}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path())
            .isEqualTo("spec.template.spec.containers[0].env[0]"))
        .hasMessageContaining("bogus").hasMessageContaining("secretKey");
  }

  @Test
  void badQuantityNamesTheResourceField() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - {name: nginx, image: nginx, cpuLimit: lots}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path())
            .isEqualTo("spec.template.spec.containers[0].resources.limits.cpu"));
  }

  @Test
  void emptyFileIsRejected() {
    assertThatThrownBy(() -> SpecFiles.read(""))
        .isInstanceOf(SpecFileException.class).hasMessageContaining("empty spec file");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(() -> SpecFiles.read("name: a\nname: b\ncontainers: [{name: c, image: c}]\n"))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("metadata.name"));
  }

  @Test
  void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, "name: web\ncontainers: [{name: c, image: nginx}]\n");
    assertThat(SpecFiles.read(ok).name()).isEqualTo("web");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: web\n");
    assertThatThrownBy(() -> SpecFiles.read(bad)).hasMessageStartingWith(bad + ":");
  }

  @Test
  void fractionalReplicasAreAnErrorNotTruncated() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        replicas: 3.7
        containers:
          - {name: nginx, image: nginx}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("spec.replicas"))
        .satisfies(e -> assertThat(((SpecFileException) e).line()).hasValue(2));
  }

  @Test
  void tildeIsNullAsInYaml() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: web
        containers:
          - {name: nginx, image: ~}
        """))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("spec.template.spec.containers[0].image"));
    assertThat(SpecFiles.read("""
        name: web
        namespace: ~
        containers:
          - {name: nginx, image: nginx}
        """).namespace()).isEqualTo("default");
  }

  @Test
  void aliasesAreRefusedNotMisread() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: &x web
        containers:
          - {name: *x, image: nginx}
        """))
        .isInstanceOf(SpecFileException.class)
        .hasMessageContaining("aliases")
        .satisfies(e -> assertThat(((SpecFileException) e).line()).hasValue(3))
        .satisfies(e -> assertThat(((SpecFileException) e).path()).isEqualTo("spec.template.spec.containers[0].name"));
  }

  @Test
  void plainNumbersAreQuantitiesAsInKubernetes() {
    StatefulSetSpec spec = SpecFiles.read("""
        name: web
        containers:
          - {name: nginx, image: nginx, cpuRequest: 2, cpuLimit: 2.5, memoryLimit: 1073741824}
        volumeClaimTemplates:
          - {name: data, size: 1.5}
        """);
    ContainerSpec c = spec.containers().get(0);
    assertThat(c.cpuRequest()).hasValueSatisfying(q -> assertThat(q).hasToString("2"));
    assertThat(c.cpuLimit()).hasValueSatisfying(q -> assertThat(q).hasToString("2.5"));
    assertThat(c.memoryLimit()).hasValueSatisfying(q -> assertThat(q).hasToString("1073741824"));
    assertThat(spec.volumeClaimTemplates().get(0).size()).hasToString("1.5");
  }
}
