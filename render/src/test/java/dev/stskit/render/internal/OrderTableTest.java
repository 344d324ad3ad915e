package dev.stskit.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.render.internal.TypeInfo.Prop;
import dev.stskit.render.internal.TypeInfo.ValueType;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every type a StatefulSet or a Service can hold has a complete Go field-order table. */
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
