package dev.stskit.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.StatefulSetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLSchema;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The configured mappers of the spec file and the translation of their errors. */
public final class SpecMapper {
  private static final JsonInclude.Value NON_ABSENT =
      JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT);
  private static final JsonInclude.Value NON_EMPTY =
      JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS);

  /**
   * YAML 1.2's core schema, so that {@code ~}, {@code Null} and {@code NULL} are null as a YAML
   * user expects (Jackson's default JSON schema reads them as strings).
   */
  private static final YAMLMapper YAML = YAMLMapper.builder(
          YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build())
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .changeDefaultPropertyInclusion(v -> NON_ABSENT)
      .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
      .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
      .build();

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .changeDefaultPropertyInclusion(v -> NON_ABSENT)
      .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
      .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
      .build();

  private SpecMapper() {}

  /** YAML text of {@code spec}. */
  public static String writeYaml(StatefulSetSpec spec) {
    return YAML.writeValueAsString(spec);
  }

  /** JSON text of {@code spec}. */
  public static String writeJson(StatefulSetSpec spec) {
    return JSON.writeValueAsString(spec) + "\n";
  }

  /** Reads a spec; every failure becomes a {@link SpecFileException}. */
  public static StatefulSetSpec read(String text, String source) {
    try {
      refuseAliases(text, source);
      StatefulSetSpec spec = YAML.readValue(text, StatefulSetSpec.class);
      if (spec == null) {
        throw new SpecFileException(source, 0, "", "empty spec file", null);
      }
      return spec;
    } catch (JacksonException e) {
      throw translate(e, source, text);
    } catch (SpecException e) {
      throw new SpecFileException(source, locate(text, specPath(e.path())), e.path(), e.problem(), e);
    }
  }

  private static SpecFileException translate(JacksonException e, String source, String text) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    List<Object> path = new ArrayList<>();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        path.add(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.add(r.getIndex());
      }
    }
    if (path.isEmpty() && e.processor() instanceof JsonParser parser && parser.streamReadContext() != null) {
      for (String seg : parser.streamReadContext().pathAsPointer().toString().split("/")) {
        if (!seg.isEmpty()) {
          String name = seg.replace("~1", "/").replace("~0", "~");
          path.add(name.matches("0|[1-9][0-9]{0,8}") ? (Object) Integer.parseInt(name) : name);
        }
      }
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause instanceof SpecException) {
        break;
      }
    }
    if (cause instanceof SpecException s) {
      String inner = s.path();
      // a value check runs when its object ends, where Jackson stands: point at the field instead
      if (inner.startsWith("metadata.") || inner.startsWith("spec.")) {
        return new SpecFileException(source, orElse(locate(text, specPath(inner)), line), inner, s.problem(), e);
      }
      List<Object> full = new ArrayList<>(path);
      boolean atProperty = !full.isEmpty() && full.get(full.size() - 1) instanceof String;
      boolean singleWord = inner.matches("[A-Za-z]+");
      if (!inner.isEmpty() && !(atProperty && singleWord)) {
        // a value type (Cpu, Image, Port, …) names itself; the property it sits in says more
        full.add(inner);
      }
      return new SpecFileException(source, orElse(locate(text, full), line), kubernetesPath(full), s.problem(), e);
    }
    return new SpecFileException(source, line, kubernetesPath(path), describe(e), e);
  }

  /**
   * Jackson's YAML parser hands a scalar alias ({@code *x}) over as the anchor's name, not its
   * value, so a spec file with aliases would silently mean something else: refuse them, naming
   * where.
   */
  private static void refuseAliases(String text, String source) {
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        if (p instanceof tools.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
          List<Object> path = new ArrayList<>();
          for (String seg : p.streamReadContext().pathAsPointer().toString().split("/")) {
            if (!seg.isEmpty()) {
              String name = seg.replace("~1", "/").replace("~0", "~");
              path.add(name.matches("0|[1-9][0-9]{0,8}") ? (Object) Integer.parseInt(name) : name);
            }
          }
          throw new SpecFileException(source, p.currentTokenLocation().getLineNr(), kubernetesPath(path),
              "YAML aliases (*" + p.getString() + ") are not supported in spec files; write the value out", null);
        }
      }
    }
  }

  private static int orElse(int line, int fallback) {
    return line > 0 ? line : fallback;
  }

  /**
   * The 1-based line of the deepest node of {@code path} (spec-file keys and indices) that the text
   * has, or 0: a missing key points at the object that lacks it.
   */
  static int locate(String text, List<Object> path) {
    if (path.isEmpty()) {
      return 0;
    }
    List<String> pointers = new ArrayList<>();
    StringBuilder ptr = new StringBuilder();
    for (Object seg : path) {
      ptr.append('/').append(seg.toString().replace("~", "~0").replace("/", "~1"));
      pointers.add(ptr.toString());
    }
    int best = -1;
    int line = 0;
    try (JsonParser p = YAML.createParser(text)) {
      while (p.nextToken() != null) {
        int k = pointers.indexOf(p.streamReadContext().pathAsPointer().toString());
        if (k > best) {
          best = k;
          line = p.currentTokenLocation().getLineNr();
          if (k == pointers.size() - 1) {
            break;
          }
        }
      }
    } catch (JacksonException e) {
      // the text was read once already; a late failure only ends the search
    }
    return line;
  }

  /** The spec-file path of a Kubernetes field path the spec maps ({@code spec.replicas} → replicas). */
  static List<Object> specPath(String kubernetesPath) {
    for (Map.Entry<String, String> top : TOP.entrySet()) {
      String k = top.getValue();
      if (kubernetesPath.equals(k) || kubernetesPath.startsWith(k + ".") || kubernetesPath.startsWith(k + "[")) {
        List<Object> out = new ArrayList<>();
        out.add(top.getKey());
        for (String seg : kubernetesPath.substring(k.length()).split("(?=\\[)|\\.")) {
          if (seg.isEmpty()) {
            continue;
          }
          if (seg.matches("\\[\\d+]")) {
            out.add(Integer.parseInt(seg.substring(1, seg.length() - 1)));
          } else {
            out.add(seg);
          }
        }
        return out;
      }
    }
    return List.of();
  }

  /** Jackson's message without its internal type names, or a plainer one where it has one. */
  private static String describe(JacksonException e) {
    if (e instanceof InvalidTypeIdException t && t.getBaseType() != null) {
      JsonSubTypes subTypes = t.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
      if (subTypes != null) {
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type st : subTypes.value()) {
          names.add(st.name());
        }
        return t.getTypeId() == null
            ? "missing \"type\", one of " + names
            : "unknown type \"" + t.getTypeId() + "\", expected one of " + names;
      }
    }
    if (e instanceof MismatchedInputException m && m.getPath().isEmpty()
        && m.getOriginalMessage().startsWith("No content")) {
      return "empty spec file";
    }
    String message = e.getOriginalMessage();
    int nl = message.indexOf('\n');
    if (nl > 0) {
      message = message.substring(0, nl);
    }
    message = message.replaceAll("dev\\.stskit\\.[\\w.]*?Immutable(\\w+)(\\$\\w+)*", "$1")
        .replaceAll("dev\\.stskit\\.[\\w.]*\\.(\\w+)", "$1");
    return message;
  }

  private static final Map<String, String> TOP = Map.ofEntries(
      Map.entry("name", "metadata.name"),
      Map.entry("namespace", "metadata.namespace"),
      Map.entry("labels", "metadata.labels"),
      Map.entry("annotations", "metadata.annotations"),
      Map.entry("replicas", "spec.replicas"),
      Map.entry("selector", "spec.selector.matchLabels"),
      Map.entry("podLabels", "spec.template.metadata.labels"),
      Map.entry("podAnnotations", "spec.template.metadata.annotations"),
      Map.entry("containers", "spec.template.spec.containers"),
      Map.entry("initContainers", "spec.template.spec.initContainers"),
      Map.entry("imagePullSecrets", "spec.template.spec.imagePullSecrets"),
      Map.entry("volumes", "spec.template.spec.volumes"),
      Map.entry("volumeClaimTemplates", "spec.volumeClaimTemplates"),
      Map.entry("serviceName", "spec.serviceName"),
      Map.entry("updateStrategy", "spec.updateStrategy"),
      Map.entry("revisionHistoryLimit", "spec.revisionHistoryLimit"),
      Map.entry("terminationGracePeriodSeconds", "spec.template.spec.terminationGracePeriodSeconds"),
      Map.entry("podManagementPolicy", "spec.podManagementPolicy"));

  private static final Map<String, String> CONTAINER = Map.of(
      "pullPolicy", "imagePullPolicy",
      "cpuRequest", "resources.requests.cpu",
      "cpuLimit", "resources.limits.cpu",
      "memoryRequest", "resources.requests.memory",
      "memoryLimit", "resources.limits.memory",
      "gpu", "resources.limits");

  /** The Kubernetes field path of a spec-file path, where the spec field maps to one. */
  static String kubernetesPath(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      Object seg = path.get(i);
      if (seg instanceof Integer n) {
        out.append('[').append(n).append(']');
        continue;
      }
      String name = (String) seg;
      if (i == 0 && TOP.containsKey(name)) {
        name = TOP.get(name);
      } else if (i == 2 && ("containers".equals(path.get(0)) || "initContainers".equals(path.get(0)))
          && CONTAINER.containsKey(name)) {
        name = CONTAINER.get(name);
      }
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(name);
    }
    return out.toString();
  }
}
