package dev.stskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Beans} reads fabric8's model classes without their class annotations (parsing those loads
 * Jackson databind), so what it assumes instead is checked here against the annotations, for every
 * class a StatefulSet or a Service can hold, and its plain view against Jackson's JSON of real objects.
 */
class BeansTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every fabric8 class reachable from the roots through JSON properties (element and value types too). */
  private static Set<Class<?>> reachable(Class<?>... roots) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(roots));
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (!Beans.isBean(c) || !seen.add(c)) {
        continue;
      }
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (f.isAnnotationPresent(JsonProperty.class)) {
            classesOf(f.getGenericType(), todo);
          }
        }
      }
    }
    return seen;
  }

  private static void classesOf(Type t, Deque<Class<?>> out) {
    if (t instanceof Class<?> c) {
      out.add(c);
    } else if (t instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) {
        classesOf(a, out);
      }
    }
  }

  /** The properties as Jackson's annotations order them, each with whether it is left out when empty. */
  private static Map<String, Boolean> byAnnotations(Class<?> type) {
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    Map<String, Boolean> declared = new LinkedHashMap<>();
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        JsonProperty jp = f.getAnnotation(JsonProperty.class);
        if (jp == null || Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(JsonIgnore.class)) {
          continue;
        }
        JsonInclude inc = f.getAnnotation(JsonInclude.class);
        JsonInclude.Include include = inc != null ? inc.value()
            : classInclude != null ? classInclude.value() : JsonInclude.Include.NON_NULL;
        declared.put(jp.value().isEmpty() ? f.getName() : jp.value(), include == JsonInclude.Include.NON_EMPTY);
      }
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      for (String n : order.value()) {
        if (declared.containsKey(n)) {
          out.put(n, declared.get(n));
        }
      }
    }
    declared.forEach(out::putIfAbsent);
    return out;
  }

  @Test
  void everyModelClassOfAStatefulSetOrServiceSaysWhatBeansAssumesWithoutReadingIt() {
    Set<Class<?>> classes = reachable(StatefulSet.class, Service.class);
    assertThat(classes).as("fabric8 classes a StatefulSet or a Service holds").hasSizeGreaterThan(100);
    for (Class<?> c : classes) {
      assertThat(Beans.readsNoClassAnnotations(c)).as(c.getName()).isTrue();
      JsonInclude include = c.getAnnotation(JsonInclude.class);
      assertThat(include).as("@JsonInclude of %s", c.getName()).isNotNull();
      assertThat(include.value()).as("@JsonInclude of %s", c.getName()).isEqualTo(JsonInclude.Include.NON_NULL);
      assertThat(Beans.properties(c)).as("properties of %s, in order", c.getName())
          .containsExactlyEntriesOf(byAnnotations(c));
    }
  }

  static Stream<String> corpus() {
    return Stream.concat(Stream.of(Fixtures.MYSQL_PAGE), Fixtures.allCorpus().stream());
  }

  private static List<HasMetadata> objects(String resource) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(Fixtures.statefulSet(resource));
    out.addAll(Fixtures.services(resource));
    return out;
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void thePlainViewIsJacksonsJsonInItsOrder(String resource) {
    for (HasMetadata o : objects(resource)) {
      assertThat(JSON.writeValueAsString(Beans.toPlain(o))).as(o.getKind()).isEqualTo(JSON.writeValueAsString(o));
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void presentPropertiesAreTheKeysOfJacksonsJson(String resource) {
    for (HasMetadata o : objects(resource)) {
      List<Object> beans = new ArrayList<>(List.of(o));
      if (o instanceof StatefulSet s && s.getSpec().getTemplate().getSpec() != null) {
        beans.addAll(s.getSpec().getTemplate().getSpec().getVolumes());
        beans.addAll(s.getSpec().getTemplate().getSpec().getContainers());
      }
      for (Object b : beans) {
        List<String> names = new ArrayList<>();
        JSON.valueToTree(b).propertyNames().forEach(names::add);
        assertThat(Beans.presentProperties(b)).as(b.getClass().getSimpleName()).isEqualTo(names);
      }
    }
  }

  @Test
  void presentPropertiesCountAdditionalOnesAndLeaveOutEmptyLists() {
    Volume v = new Volume();
    v.setName("data");
    v.setAdditionalProperty("x-source", Map.of("a", 1));
    v.setConfigMap(new io.fabric8.kubernetes.api.model.ConfigMapVolumeSource());
    List<String> names = new ArrayList<>();
    JSON.valueToTree(v).propertyNames().forEach(names::add);
    assertThat(Beans.presentProperties(v)).containsExactly("configMap", "name", "x-source").isEqualTo(names);
    assertThat(Volumes.countSources(v)).isEqualTo(2);
  }
}
