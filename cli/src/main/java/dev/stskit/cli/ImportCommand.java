package dev.stskit.cli;

import dev.stskit.core.CompileOptions;
import dev.stskit.core.Lifted;
import dev.stskit.core.ServerFields;
import dev.stskit.core.ServicesOf;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code import MANIFEST.yaml [--spec] [--verbose]}: a live or exported StatefulSet (with its
 * Services, if the file has them) → apply-ready YAML, or with {@code --spec} the lifted spec file.
 *
 * <p>Each StatefulSet in the file is lifted with the file's Services and compiled again, so the
 * output is what sts-kit would create: the StatefulSet without server-populated fields, its
 * governing Service (the file's, or a generated headless one), and the access Services of its
 * namespace that select its pods (which Services belong to which StatefulSet is {@link ServicesOf}'s
 * rule); a Service two StatefulSets share is written once. Every other document (a ConfigMap, a
 * PersistentVolumeClaim, a Service no StatefulSet takes …) passes through in input order, without server-populated fields; with {@code --spec}, which holds StatefulSets
 * only, each is named on stderr as left out. Nothing is dropped without a line on stderr.
 * Strict-decoding problems (unknown fields, duplicate keys) are printed on stderr as warnings;
 * unknown fields are kept.
 */
final class ImportCommand {
  /** The options {@code import} takes, none with a value (all listed by {@code --help}). */
  static final Set<String> FLAGS = Set.of("spec", "verbose");

  private final PrintStream out;
  private final PrintStream err;

  ImportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Args a = Args.parse("import", args, Set.of(), FLAGS);
    if (a.operands().size() != 1) {
      throw new UsageException("import: expected exactly one MANIFEST.yaml, got " + a.operands().size());
    }
    String name = a.operands().get(0);
    boolean spec = a.flag("spec");
    ReadResult read = Inputs.manifests("import", name, ManifestReader.strict());
    // printed only on success: exit 2 keeps its one line
    List<String> warnings = new ArrayList<>();
    for (ReadProblem p : read.problems()) {
      warnings.add(name + ":" + p.line() + ":" + p.column() + ": warning: " + p.path() + ": " + p.message());
    }
    List<StatefulSet> statefulSets = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    for (ReadDocument d : read.documents()) {
      HasMetadata o = d.object();
      requireName(name, d);
      if (o instanceof StatefulSet s) {
        statefulSets.add(s);
      } else if (o instanceof Service s) {
        services.add(s);
      }
    }
    if (statefulSets.isEmpty()) {
      throw new UsageException("import: " + name + ": no apps/v1 StatefulSet in the file");
    }
    // the Services some StatefulSet takes; the others pass through like any other document
    Map<StatefulSet, List<Service>> owned = new IdentityHashMap<>();
    Set<Service> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (StatefulSet s : statefulSets) {
      List<Service> mine = ServicesOf.select(s, services);
      owned.put(s, mine);
      taken.addAll(mine);
    }
    List<HasMetadata> objects = new ArrayList<>();
    Set<String> written = new HashSet<>();
    StringBuilder specs = new StringBuilder();
    for (ReadDocument d : read.documents()) {
      HasMetadata o = d.object();
      if (o instanceof StatefulSet s) {
        Lifted lifted;
        try {
          lifted = StatefulSetSpec.lift(s, owned.get(s), CompileOptions.defaults());
        } catch (SpecException e) {
          throw new UsageException("import: " + name + ": " + objectName(s) + ": " + e.getMessage(), e);
        }
        for (String w : lifted.warnings()) {
          warnings.add(name + ": warning: " + describe(d) + ": " + w);
        }
        if (a.flag("verbose")) {
          for (String path : lifted.notRepresented()) {
            warnings.add(name + ": note: " + objectName(s) + ": kept verbatim: " + path);
          }
        }
        if (spec) {
          if (specs.length() > 0) {
            specs.append("---\n");
          }
          specs.append(SpecFiles.writeYaml(lifted.spec()));
        } else {
          for (HasMetadata c : lifted.spec().compile().all()) {
            // a Service two StatefulSets share is written once
            if (written.add(c.getKind() + "/" + c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())) {
              objects.add(c);
            }
          }
        }
      } else if (!(o instanceof Service owned1 && taken.contains(owned1))) {
        // any other document: kept (server fields are the renderer's to leave out), or with
        // --spec said to be left out, since a spec file holds StatefulSets only
        if (spec) {
          warnings.add(name + ": note: " + describe(d) + " is not part of the spec: left out");
          continue;
        }
        for (String w : ServerFields.ownerReferenceWarnings(o)) {
          warnings.add(name + ": warning: " + describe(d) + ": " + w);
        }
        objects.add(o instanceof Service svc ? ServerFields.strip(svc) : o);
      }
    }
    warnings.forEach(err::println);
    if (spec) {
      out.print(specs);
    } else {
      YamlRenderer.applyReady().render(objects, out);
    }
    return Cli.OK;
  }

  /**
   * A document without {@code metadata.name} cannot be applied ({@code kubectl apply} refuses it,
   * and so does {@code create} unless {@code generateName} is set): an error naming the document,
   * rather than output the API server rejects.
   */
  private static void requireName(String file, ReadDocument d) {
    HasMetadata o = d.object();
    String n = o.getMetadata() == null ? null : o.getMetadata().getName();
    String generate = o.getMetadata() == null ? null : o.getMetadata().getGenerateName();
    boolean passThrough = !(o instanceof StatefulSet) && !(o instanceof Service);
    if ((n == null || n.isEmpty()) && !(passThrough && generate != null && !generate.isEmpty())) {
      throw new UsageException("import: " + file + ":" + d.position().line() + ": " + describe(d)
          + ": metadata.name: required (an object without a name cannot be applied)");
    }
  }

  /** {@code document 2 (Service/web)}: the 0-based index, as {@code validate} reports it. */
  private static String describe(ReadDocument d) {
    return "document " + d.index() + " (" + objectName(d.object()) + ")";
  }

  private static String objectName(HasMetadata o) {
    String n = o.getMetadata() == null ? null : o.getMetadata().getName();
    return o.getKind() + "/" + (n == null || n.isEmpty() ? "<no name>" : n);
  }

}
