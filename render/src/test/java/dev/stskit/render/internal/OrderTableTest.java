package dev.stskit.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.render.internal.TypeInfo.Prop;
import dev.stskit.render.internal.TypeInfo.ValueType;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every type a StatefulSet or a Service can hold has a complete Go field-order table; every other
 * model class keeps the order of its annotations.
 */
class OrderTableTest {

  private static Set<Class<?>> reachable() {
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(StatefulSet.class, Service.class));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(todo.size() - 1);
      if (!seen.add(c)) {
        continue;
      }
      for (Prop p : TypeInfo.of(c).props()) {
        ValueType t = p.valueType();
        while (t.element() != null) {
          t = t.element();
        }
        if (t.kind() == ValueType.Kind.BEAN) {
          todo.add(t.raw());
        }
      }
    }
    return seen;
  }

  @Test
  void everyReachableTypeHasAGoOrderTable() {
    List<String> missing = new ArrayList<>();
    for (Class<?> c : reachable()) {
      if (!TypeInfo.of(c).hasGoOrder()) {
        missing.add(c.getName());
      }
    }
    assertThat(missing).as("fabric8 types without a line in go-field-order.txt").isEmpty();
    assertThat(reachable()).hasSizeGreaterThan(100);
  }

  @Test
  void everyFabric8PropertyHasAPlaceInTheOrder() {
    List<String> unplaced = new ArrayList<>();
    for (Class<?> c : reachable()) {
      for (String p : TypeInfo.of(c).unorderedProperties()) {
        unplaced.add(c.getSimpleName() + "." + p);
      }
    }
    assertThat(unplaced).as("fabric8 properties missing from go-field-order.txt").isEmpty();
  }

  @Test
  void theTableNamesOnlyPropertiesFabric8Has() {
    List<String> unknown = new ArrayList<>();
    for (Class<?> c : reachable()) {
      List<String> order = GoFieldOrder.orderOf(c.getSimpleName());
      for (String name : order) {
        if (TypeInfo.of(c).prop(name) == null) {
          unknown.add(c.getSimpleName() + "." + name);
        }
      }
    }
    assertThat(unknown).as("names in go-field-order.txt that the fabric8 class does not have").isEmpty();
  }

  /** Every fabric8 model class in the model jars on the class path (not builders). */
  private static List<Class<?>> modelClasses() throws IOException {
    List<Class<?>> out = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.endsWith(".jar") || !Path.of(entry).getFileName().toString().startsWith("kubernetes-model-")) {
        continue;
      }
      try (ZipFile jar = new ZipFile(entry)) {
        for (ZipEntry e : java.util.Collections.list(jar.entries())) {
          String n = e.getName();
          if (n.startsWith("io/fabric8/kubernetes/api/model/") && n.endsWith(".class")
              && !n.endsWith("Builder.class") && !n.endsWith("Fluent.class") && !n.contains("$")) {
            Class<?> c;
            try {
              c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false,
                  OrderTableTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError x) {
              continue;
            }
            if (!c.isInterface() && !c.isEnum() && !Modifier.isAbstract(c.getModifiers())) {
              out.add(c);
            }
          }
        }
      }
    }
    return out;
  }

  /** The order Jackson's annotations give: {@code @JsonPropertyOrder}, then the rest by name. */
  private static List<String> annotatedOrder(Class<?> c) {
    List<String> getters = new ArrayList<>();
    for (Method m : c.getMethods()) {
      JsonProperty jp = m.getAnnotation(JsonProperty.class);
      if (jp != null && !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && m.getParameterCount() == 0
          && m.getReturnType() != void.class && !getters.contains(jp.value())) {
        getters.add(jp.value());
      }
    }
    List<String> names = new ArrayList<>();
    JsonPropertyOrder order = c.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      for (String n : order.value()) {
        if (getters.contains(n) && !names.contains(n)) {
          names.add(n);
        }
      }
    }
    List<String> rest = new ArrayList<>(getters);
    rest.removeAll(names);
    rest.sort(null);
    names.addAll(rest);
    return names;
  }

  @Test
  void modelClassesWithoutAGoTableKeepTheirAnnotatedOrderWithoutReadingIt() throws IOException {
    // TypeInfo does not read a model class's annotations (that loads Jackson databind) but
    // assumes apiVersion, kind, metadata, then the rest by name: true of every one here
    List<Class<?>> classes = modelClasses();
    assertThat(classes).as("fabric8 model classes on the class path").hasSizeGreaterThan(300);
    int checked = 0;
    for (Class<?> c : classes) {
      List<String> annotated = annotatedOrder(c);
      if (annotated.isEmpty() || TypeInfo.of(c).hasGoOrder()) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (Prop p : TypeInfo.of(c).props()) {
        names.add(p.name());
      }
      assertThat(names).as("properties of %s", c.getName()).isEqualTo(annotated);
      checked++;
    }
    assertThat(checked).as("model classes without a Go order table").isGreaterThan(100);
  }

  @Test
  void containerFieldsFollowTheGoStruct() {
    List<String> names = new ArrayList<>();
    for (Prop p : TypeInfo.of(io.fabric8.kubernetes.api.model.Container.class).props()) {
      names.add(p.name());
    }
    assertThat(names).startsWith("name", "image", "command", "args", "workingDir", "ports", "envFrom", "env",
        "resources");
    assertThat(names.indexOf("volumeMounts")).isLessThan(names.indexOf("livenessProbe"));
    assertThat(names.indexOf("terminationMessagePolicy")).isLessThan(names.indexOf("imagePullPolicy"));
  }
}
