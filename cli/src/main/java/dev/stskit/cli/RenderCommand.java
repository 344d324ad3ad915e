package dev.stskit.cli;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.YamlRenderer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code render SPEC.yaml}: spec file → apply-ready multi-document YAML on stdout. */
final class RenderCommand {
  private final PrintStream out;

  RenderCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args) {
    Args a = Args.parse("render", args, Set.of(), Set.of());
    if (a.operands().size() != 1) {
      throw new UsageException("render: expected exactly one SPEC.yaml, got " + a.operands().size());
    }
    String name = a.operands().get(0);
    Path file = Inputs.existing("render", name);
    Manifests manifests;
    try {
      StatefulSetSpec spec = SpecFiles.read(file);
      manifests = spec.compile();
    } catch (SpecException e) {
      // SpecFileException already reads "<file>:<line>: <path>: <problem>"
      String msg = e.getMessage();
      throw new UsageException("render: " + (msg.startsWith(name) ? msg : name + ": " + msg), e);
    } catch (UncheckedIOException e) {
      throw new UsageException("render: " + name + ": " + e.getCause().getMessage(), e);
    }
    YamlRenderer.applyReady().render(manifests.all(), out);
    return Cli.OK;
  }
}
