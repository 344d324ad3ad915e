package dev.stskit.examples;

import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Imports a StatefulSet exported from a live cluster ({@code kubectl get -o yaml}) and cleans it
 * into apply-ready YAML for another cluster or for Git: read it strictly, lift it (with its
 * Services) into the form's spec, list what the form has no field for, validate it as
 * kube-apiserver would, and render it without what the server populated — {@code status},
 * {@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp},
 * {@code managedFields}, {@code ownerReferences}, the {@code last-applied-configuration}
 * annotation, and the cluster IPs the source cluster allocated to its ClusterIP Services
 * ({@code ServerFields.strip}, which {@code lift} applies).
 *
 * <p>The bundled input, {@link #BUNDLED}, is a Redis StatefulSet with a headless and a ClusterIP
 * Service. Run it with a path to import your own file instead:
 * {@code java -cp ... dev.stskit.examples.ImportAndCleanExample my-export.yaml}.
 */
public final class ImportAndCleanExample {
  /** Classpath resource of the bundled live export. */
  public static final String BUNDLED = "/dev/stskit/examples/redis-live.yaml";

  private ImportAndCleanExample() {}

  /**
   * What importing one file gave.
   *
   * @param readProblems what strict reading reported (unknown fields, duplicate keys, ...)
   * @param lifted the spec as lifted and the paths it keeps verbatim
   * @param report the validation report of the compiled StatefulSet
   * @param manifests the lifted spec's objects: governing Service, access Services, StatefulSet
   */
  public record Imported(
      List<ReadProblem> readProblems, Lifted lifted, Report report, Manifests manifests) {
    /** Copies the lists. */
    public Imported {
      readProblems = List.copyOf(readProblems);
      Objects.requireNonNull(lifted, "lifted");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(manifests, "manifests");
    }

    /** The apply-ready YAML of {@link #manifests()}. */
    public String applyReadyYaml() {
      return YamlRenderer.applyReady().render(manifests.all());
    }
  }

  /**
   * Imports the first StatefulSet of {@code yaml}, with every Service of the file.
   *
   * @param sourceName the file's name, used in messages
   * @throws IllegalArgumentException when the text holds no StatefulSet, or one that cannot be
   *     lifted (a {@code SpecException} naming the field)
   * @throws ManifestReadException when the text cannot be read at all
   */
  public static Imported importAndClean(String yaml, String sourceName) {
    ReadResult read = ManifestReader.strict().read(yaml, sourceName);
    StatefulSet statefulSet = null;
    List<Service> services = new ArrayList<>();
    for (ReadDocument d : read.documents()) {
      HasMetadata o = d.object();
      if (o instanceof StatefulSet s && statefulSet == null) {
        statefulSet = s;
      } else if (o instanceof Service s) {
        services.add(s);
      }
    }
    if (statefulSet == null) {
      throw new IllegalArgumentException(sourceName + ": no apps/v1 StatefulSet in the file");
    }
    Lifted lifted = StatefulSetSpec.lift(statefulSet, services.toArray(Service[]::new));
    Manifests manifests = lifted.spec().compile();
    Report report = Validator.defaults().validate(manifests.statefulSet());
    return new Imported(read.problems(), lifted, report, manifests);
  }

  /** The bundled live export, {@link #BUNDLED}. */
  public static String bundled() {
    try (InputStream in = ImportAndCleanExample.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + BUNDLED);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports the file named by the first argument, or the bundled export, and prints the
   * apply-ready YAML, preceded by YAML comments listing what was kept verbatim and the
   * validation findings (so the output can be piped to {@code kubectl apply -f -}). A file that
   * cannot be read, or holds no StatefulSet, gets a one-line reason on standard error and exit
   * status 2.
   */
  public static void main(String[] args) {
    Imported imported;
    try {
      if (args.length > 0) {
        Path file = Path.of(args[0]);
        imported = importAndClean(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      } else {
        imported = importAndClean(bundled(), "redis-live.yaml");
      }
    } catch (IOException e) {
      System.err.println("cannot read " + args[0] + ": " + e);
      System.exit(2);
      return;
    } catch (ManifestReadException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    StringBuilder out = new StringBuilder();
    for (ReadProblem p : imported.readProblems()) {
      out.append("# read: ").append(p.line()).append(':').append(p.column()).append(' ')
          .append(p.path()).append(": ").append(p.message()).append('\n');
    }
    out.append("# kept verbatim (the form has no field for them):\n");
    for (String path : imported.lifted().notRepresented()) {
      out.append("#   ").append(path).append('\n');
    }
    Report report = imported.report();
    out.append("# validation: ").append(report.valid() ? "valid" : "INVALID").append(", ")
        .append(report.findings().size()).append(" finding(s)\n");
    for (Finding f : report.findings()) {
      out.append("#   ").append(f.format()).append('\n');
    }
    out.append(imported.applyReadyYaml());
    System.out.print(out);
  }
}
