package dev.stskit.examples.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.MissingFieldsException;
import dev.stskit.core.SpecException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a user of any library module sees never names a type of an {@code internal} package: not in
 * a public or protected signature (supertypes, fields, constructors, methods, their type
 * parameters and declared exceptions), and not as the exception a builder throws.
 */
class ApiBoundaryTest {
  @Test
  void noPublicSignatureOfAnyLibraryModuleMentionsAnInternalType() {
    List<String> offences = new ArrayList<>();
    int types = 0;
    for (LibraryModules.Module m : LibraryModules.all()) {
      for (Class<?> c : LibraryModules.publicTypes(m).values()) {
        types++;
        offences.addAll(offences(c));
      }
    }
    assertThat(types).as("public types found").isGreaterThan(100);
    assertThat(offences).isEmpty();
  }

  @Test
  void theCheckFindsAnInternalTypeHiddenInAGenericSignature() {
    assertThat(offences(Leaky.class)).singleElement().asString()
        .contains("leak()").contains("dev.stskit.core.internal.Quantities");
  }

  @Test
  void everyBuilderThrowsOnlyPublicExceptions() throws ReflectiveOperationException {
    List<String> offences = new ArrayList<>();
    int thrown = 0;
    for (LibraryModules.Module m : LibraryModules.all()) {
      for (Class<?> c : LibraryModules.publicTypes(m).values()) {
        Method builder = staticNoArg(c, "builder");
        if (builder == null) {
          continue;
        }
        Method build = instanceNoArg(builder.getReturnType(), "build");
        if (build == null) {
          continue;
        }
        try {
          build.invoke(builder.invoke(null));
        } catch (InvocationTargetException e) {
          thrown++;
          for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!publicPackage(t.getClass())) {
              offences.add(c.getName() + ".builder().build() throws " + t.getClass().getName());
            }
          }
        }
      }
    }
    assertThat(thrown).as("builders that refuse an empty build").isGreaterThan(10);
    assertThat(offences).isEmpty();
  }

  @Test
  void aBuilderMissingRequiredFieldsThrowsThePublicMissingFieldsException() {
    assertThatThrownBy(() -> ContainerSpec.builder().build())
        .isInstanceOf(MissingFieldsException.class)
        .isInstanceOf(SpecException.class)
        .hasMessage("name: required")
        .satisfies(e -> assertThat(((MissingFieldsException) e).fields()).containsExactly("name"));
    // the image is checked once the name is known, so that the error can name the container
    assertThatThrownBy(() -> ContainerSpec.builder().name("api").build())
        .isInstanceOf(SpecException.class)
        .hasMessage("container \"api\": image: required");
    assertThatThrownBy(() -> ClaimTemplate.builder().name("data").build())
        .isInstanceOf(MissingFieldsException.class)
        .hasMessage("size: required");
  }

  /** A deliberately leaky type, to show the check sees through generics. */
  public static final class Leaky {
    /** @return nothing */
    public List<? extends dev.stskit.core.internal.Quantities> leak() {
      return List.of();
    }
  }

  private static boolean publicPackage(Class<?> c) {
    String p = c.getPackageName();
    return !p.startsWith("dev.stskit.") || LibraryModules.exported(p);
  }

  private static Method staticNoArg(Class<?> c, String name) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() == c) {
        return m;
      }
    }
    return null;
  }

  private static Method instanceNoArg(Class<?> c, String name) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
        // declared in a package-private generated superclass: reachable through the public subclass
        m.setAccessible(true);
        return m;
      }
    }
    return null;
  }

  /** Every public or protected member of {@code c} whose signature mentions an internal type. */
  static List<String> offences(Class<?> c) {
    Set<String> out = new LinkedHashSet<>();
    String where = c.getName();
    check(out, where + " type parameters", (Type[]) c.getTypeParameters());
    if (c.getGenericSuperclass() != null) {
      check(out, where + " superclass", c.getGenericSuperclass());
    }
    check(out, where + " interfaces", c.getGenericInterfaces());
    Set<Field> fields = new LinkedHashSet<>(List.of(c.getFields()));
    Set<Constructor<?>> constructors = new LinkedHashSet<>(List.of(c.getConstructors()));
    Set<Method> methods = new LinkedHashSet<>(List.of(c.getMethods()));
    for (Field f : c.getDeclaredFields()) {
      if (Modifier.isProtected(f.getModifiers())) {
        fields.add(f);
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (Modifier.isProtected(k.getModifiers())) {
        constructors.add(k);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isProtected(m.getModifiers())) {
        methods.add(m);
      }
    }
    for (Field f : fields) {
      check(out, where + "." + f.getName(), f.getGenericType());
    }
    for (Constructor<?> k : constructors) {
      if (k.isSynthetic()) {
        continue;
      }
      String at = where + ".<init>" + k.getParameterCount();
      check(out, at, (Type[]) k.getTypeParameters());
      check(out, at, k.getGenericParameterTypes());
      check(out, at + " throws", k.getGenericExceptionTypes());
    }
    for (Method m : methods) {
      if (m.isSynthetic() || m.isBridge()) {
        continue;
      }
      String at = where + "." + m.getName() + "()";
      check(out, at, (Type[]) m.getTypeParameters());
      check(out, at, m.getGenericReturnType());
      check(out, at, m.getGenericParameterTypes());
      check(out, at + " throws", m.getGenericExceptionTypes());
    }
    return new ArrayList<>(out);
  }

  private static void check(Set<String> out, String where, Type... types) {
    for (Type t : types) {
      Set<String> found = new LinkedHashSet<>();
      internalTypes(t, found, new HashSet<>());
      for (String f : found) {
        out.add(where + " mentions " + f);
      }
    }
  }

  private static void internalTypes(Type t, Set<String> found, Set<Type> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (!publicPackage(c)) {
        found.add(c.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      internalTypes(p.getRawType(), found, seen);
      internalTypes(p.getOwnerType(), found, seen);
      for (Type a : p.getActualTypeArguments()) {
        internalTypes(a, found, seen);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        internalTypes(b, found, seen);
      }
      for (Type b : w.getLowerBounds()) {
        internalTypes(b, found, seen);
      }
    } else if (t instanceof GenericArrayType g) {
      internalTypes(g.getGenericComponentType(), found, seen);
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        internalTypes(b, found, seen);
      }
    }
  }
}
