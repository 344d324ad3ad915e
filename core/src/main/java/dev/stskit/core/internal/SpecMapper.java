package dev.stskit.core.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.StatefulSetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLSchema;

/** The configured mappers of the spec file and the translation of their errors. */
public final class SpecMapper {
  private static final JsonInclude.Value NON_ABSENT =
      JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT);
  private static final JsonInclude.Value NON_EMPTY =
      JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS);

  /** The longest string or key a spec file may hold: the manifest reader's scalar limit (1 MiB). */
  public static final int MAX_SCALAR_CHARS = SpecSyntax.MAX_SCALAR_CHARS;
  /** The longest spec file: the manifest reader's input limit (3 MiB). */
  public static final int MAX_INPUT_CHARS = SpecSyntax.MAX_INPUT_CHARS;

  /** The mapper takes the write features from the factory: one list of them, in SpecText. */
  private static final YAMLMapper YAML = YAMLMapper.builder(SpecText.yamlFactory())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .changeDefaultPropertyInclusion(v -> NON_ABSENT)
      .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
      .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
      .addModule(new tools.jackson.databind.module.SimpleModule("sts-kit-yaml-strings")
          .addSerializer(String.class, new YamlString(false))
          .addKeySerializer(String.class, new YamlString(true)))
      .build();

  /**
   * snakeyaml-engine's emitter pairs a high surrogate with whatever character follows it, so a lone
   * one before another character is written as a different character ("a\uD800t" as "a⑴t") and the
   * spec reads back different. Found by the mutation fuzzer (input 7145 of seed 20261203). Such a
   * string is refused when YAML is written; JSON escapes it and reads it back.
   */
  private static final class YamlString extends tools.jackson.databind.ser.std.StdSerializer<String> {
    private final boolean key;

    YamlString(boolean key) {
      super(String.class);
      this.key = key;
    }

    @Override
    public void serialize(String value, tools.jackson.core.JsonGenerator g, tools.jackson.databind.SerializationContext c) {
      int at = SpecText.loneHighSurrogate(value);
      if (at >= 0) {
        throw new LoneSurrogate(value.charAt(at));
      }
      if (key) {
        g.writeName(value);
      } else {
        g.writeString(value);
      }
    }
  }

  /** What {@link YamlString} throws; {@link #writeYaml} makes it a {@link SpecException} with a path. */
  private static final class LoneSurrogate extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final char surrogate;

    LoneSurrogate(char surrogate) {
      super(null, null, false, false);
      this.surrogate = surrogate;
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder(SpecText.jsonFactory())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .changeDefaultPropertyInclusion(v -> NON_ABSENT)
      .withConfigOverride(List.class, o -> o.setInclude(NON_EMPTY))
      .withConfigOverride(Map.class, o -> o.setInclude(NON_EMPTY))
      .build();

  /**
   * Reads a spec file that is JSON (its first character is '{'): as JSON, because a YAML reader
   * takes at most 1,024 characters of a key in a flow mapping, and {@link #writeJson} writes any
   * key. Strict as the YAML reading is.
   */
  private static final JsonMapper JSON_READ = JsonMapper.builder(SpecSyntax.json().build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  /** The mapper that reads {@code text}: JSON for a JSON object, else YAML. */
  private static tools.jackson.databind.ObjectMapper reader(String text) {
    return SpecSyntax.isJson(text) ? JSON_READ : YAML;
  }

  private SpecMapper() {}

  /**
   * YAML text of {@code spec}, written by Jackson databind (the full writer; {@link FastSpecWriter}
   * writes the same bytes without it).
   *
   * @param spec the spec
   * @return its YAML text
   */
  public static String writeYaml(StatefulSetSpec spec) {
    try {
      return readable(YAML.writeValueAsString(spec));
    } catch (JacksonException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LoneSurrogate lone) {
          StringBuilder path = new StringBuilder();
          for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
              path.append(path.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
              path.append('[').append(r.getIndex()).append(']');
            }
          }
          throw new SpecException(path.toString(), String.format("holds a lone UTF-16 surrogate (U+%04X)"
              + " before another character, which YAML cannot write; write the spec as JSON, which"
              + " escapes it", (int) lone.surrogate));
        }
      }
      throw e;
    }
  }

  /**
   * JSON text of {@code spec}, written by Jackson databind (the full writer).
   *
   * @param spec the spec
   * @return its JSON text
   */
  public static String writeJson(StatefulSetSpec spec) {
    return readable(JSON.writeValueAsString(spec) + "\n");
  }

  /**
   * The text, if {@link #read} reads it back: a text over the scalar limit may hold a string or
   * key over it, or be over the input limit, and is then refused here rather than written.
   *
   * @param text a spec file's text, as either writer wrote it
   * @return the text
   * @throws SpecException naming the field when the text would not read back
   */
  public static String readable(String text) {
    if (text.length() > MAX_SCALAR_CHARS) {
      try {
        read(text, "<spec>");
      } catch (SpecFileException e) {
        throw new SpecException(e.path(), "the spec file would not read back: " + e.problem());
      }
    }
    return text;
  }

  /** Reads a spec; every failure becomes a {@link SpecFileException}. */
  public static StatefulSetSpec read(String text, String source) {
    try {
      if (text.length() > MAX_INPUT_CHARS) {
        throw new SpecFileException(source, 0, "", "the spec file has " + text.length()
            + " characters, more than the limit of " + MAX_INPUT_CHARS, null);
      }
      prescan(text, source);
      StatefulSetSpec spec = reader(text).readValue(text, StatefulSetSpec.class);
      if (spec == null) {
        throw new SpecFileException(source, 0, "", "empty spec file", null);
      }
      return spec;
    } catch (JacksonException e) {
      throw namingTheContainer(translate(e, source, text), text);
    } catch (SpecFileException e) {
      throw namingTheContainer(e, text);
    } catch (SpecException e) {
      throw namingTheContainer(new SpecFileException(source, locate(text, specPath(e.path())), e.path(),
          e.container().orElse(null), e.problem(), e), text);
    }
  }

  private static final Pattern CONTAINER_PATH = Pattern.compile(
      "spec\\.template\\.spec\\.(containers|initContainers)\\[(\\d{1,9})](?:[.\\[].*)?");

  /**
   * The error, naming the container it is in after the container's index ({@code
   * spec.template.spec.containers[1] (name "api"): image: required}) when the exception does not
   * already and the file gives the container a name.
   */
  private static SpecFileException namingTheContainer(SpecFileException e, String text) {
    Matcher m = CONTAINER_PATH.matcher(e.path());
    if (e.container().isPresent() || !m.matches()) {
      return e;
    }
    JsonNode name;
    try {
      name = reader(text).readTree(text).path(m.group(1)).path(Integer.parseInt(m.group(2))).path("name");
    } catch (JacksonException | NumberFormatException unreadable) {
      return e; // the file does not read as a tree: the error says so already
    }
    if (!name.isString() || name.asString().isEmpty()) {
      return e;
    }
    return new SpecFileException(e.source(), e.line().orElse(0), e.path(), name.asString(), e.problem(),
        e.getCause());
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
        return new SpecFileException(source, orElse(locate(text, specPath(inner)), line), inner,
            s.container().orElse(null), s.problem(), e);
      }
      List<Object> full = new ArrayList<>(path);
      boolean atProperty = !full.isEmpty() && full.get(full.size() - 1) instanceof String;
      boolean singleWord = inner.matches("[A-Za-z]+");
      if (atProperty && (inner.startsWith(full.get(full.size() - 1) + ".")
          || inner.startsWith(full.get(full.size() - 1) + "["))) {
        full.remove(full.size() - 1); // the value names the property it sits in itself
        full.add(inner);
      } else if (!inner.isEmpty() && !(atProperty && singleWord)) {
        // a value type (Cpu, Image, Port, …) names itself; the property it sits in says more
        full.add(inner);
      }
      return new SpecFileException(source, orElse(locate(text, full), line), kubernetesPath(full),
          s.container().orElse(null), s.problem(), e);
    }
    if (!path.isEmpty() && "gpu".equals(path.get(path.size() - 1)) && e.getOriginalMessage() != null) {
      // the GPU request's reader names the field it refuses ("gpu.profile: ..."): point at it
      java.util.regex.Matcher m = GPU_FIELD.matcher(e.getOriginalMessage());
      if (m.matches()) {
        List<Object> full = new ArrayList<>(path);
        full.add(m.group(1));
        return new SpecFileException(source, orElse(locate(text, full), line), kubernetesPath(full), m.group(2), e);
      }
    }
    return new SpecFileException(source, line, kubernetesPath(path), describe(e), e);
  }

  private static final java.util.regex.Pattern GPU_FIELD =
      java.util.regex.Pattern.compile("gpu\\.([A-Za-z]+): (.*)", java.util.regex.Pattern.DOTALL);

  /**
   * What Jackson would read wrongly or report without a path, refused before binding, naming
   * where: a document that is not a mapping; YAML aliases (Jackson's YAML parser hands a scalar
   * alias {@code *x} over as the anchor's name, not its value); integers with a leading zero or
   * {@code 0o} ({@code 010} is 8 in this YAML 1.2 reader but 10 or 8 elsewhere, and YAML 1.1
   * readers such as kubectl's read {@code 0o10} as a string); and null list items outside extras,
   * which no list of the spec can hold.
   */
  private static void prescan(String text, String source) {
    try (JsonParser p = reader(text).createParser(text)) {
      tools.jackson.core.JsonToken first = p.nextToken();
      if (first != null && first != tools.jackson.core.JsonToken.START_OBJECT) {
        throw new SpecFileException(source, Math.max(1, p.currentTokenLocation().getLineNr()), "",
            "a spec file is a mapping of spec fields (name: …, containers: …), not "
                + (first == tools.jackson.core.JsonToken.START_ARRAY ? "a list" : "a single value"), null);
      }
      for (tools.jackson.core.JsonToken t = first; t != null; t = p.nextToken()) {
        if (p instanceof tools.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
          throw new SpecFileException(source, p.currentTokenLocation().getLineNr(), kubernetesPath(pathOf(p)),
              "YAML aliases (*" + clip(p.getString()) + ") are not supported in spec files; write the value out", null);
        }
        if (t == tools.jackson.core.JsonToken.VALUE_NUMBER_INT && !inExtras(p)) {
          String literal = p.getString();
          if (LEADING_ZERO.matcher(literal).matches()) {
            throw new SpecFileException(source, p.currentTokenLocation().getLineNr(), kubernetesPath(pathOf(p)),
                "the integer " + clip(literal) + " has a leading zero, which YAML readers read differently (as "
                    + "octal or decimal); write it in decimal without the zero", null);
          }
        }
        if (t == tools.jackson.core.JsonToken.VALUE_NULL && p.streamReadContext().inArray() && !inExtras(p)) {
          throw new SpecFileException(source, p.currentTokenLocation().getLineNr(), kubernetesPath(pathOf(p)),
              "a list item must not be null", null);
        }
      }
    }
  }

  /** {@code 010}, {@code -007}, {@code 0o17}, {@code 0_1}: integers YAML 1.1 and 1.2 read differently. */
  private static final java.util.regex.Pattern LEADING_ZERO =
      java.util.regex.Pattern.compile("[-+]?(0[0-9_]+|0o[0-7_]+)");

  private static boolean inExtras(JsonParser p) {
    for (tools.jackson.core.TokenStreamContext c = p.streamReadContext(); c != null; c = c.getParent()) {
      String name = c.currentName();
      if (name != null && (name.equals("extras") || name.endsWith("Extras"))) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> pathOf(JsonParser p) {
    List<Object> path = new ArrayList<>();
    for (String seg : p.streamReadContext().pathAsPointer().toString().split("/")) {
      if (!seg.isEmpty()) {
        String name = seg.replace("~1", "/").replace("~0", "~");
        path.add(name.matches("0|[1-9][0-9]{0,8}") ? (Object) Integer.parseInt(name) : name);
      }
    }
    return path;
  }

  /** A value a message echoes: at most 80 characters, and then how long it was. */
  public static String clip(String s) {
    if (s == null) {
      return "null";
    }
    if (s.length() <= 80) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(79)) ? 79 : 80;
    return s.substring(0, end) + "… (" + s.length() + " characters, truncated)";
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
    try (JsonParser p = reader(text).createParser(text)) {
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
    return plain(message);
  }

  private static final java.util.regex.Pattern MISMATCH = java.util.regex.Pattern.compile(
      "Cannot deserialize value of type `([^`]*)` from ([\\w -]+?) value.*");
  /** Jackson's coercion refusals: {@code Cannot coerce empty String ("") to element of `java.util.LinkedHashMap<…>` (but could …)}. */
  private static final java.util.regex.Pattern COERCE_TO = java.util.regex.Pattern.compile(
      "Cannot coerce (empty String|String value|Integer value|Floating-point value|Boolean value|[\\w -]+?)"
          + "(?: \\(\"(.*?)\"\\))? to (?:element of |Null value as )?`?([^` ]+)`?.*", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern COERCE = java.util.regex.Pattern.compile(
      "Cannot (?:deserialize|coerce) value of type `([^`]*)` from (\\w+)(?: value)? \"(.*)\".*", java.util.regex.Pattern.DOTALL);
  private static final java.util.regex.Pattern TOO_LONG = java.util.regex.Pattern.compile(
      "(String value|Name|Number value) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");

  /**
   * Jackson's wording in the spec file's terms: the type expected and the YAML found, never a
   * Java or Jackson type name ({@code java.util.ArrayList<ContainerSpec>}, {@code JsonToken.START_OBJECT},
   * {@code ImmutableStatefulSetSpec}), echoed values clipped.
   */
  static String plain(String message) {
    java.util.regex.Matcher m = MISMATCH.matcher(message);
    if (m.matches()) {
      return "expected " + typeName(m.group(1)) + ", not " + found(m.group(2));
    }
    m = COERCE.matcher(message);
    if (m.matches()) {
      return "expected " + typeName(m.group(1)) + ", not the " + m.group(2).toLowerCase(java.util.Locale.ROOT)
          + " \"" + clip(m.group(3)) + "\"";
    }
    m = COERCE_TO.matcher(message);
    if (m.matches()) {
      String what = m.group(1).equals("empty String") ? "an empty or blank string"
          : m.group(2) != null && !m.group(1).startsWith("empty")
              ? "the " + m.group(1).replace(" value", "").toLowerCase(java.util.Locale.ROOT) + " \"" + clip(m.group(2)) + "\""
              : found(m.group(1).replace(" value", ""));
      return "expected " + typeName(m.group(3)) + ", not " + what;
    }
    m = TOO_LONG.matcher(message);
    if (m.matches()) {
      return (m.group(1).equals("Name") ? "a key" : m.group(1).equals("Number value") ? "a number" : "a string")
          + " of " + m.group(2)
          + " characters, more than the limit of " + m.group(3);
    }
    String out = message
        .replaceAll("\\(token `JsonToken\\.(\\w+)`\\)", "")
        .replaceAll("`?(?:dev\\.stskit\\.[\\w.]*?\\.)?Immutable(\\w+)(\\$\\w+)*`?", "$1")
        .replaceAll("`?(?:dev\\.stskit|tools\\.jackson|java|javax|com\\.fasterxml|io\\.fabric8)\\.[\\w.$]*\\.(\\w+)(<[^>`]*>)?`?", "$1")
        .replaceAll("\\s*\\(class \\w+\\)", "")
        .replaceAll(", not marked as ignorable.*", "")
        .replaceAll("\\s*\\(for Object starting at[^)]*\\)", "")
        .replaceAll("\\s*\\(although at least one Creator exists\\)", "")
        .replaceAll("JsonToken\\.(\\w+)", "$1")
        .replaceAll(",? from `[^`]*`", "")
        .replace('`', '\'')
        .strip();
    return out.length() > 300 ? out.substring(0, 300) + "… (message truncated)" : out;
  }

  private static String typeName(String javaType) {
    String t = javaType.replaceAll("<.*", "");
    String simple = t.substring(t.lastIndexOf('.') + 1).replaceAll("^Immutable", "").replaceAll("\\$.*", "");
    switch (simple) {
      case "ArrayList": case "List": case "Collection": case "ImmutableList": case "Set":
        return "a list";
      case "LinkedHashMap": case "Map": case "HashMap": case "TreeMap": case "ImmutableMap": case "ObjectNode":
        return "a mapping";
      case "String": case "Optional":
        return "a string";
      case "int": case "Integer": case "long": case "Long": case "OptionalInt": case "OptionalLong": case "short":
        return "an integer";
      case "boolean": case "Boolean":
        return "true or false";
      case "double": case "Double": case "float": case "Float":
        return "a number";
      default:
        return "a mapping (" + simple + ")";
    }
  }

  private static String found(String jackson) {
    switch (jackson) {
      case "Array": return "a list";
      case "Object": return "a mapping";
      case "String": return "a string";
      case "Integer": return "an integer";
      case "Floating-point": return "a number";
      case "Boolean": return "a boolean";
      case "Embedded Object": return "a binary value (!!binary)";
      default: return jackson.toLowerCase(java.util.Locale.ROOT);
    }
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
          && CONTAINER.containsKey(name) && !("gpu".equals(name) && i < path.size() - 1)) {
        // a field inside the GPU request (gpu.profile) has no Kubernetes field of its own: keep its name
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
