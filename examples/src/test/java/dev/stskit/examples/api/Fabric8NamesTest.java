package dev.stskit.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sts-kit types that share a simple name with a type of fabric8's model packages ({@code
 * io.fabric8.kubernetes.api.model} and {@code ...model.apps}) are listed in core/README.md (a new
 * one fails here until it is), and the import style the README gives compiles with both packages
 * wildcard-imported.
 */
class Fabric8NamesTest {
  static final List<String> FABRIC8_PACKAGES = List.of("io.fabric8.kubernetes.api.model",
      "io.fabric8.kubernetes.api.model.apps");

  /** sts-kit type (fully qualified) → the fabric8 types of the same simple name. */
  static Map<String, List<String>> clashes() throws IOException {
    Map<String, List<String>> fabric8 = new TreeMap<>();
    for (Class<?> anchor : List.of(Pod.class, StatefulSet.class)) {
      for (String name : topLevelPublicTypes(jarOf(anchor), anchor.getPackageName())) {
        fabric8.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name);
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    for (LibraryModules.Module m : LibraryModules.all()) {
      for (Class<?> c : LibraryModules.publicTypes(m).values()) {
        if (c.getEnclosingClass() == null && fabric8.containsKey(c.getSimpleName())) {
          out.put(c.getName(), fabric8.get(c.getSimpleName()));
        }
      }
    }
    return out;
  }

  /** The table of core/README.md's section on fabric8's names, in the same shape. */
  static Map<String, List<String>> documented() throws IOException {
    String readme = Files.readString(Path.of("..", "core", "README.md"));
    int start = readme.indexOf("### Names shared with fabric8's model");
    if (start < 0) {
      return Map.of();
    }
    int end = readme.indexOf("\n#", start + 4);
    Matcher row = Pattern.compile("(?m)^\\| `([\\w.]+)` \\| ([^|]+) \\|$")
        .matcher(readme.substring(start, end < 0 ? readme.length() : end));
    Map<String, List<String>> out = new TreeMap<>();
    while (row.find()) {
      List<String> f = new ArrayList<>();
      Matcher name = Pattern.compile("`([\\w.]+)`").matcher(row.group(2));
      while (name.find()) {
        f.add(name.group(1));
      }
      out.put(row.group(1), f);
    }
    return out;
  }

  @Test
  void everySharedNameIsDocumented() throws IOException {
    Map<String, List<String>> computed = clashes();
    assertThat(computed).as("sts-kit has names shared with fabric8's model").containsKey("dev.stskit.core.Volume");
    assertThat(documented())
        .as("the table in core/README.md, section \"Names shared with fabric8's model\"; the computed one is:%n%s",
            computed.entrySet().stream().map(e -> "| `" + e.getKey() + "` | "
                + e.getValue().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + " |")
                .collect(Collectors.joining("\n")))
        .isEqualTo(computed);
  }

  @Test
  void singleTypeImportsOfStsKitTypesShadowBothWildcardImports(@TempDir Path dir) throws IOException {
    Map<String, List<String>> clashes = clashes();
    assertThat(compile(dir.resolve("ok"), source(clashes, true))).isEmpty();
  }

  @Test
  void withoutThemTheSharedNamesAreAmbiguous(@TempDir Path dir) throws IOException {
    List<String> errors = compile(dir.resolve("bad"), source(clashes(), false));
    assertThat(errors).isNotEmpty().allMatch(e -> e.contains("is ambiguous"));
    assertThat(String.join("\n", errors)).contains("reference to ContainerPort is ambiguous");
  }

  /**
   * The README's import style: wildcard imports of sts-kit's package and fabric8's two model
   * packages, a single-type import for each shared name (JLS §6.4.1: a single-type import shadows
   * any type-import-on-demand), and fabric8's type of that name written qualified.
   */
  static String source(Map<String, List<String>> clashes, boolean singleTypeImports) {
    StringBuilder imports = new StringBuilder();
    imports.append("import dev.stskit.core.*;\n");
    for (String p : FABRIC8_PACKAGES) {
      imports.append("import ").append(p).append(".*;\n");
    }
    StringBuilder uses = new StringBuilder();
    int n = 0;
    for (Map.Entry<String, List<String>> e : clashes.entrySet()) {
      String simple = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
      if (!e.getKey().startsWith("dev.stskit.core.") || e.getKey().substring("dev.stskit.core.".length()).contains(".")) {
        continue; // only dev.stskit.core.* is wildcard-imported here; other packages the same way
      }
      if (singleTypeImports) {
        imports.append("import ").append(e.getKey()).append(";\n");
      }
      uses.append("    ").append(e.getKey()).append(" s").append(n).append(" = (").append(simple).append(") null;\n");
      for (String f : e.getValue()) {
        uses.append("    ").append(f).append(" f").append(n).append(" = null;\n");
        uses.append("    java.util.Objects.hash(s").append(n).append(", f").append(n++).append(");\n");
      }
    }
    return imports + "\n"
        + "final class Consumer {\n"
        + "  private Consumer() {}\n\n"
        + "  static StatefulSet compile() {\n"
        + "    StatefulSetSpec spec = StatefulSetSpec.builder().name(\"web\")\n"
        + "        .addContainer(ContainerSpec.builder().name(\"web\").image(\"nginx:1.27\")\n"
        + "            .addPort(ContainerPort.of(\"http\", 8080))\n"
        + "            .addEnv(EnvVar.of(\"MODE\", \"prod\"))\n"
        + "            .addVolumeMount(VolumeMount.of(\"data\", \"/data\"))\n"
        + "            .readinessProbe(Probe.of(Action.tcpSocket(8080)))\n"
        + "            .build())\n"
        + "        .addService(AccessService.builder().name(\"web-lb\").addPort(ServicePort.of(\"http\", 80)).build())\n"
        + "        .build();\n"
        + "    StatefulSet sts = spec.compile().statefulSet();\n"
        + "    Service governing = spec.compile().governingService();\n"
        + "    io.fabric8.kubernetes.api.model.ContainerPort port = sts.getSpec().getTemplate().getSpec()\n"
        + "        .getContainers().get(0).getPorts().get(0);\n"
        + "    java.util.Objects.hash(governing, port);\n"
        + "    return sts;\n"
        + "  }\n\n"
        + "  static void everySharedName() {\n" + uses + "  }\n"
        + "}\n";
  }

  /** javac's errors and warnings ({@code -Xlint:all}) for one source file. */
  static List<String> compile(Path dir, String source) throws IOException {
    Path file = dir.resolve("src/Consumer.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("--release", "17", "-Xlint:all", "-proc:none",
          "-d", dir.resolve("classes").toString(), "-classpath", LibraryModules.classpath().stream()
              .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
      javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
  }

  private static Path jarOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TreeSet<String> topLevelPublicTypes(Path jar, String packageName) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    String prefix = packageName.replace('.', '/') + "/";
    try (JarFile j = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = j.entries();
      while (entries.hasMoreElements()) {
        String n = entries.nextElement().getName();
        String rest = n.startsWith(prefix) ? n.substring(prefix.length()) : "";
        if (rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$") && !rest.equals("package-info.class")) {
          String name = packageName + "." + rest.substring(0, rest.length() - ".class".length());
          if (java.lang.reflect.Modifier.isPublic(LibraryModules.load(name).getModifiers())) {
            out.add(name);
          }
        }
      }
    }
    return out;
  }
}
