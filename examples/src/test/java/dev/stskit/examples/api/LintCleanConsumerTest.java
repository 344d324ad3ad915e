package dev.stskit.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A user compiling with {@code -Xlint:all -Werror} builds cleanly against every library module.
 * The consumer names every public type of the module and calls every no-argument {@code
 * builder().build()}, which makes javac read the generated Immutables classes behind them; it is
 * compiled with this test's classpath minus the jars the modules use at {@code provided} scope (the
 * Immutables annotations), as a user's build sees it.
 */
class LintCleanConsumerTest {
  static List<String> modules() {
    return LibraryModules.bomModules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void aConsumerCompilesWithAllLintWarningsAsErrors(String module, @TempDir Path out) throws Exception {
    LibraryModules.Module m = LibraryModules.all().stream().filter(x -> x.name().equals(module))
        .findFirst().orElseThrow();
    String source = consumer(m);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Path> classpath = LibraryModules.classpath().stream().filter(p -> !provided(p)).toList();
    assertThat(classpath).as("the provided Immutables annotations are left out").noneMatch(LintCleanConsumerTest::provided);
    Path file = out.resolve("src/Consumer.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
          "-d", out.resolve("classes").toString(),
          "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
    }
    List<String> messages = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
            + d.getMessage(Locale.ROOT))
        .toList();
    assertThat(messages).as("javac -Xlint:all -Werror on a consumer of %s:%n%s", module, source).isEmpty();
    assertThat(ok).isTrue();
    assertThat(source).as("the consumer uses the module").contains(".class");
  }

  /** The Immutables annotations and sts-kit's shared style annotation, which modules use at provided scope. */
  private static boolean provided(Path p) {
    String s = p.toString().replace(File.separatorChar, '/');
    return s.contains("/org/immutables/") || s.endsWith("/style/target/classes") || s.matches(".*/sts-kit-style-[^/]*\\.jar");
  }

  /** A class naming every public type of the module and building every builder it offers. */
  static String consumer(LibraryModules.Module m) {
    List<String> types = new ArrayList<>();
    StringBuilder builds = new StringBuilder();
    for (Class<?> c : LibraryModules.publicTypes(m).values()) {
      String name = c.getCanonicalName();
      if (name == null || c.isAnnotationPresent(Deprecated.class)) {
        continue;
      }
      types.add("      " + name + ".class");
      Method builder = builder(c);
      if (builder != null && !builder.isAnnotationPresent(Deprecated.class) && hasBuild(builder.getReturnType())) {
        builds.append("    ").append(name).append(".builder().build();\n");
      }
    }
    return "final class Consumer {\n"
        + "  static final java.util.List<Class<?>> TYPES = java.util.List.of(\n" + String.join(",\n", types) + ");\n\n"
        + "  private Consumer() {}\n\n"
        + "  static void use() {\n" + builds + "  }\n}\n";
  }

  private static Method builder(Class<?> c) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals("builder") && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() == c) {
        return m;
      }
    }
    return null;
  }

  private static boolean hasBuild(Class<?> builder) {
    List<Method> builds = new ArrayList<>();
    for (Method m : builder.getMethods()) {
      if (m.getName().equals("build") && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
        builds.add(m);
      }
    }
    return !builds.isEmpty();
  }
}
