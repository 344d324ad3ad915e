package dev.stskit.examples.fuzz;

import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.ServerFields;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.internal.FastSpecReader;
import dev.stskit.core.internal.FastSpecWriter;
import dev.stskit.core.internal.SpecMapper;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.JsonRenderer;
import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.ReadResult;
import dev.stskit.render.RenderException;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One input through the whole path of the data, each step's outcome classified.
 *
 * <p>A manifest: read strictly → validate each object under every rule set (with the file's other
 * objects) → render as YAML and as JSON → read both back → each StatefulSet lifted (with the file's
 * Services) → compiled → compiled again from the spec read back from its spec file (YAML and JSON)
 * → validated → rendered → read → lifted → compiled. A spec file: read → written and read back
 * (YAML and JSON) → compiled → validated → rendered → read → lifted → compiled.
 *
 * <p>Documented refusals end an input quietly: {@link ManifestReadException},
 * {@link SpecException} (and its {@code SpecFileException}), {@link RenderException}, reader
 * problems and validation findings — as long as their message is free of Java and Jackson type
 * names and at most 600 characters. Anything else is a {@link Failure}: an unexpected exception
 * (any other throwable), a round-trip difference, or a message that breaks those two rules.
 */
final class Pipeline {

  /** Which path an input takes. */
  enum Kind { MANIFEST, SPEC }

  /** What went wrong: its class (what the fuzzer groups by) and the particulars of this input. */
  record Failure(String kind, String signature, String detail) {
    String key() {
      return kind + ": " + signature;
    }
  }

  /** The longest message a user is shown (issues 10.19 and 15.8). */
  static final int MAX_MESSAGE = 600;

  /** Java or Jackson type names, which no message may show a user. */
  private static final Pattern TYPE_NAMES = Pattern.compile(
      "\\b(?:java|javax|tools\\.jackson|com\\.fasterxml|io\\.fabric8|dev\\.stskit|org\\.snakeyaml)\\.[a-z]"
          + "|Immutable[A-Z]\\w+|JsonToken|Jackson|StreamReadConstraints|[A-Z]\\w*Exception\\b"
          + "|\\(class [A-Za-z.]+\\)|\\bclass [a-z]+\\.[a-z]|`[a-z]+\\.[a-z]+\\.|ArrayList|LinkedHashMap|\\bMap<|\\bList<");

  private static final ManifestReader READER = ManifestReader.strict();
  private static final YamlRenderer YAML = YamlRenderer.applyReady();
  private static final JsonRenderer JSON = JsonRenderer.applyReady();
  private static final Validator ALL = Validator.of(RuleSet.kubernetes(), RuleSet.platform(), RuleSet.gpu(),
      RuleSet.podSecurityBaseline(), RuleSet.podSecurityRestricted(), RuleSet.bestPractice());
  private static final Validator ALL_ZH = ALL.withLocale(Locale.SIMPLIFIED_CHINESE);

  private final Validator validator;

  /** A pipeline whose findings are in English or, with {@code chinese}, in Chinese. */
  Pipeline(boolean chinese) {
    this.validator = chinese ? ALL_ZH : ALL;
  }

  /** The outcome of one input: null when it passed or was refused as documented. */
  Failure run(Kind kind, String input) {
    try {
      return kind == Kind.MANIFEST ? manifest(input) : spec(input);
    } catch (Refused r) {
      return r.failure;
    } catch (ManifestReadException | SpecException | RenderException e) {
      return message(e, "refusal");
    } catch (Throwable t) {
      return unexpected(t);
    }
  }

  private Failure manifest(String input) {
    ReadResult read = READER.read(input, "fuzz.yaml");
    check(read);
    List<HasMetadata> objects = read.objects();
    for (HasMetadata o : objects) {
      check(validator.validate(o, objects), "validate");
    }
    if (!render(objects)) {
      return null;
    }
    List<Service> services = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof Service s) {
        services.add(s);
      }
    }
    for (HasMetadata o : objects) {
      if (o instanceof StatefulSet sts) {
        StatefulSetSpec spec = StatefulSetSpec.lift(sts, services.toArray(Service[]::new)).spec();
        Manifests compiled = spec.compile();
        if (!compiled.statefulSet().equals(ServerFields.strip(sts))) {
          throw refused("round-trip", "compile(lift(x)) differs from strip(x)");
        }
        specFile(spec);
        compiled(compiled, read.isClean());
      }
    }
    return null;
  }

  private Failure spec(String input) {
    StatefulSetSpec fast = FastSpecReader.tryRead(input);
    StatefulSetSpec spec;
    try {
      spec = SpecMapper.read(input, "<string>");
    } catch (SpecException e) {
      if (fast != null) {
        throw refused("fast-reader", "the fast spec reader accepts what the full reader refuses: "
            + normalize(e.getMessage()));
      }
      throw e;
    }
    if (fast != null && !fast.equals(spec)) {
      throw refused("fast-reader", "the fast spec reader reads a different spec than the full reader");
    }
    specFile(spec);
    compiled(spec.compile(), false);
    return null;
  }

  /**
   * A compiled spec: validated, rendered, read back (without problems when the input had none),
   * lifted and compiled again to the same objects.
   */
  private void compiled(Manifests compiled, boolean clean) {
    List<HasMetadata> all = compiled.all();
    for (HasMetadata o : all) {
      check(validator.validate(o, all), "validate compiled");
    }
    if (!render(all)) {
      return;
    }
    ReadResult back = READER.read(YAML.render(all), "rendered.yaml");
    if (clean && !back.problems().isEmpty()) {
      throw refused("round-trip", "rendered compile reads back with problems: " + back.problems().get(0).message());
    }
    if (!back.objects().equals(all)) {
      throw refused("round-trip", "rendered compile reads back different");
    }
    StatefulSet sts = (StatefulSet) back.objects().get(back.objects().size() - 1);
    List<Service> services = back.objects().stream().filter(Service.class::isInstance).map(Service.class::cast)
        .toList();
    Lifted again = StatefulSetSpec.lift(sts, services.toArray(Service[]::new));
    if (!again.spec().compile().equals(compiled)) {
      throw refused("round-trip", "compile(lift(read(render(compile(spec))))) differs from compile(spec)");
    }
  }

  /** The spec file, written as YAML and as JSON, reads back as the same spec. */
  private static void specFile(StatefulSetSpec spec) {
    for (boolean yaml : new boolean[] {true, false}) {
      String text;
      try {
        text = yaml ? SpecFiles.writeYaml(spec) : SpecFiles.writeJson(spec);
      } catch (SpecException e) {
        Failure f = message(e, "write refusal");
        if (f != null) {
          throw new Refused(f);
        }
        continue; // refused at write time, as documented: the file would not read back
      }
      String full;
      try {
        full = yaml ? SpecMapper.writeYaml(spec) : SpecMapper.writeJson(spec);
      } catch (SpecException e) {
        full = null; // refused by the full writer as by SpecFiles: nothing to compare
      }
      String fastText = yaml ? FastSpecWriter.yaml(spec) : FastSpecWriter.json(spec);
      if (full != null && !full.equals(fastText)) {
        throw refused("fast-writer", "spec file " + (yaml ? "YAML" : "JSON") + " is "
            + (fastText == null ? "left to the full writer by the fast one" : "written different by the fast writer"));
      }
      StatefulSetSpec fast = FastSpecReader.tryRead(text);
      if (fast == null || !fast.equals(spec)) {
        throw refused("fast-reader", "spec file " + (yaml ? "YAML" : "JSON") + " written is "
            + (fast == null ? "left to the full reader by the fast one" : "read different by the fast reader"));
      }
      StatefulSetSpec back;
      try {
        back = SpecMapper.read(text, "<string>");
      } catch (SpecException e) {
        throw refused("round-trip", "spec file " + (yaml ? "YAML" : "JSON") + " written cannot be read: "
            + normalize(e.getMessage()));
      }
      if (!back.equals(spec)) {
        throw refused("round-trip", "spec file " + (yaml ? "YAML" : "JSON") + " reads back different");
      }
    }
  }

  /**
   * Renders as YAML and JSON, and reads both back: reading the YAML must give text that renders
   * the same (render is a fixpoint), and so must reading the JSON. False when the renderer refused.
   */
  private static boolean render(List<HasMetadata> objects) {
    String yaml;
    String json;
    try {
      yaml = YAML.render(objects);
      json = JSON.render(objects);
    } catch (RenderException e) {
      Failure f = message(e, "render refusal");
      if (f != null) {
        throw new Refused(f);
      }
      return false;
    }
    String again;
    String fromJson;
    try {
      again = YAML.render(READER.read(yaml, "rendered.yaml").objects());
    } catch (ManifestReadException e) {
      throw refused("round-trip", "rendered YAML cannot be read: " + normalize(e.getMessage()));
    }
    if (!again.equals(yaml)) {
      throw refused("round-trip", "render(read(render(x))) differs from render(x)");
    }
    try {
      fromJson = YAML.render(READER.read(json, "rendered.json").objects());
    } catch (ManifestReadException e) {
      throw refused("round-trip", "rendered JSON cannot be read: " + normalize(e.getMessage()));
    }
    if (!fromJson.equals(yaml)) {
      throw refused("round-trip", "rendered JSON reads back different from the YAML");
    }
    return true;
  }

  private static void check(ReadResult read) {
    for (ReadProblem p : read.problems()) {
      Failure f = badMessage(p.message(), "reader problem");
      if (f != null) {
        throw new Refused(f);
      }
    }
  }

  private static void check(Report report, String step) {
    for (Finding f : report.findings()) {
      Failure bad = badMessage(f.message(), "finding of " + f.ruleId());
      if (bad != null) {
        throw new Refused(bad);
      }
    }
  }

  private static Failure message(RuntimeException e, String what) {
    return badMessage(e.getMessage(), what + " " + e.getClass().getSimpleName() + where(e));
  }

  private static Failure badMessage(String message, String what) {
    if (message == null || message.isBlank()) {
      return new Failure("message", what + ": empty", "");
    }
    if (message.length() > MAX_MESSAGE) {
      return new Failure("message", what + ": over " + MAX_MESSAGE + " characters", clip(message, 300));
    }
    var m = TYPE_NAMES.matcher(message);
    if (m.find()) {
      return new Failure("message", what + ": names a type (" + m.group() + ")", message);
    }
    return null;
  }

  private static Failure unexpected(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String sig = t.getClass().getSimpleName() + (root != t ? " (caused by " + root.getClass().getSimpleName() + ")" : "")
        + where(root);
    return new Failure("unexpected exception", sig, clip(String.valueOf(t), 500));
  }

  /** The first sts-kit frame of a stack trace (or the first frame), as {@code Class.method}. */
  private static String where(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    for (StackTraceElement e : trace) {
      if (e.getClassName().startsWith("dev.stskit.") && !e.getClassName().startsWith("dev.stskit.examples.")) {
        return " at " + e.getClassName().replaceAll(".*\\.", "") + "." + e.getMethodName();
      }
    }
    return trace.length == 0 ? "" : " at " + trace[0].getClassName().replaceAll(".*\\.", "") + "." + trace[0].getMethodName();
  }

  /** A message with the input's particulars (numbers, quoted values) blurred, to group by. */
  private static String normalize(String message) {
    String m = String.valueOf(message).replaceAll("\"[^\"]*\"|'[^']*'", "\"…\"").replaceAll("\\d+", "N");
    return clip(m, 160);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  private static Refused refused(String kind, String signature) {
    return new Refused(new Failure(kind, signature, ""));
  }

  /** Ends an input with a failure from deep in the pipeline. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Failure failure;

    Refused(Failure failure) {
      super(failure.key(), null, false, false);
      this.failure = failure;
    }
  }
}
