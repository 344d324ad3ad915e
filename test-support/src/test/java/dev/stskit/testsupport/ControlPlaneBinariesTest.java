package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneBinariesTest {

  @Test
  void findsBuildScriptByWalkingUpToTheRepositoryRoot(@TempDir Path repo) throws IOException {
    Path script = Files.createDirectories(repo.resolve("control-plane")).resolve("build.sh");
    Files.writeString(script, "#!/bin/sh\n");
    Path module = Files.createDirectories(repo.resolve("validation/target"));
    assertThat(ControlPlaneBinaries.findBuildScript(module)).contains(script);
    assertThat(ControlPlaneBinaries.findBuildScript(repo)).contains(script);
  }

  @Test
  void findsNoBuildScriptOutsideARepository(@TempDir Path dir) {
    assertThat(ControlPlaneBinaries.findBuildScript(dir.resolve("a/b"))).isEmpty();
  }

  @Test
  void aDirectoryWithoutTheFourBinariesIsNotABuild(@TempDir Path dir) throws IOException {
    assertThat(ControlPlaneBinaries.missingBinary(dir)).contains("no executable etcd in " + dir);
    for (String b : ControlPlaneBinaries.BINARIES) {
      Path f = Files.writeString(dir.resolve(b), "");
      assertThat(f.toFile().setExecutable(true)).isTrue();
    }
    assertThat(ControlPlaneBinaries.missingBinary(dir)).isEmpty();
  }

  @Test
  void namespaceNamesAreDnsLabels() {
    assertThat(ControlPlane.namespaceName("My_Test.Class", 3, 0xab)).isEqualTo("my-test-class-3-00ab");
    assertThat(ControlPlane.namespaceName("---", 1, 0)).isEqualTo("ns-1-0000");
    String longName = ControlPlane.namespaceName("x".repeat(100), 12, 0xffff);
    assertThat(longName).hasSizeLessThanOrEqualTo(63).endsWith("-12-ffff");
  }
}
