package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.Volume;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The volume source fields of a {@link Volume}, found once by reflection over fabric8's getters. */
public final class VolumeSources {
  private static final List<Method> SOURCES = sources();

  private VolumeSources() {}

  private static List<Method> sources() {
    List<Method> out = new ArrayList<>();
    for (Method m : Volume.class.getMethods()) {
      if (m.getName().startsWith("get") && m.getParameterCount() == 0 && m.getDeclaringClass() == Volume.class
          && !m.getName().equals("getName") && !m.getName().equals("getAdditionalProperties")) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName));
    return List.copyOf(out);
  }

  /** How many volume sources are set. */
  public static int count(Volume v) {
    return names(v).size();
  }

  /**
   * The JSON names of the sources that are set, e.g. {@code [emptyDir, secret]}, in alphabetical
   * order.
   */
  public static List<String> names(Volume v) {
    List<String> out = new ArrayList<>();
    for (Method m : SOURCES) {
      try {
        if (m.invoke(v) != null) {
          String n = m.getName().substring(3);
          out.add(jsonName(n));
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read volume source " + m.getName(), e);
      }
    }
    return out;
  }

  private static String jsonName(String getterSuffix) {
    return switch (getterSuffix) {
      case "DownwardAPI" -> "downwardAPI";
      case "ScaleIO" -> "scaleIO";
      default -> Character.toLowerCase(getterSuffix.charAt(0)) + getterSuffix.substring(1);
    };
  }
}
