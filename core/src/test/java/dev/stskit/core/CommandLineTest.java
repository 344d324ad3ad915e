package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run command as one line: split as a POSIX shell splits words, or refused with a message. */
class CommandLineTest {
  @Test
  void splitsWordsAsAShellDoes() {
    assertThat(CommandLine.split("sh -c 'echo hi'")).containsExactly("sh", "-c", "echo hi");
    assertThat(CommandLine.split("  python  -m\tserver --port 8080 ")).containsExactly("python", "-m", "server", "--port", "8080");
    assertThat(CommandLine.split("echo \"a \\\"b\\\" \\\\ c\" 'it'\\''s' x\\ y")).containsExactly("echo", "a \"b\" \\ c", "it's", "x y");
    assertThat(CommandLine.split("printf '' ''x")).containsExactly("printf", "", "x");
    assertThat(CommandLine.split("sh -c 'echo $HOME | tr a b; ls *'")).containsExactly("sh", "-c", "echo $HOME | tr a b; ls *");
    assertThat(CommandLine.split("redis-server --save \"\" --dir=/data#1")).containsExactly("redis-server", "--save", "", "--dir=/data#1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"echo $(date)", "echo `date`", "ps | grep x", "a; b", "a && b", "a > out", "ls *.txt",
      "echo ~/x", "echo x # note", "echo \"$HOME\"", "sleep 1 &", "(cd /)"})
  void refusesWhatOnlyAShellWouldDoAndSaysToWriteAList(String line) {
    assertThatThrownBy(() -> CommandLine.split(line)).isInstanceOf(SpecException.class)
        .hasMessageContaining("by a shell").hasMessageContaining("write the command as a list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh -c 'echo hi", "echo \"hi", "echo hi\\"})
  void refusesUnbalancedQuotesAndATrailingBackslash(String line) {
    assertThatThrownBy(() -> CommandLine.split(line)).isInstanceOf(SpecException.class)
        .hasMessageContaining("write the command as a list");
  }

  @Test
  void aLineWithoutWordsIsRefused() {
    assertThatThrownBy(() -> CommandLine.split("   ")).isInstanceOf(SpecException.class).hasMessageContaining("no word");
  }

  @Test
  void theBuilderTakesTheLine() {
    ContainerSpec c = ContainerSpec.builder().name("web").image("nginx:1.27")
        .commandLine("sh -c 'nginx -g \"daemon off;\"'").argsLine("--port 80 --name 'my server'").build();
    assertThat(c.command()).containsExactly("sh", "-c", "nginx -g \"daemon off;\"");
    assertThat(c.args()).containsExactly("--port", "80", "--name", "my server");
    assertThatThrownBy(() -> ContainerSpec.builder().commandLine("ps | grep x"))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("command: \"ps | grep x\": unquoted '|'");
  }

  @Test
  void aSpecFileTakesTheCommandAndArgsAsOneLine() {
    StatefulSetSpec spec = SpecFiles.read("""
        name: web
        containers:
          - name: web
            image: nginx:1.27
            command: "sh -c 'echo hi'"
            args: --verbose
        """);
    assertThat(spec.containers().get(0).command()).containsExactly("sh", "-c", "echo hi");
    assertThat(spec.containers().get(0).args()).containsExactly("--verbose");
    assertThat(spec.compile().statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
        .isEqualTo(List.of("sh", "-c", "echo hi"));
    // written back as the list Kubernetes takes
    assertThat(SpecFiles.writeYaml(spec)).contains("    command:\n      - sh\n      - -c\n      - echo hi\n");
  }

  @Test
  void aSpecFileLineThatNeedsAShellIsRefusedWithFileLineAndPath() {
    String file = """
        name: web
        containers:
          - name: web
            image: nginx:1.27
            command: "sh -c 'echo hi"
        """;
    assertThatThrownBy(() -> SpecFiles.read(file)).isInstanceOf(SpecFileException.class)
        .hasMessageStartingWith("<string>:5: spec.template.spec.containers[0] (name \"web\"): command: \"sh -c 'echo hi\": a single quote")
        .hasMessageContaining("write the command as a list")
        .hasMessageNotContaining("deserialize").hasMessageNotContaining("ArrayList");
    String args = file.replace("command: \"sh -c 'echo hi\"", "args: \"$(cat /etc/args)\"");
    assertThatThrownBy(() -> SpecFiles.read(args)).isInstanceOf(SpecFileException.class)
        .hasMessageStartingWith("<string>:5: spec.template.spec.containers[0] (name \"web\"): args: \"$(cat /etc/args)\"");
  }
}
