package dev.stskit.examples.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library modules a user depends on (those the BOM lists), where their classes are on this
 * test's classpath, and their public API: the public types of their exported packages (every
 * package but {@code .internal.} ones).
 */
final class LibraryModules {
  private LibraryModules() {}

  /** A library module: its directory name ({@code core}) and its classes (directory or jar). */
  record Module(String name, Path classes) {}

  /** The modules of {@code bom/pom.xml}, each located on the classpath; fails for a missing one. */
  static List<Module> all() {
    List<Module> out = new ArrayList<>();
    for (String name : bomModules()) {
      Path classes = classpath().stream()
          .filter(p -> p.endsWith(Path.of(name, "target", "classes"))
              || p.getFileName().toString().matches("sts-kit-" + Pattern.quote(name) + "-[0-9].*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("library module " + name + " (listed in bom/pom.xml) is not on the "
              + "examples module's test classpath: add it to examples/pom.xml so its public API is checked"));
      out.add(new Module(name, classes));
    }
    return out;
  }

  /** The artifact names the BOM manages, without the {@code sts-kit-} prefix. */
  static List<String> bomModules() {
    try {
      String pom = Files.readString(Path.of("..", "bom", "pom.xml"));
      Matcher m = Pattern.compile("<artifactId>sts-kit-([a-z-]+)</artifactId>").matcher(pom);
      List<String> out = new ArrayList<>();
      while (m.find()) {
        if (!m.group(1).equals("bom")) {
          out.add(m.group(1));
        }
      }
      if (out.isEmpty()) {
        throw new AssertionError("no sts-kit-* artifact in bom/pom.xml");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This test's classpath, as files. */
  static List<Path> classpath() {
    List<Path> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        out.add(Path.of(e).toAbsolutePath().normalize());
      }
    }
    return out;
  }

  /** The names of the classes in a classes directory or jar, sorted. */
  static List<String> classNames(Path classes) {
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(
              classes.relativize(f).toString().replace(File.separatorChar, '/')));
        }
      } else {
        try (JarFile jar = new JarFile(classes.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
              names.add(n);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!n.endsWith("package-info.class") && !n.endsWith("module-info.class")) {
        out.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
      }
    }
    out.sort(null);
    return out;
  }

  /** Whether a package is exported API: a {@code dev.stskit} package without an {@code internal} segment. */
  static boolean exported(String packageName) {
    return packageName.startsWith("dev.stskit.") && !("." + packageName + ".").contains(".internal.");
  }

  /**
   * The types a user of the module can name: public top-level types of exported packages, and
   * their public or protected member types, by name.
   */
  static TreeMap<String, Class<?>> publicTypes(Module module) {
    TreeMap<String, Class<?>> out = new TreeMap<>();
    for (String name : classNames(module.classes())) {
      Class<?> c = load(name);
      if (exported(c.getPackageName()) && visible(c)) {
        out.put(c.getName(), c);
      }
    }
    return out;
  }

  private static boolean visible(Class<?> c) {
    if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
      return false;
    }
    if (c.getEnclosingClass() == null) {
      return Modifier.isPublic(c.getModifiers());
    }
    // a member type inherits its enclosing type's reach: protected ones are seen by subclasses
    return (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
        && visible(c.getEnclosingClass());
  }

  static Class<?> load(String name) {
    try {
      return Class.forName(name, false, LibraryModules.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(name + " is listed but cannot be loaded", e);
    }
  }
}
