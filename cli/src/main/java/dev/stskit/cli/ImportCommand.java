package dev.stskit.cli;

import dev.stskit.core.CompileOptions;
import dev.stskit.core.Lifted;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code import MANIFEST.yaml [--spec] [--verbose]}: a live or exported StatefulSet (with its
 * Services, if the file has them) → apply-ready YAML, or with {@code --spec} the lifted spec file.
 *
 * <p>Each StatefulSet in the file is lifted with the file's Services and compiled again, so the
 * output is what sts-kit would create: the StatefulSet without server-populated fields, its
 * governing Service (the file's, or a generated headless one), and the access Services of its
 * namespace that select its pods; a Service two StatefulSets share is written once. Other kinds in the file are skipped with a note on stderr. Strict-decoding problems
 * (unknown fields, duplicate keys) are printed on stderr as warnings; unknown fields are kept.
 */
final class ImportCommand {
  private final PrintStream out;
  private final PrintStream err;

  ImportCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Args a = Args.parse("import", args, Set.of(), Set.of("spec", "verbose"));
    if (a.operands().size() != 1) {
      throw new UsageException("import: expected exactly one MANIFEST.yaml, got " + a.operands().size());
    }
    String name = a.operands().get(0);
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
      if (o instanceof StatefulSet s) {
        statefulSets.add(s);
      } else if (o instanceof Service s) {
        services.add(s);
      } else if (a.flag("verbose")) {
        warnings.add(name + ": note: skipped document " + d.index() + " (" + o.getKind() + ")");
      }
    }
    if (statefulSets.isEmpty()) {
      throw new UsageException("import: " + name + ": no apps/v1 StatefulSet in the file");
    }
    List<HasMetadata> objects = new ArrayList<>();
    Set<String> written = new HashSet<>();
    StringBuilder specs = new StringBuilder();
    for (StatefulSet s : statefulSets) {
      Lifted lifted;
      try {
        lifted = StatefulSetSpec.lift(s, servicesOf(s, services), CompileOptions.defaults());
      } catch (SpecException e) {
        throw new UsageException("import: " + name + ": " + objectName(s) + ": " + e.getMessage(), e);
      }
      if (a.flag("verbose")) {
        for (String path : lifted.notRepresented()) {
          warnings.add(name + ": note: " + objectName(s) + ": kept verbatim: " + path);
        }
      }
      if (a.flag("spec")) {
        if (specs.length() > 0) {
          specs.append("---\n");
        }
        specs.append(SpecFiles.writeYaml(lifted.spec()));
      } else {
        for (HasMetadata o : lifted.spec().compile().all()) {
          // a Service two StatefulSets share is written once
          if (written.add(o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())) {
            objects.add(o);
          }
        }
      }
    }
    warnings.forEach(err::println);
    if (a.flag("spec")) {
      out.print(specs);
    } else {
      YamlRenderer.applyReady().render(objects, out);
    }
    return Cli.OK;
  }

  private static String objectName(HasMetadata o) {
    String n = o.getMetadata() == null ? null : o.getMetadata().getName();
    return o.getKind() + "/" + (n == null ? "<no name>" : n);
  }

  /**
   * The Services of the file that belong to {@code sts}: in its namespace, and either its
   * governing Service (named by {@code spec.serviceName}) or one whose selector picks its pods
   * (a non-empty selector contained in the pod template's labels, as the endpoints controller
   * matches).
   */
  static List<Service> servicesOf(StatefulSet sts, List<Service> services) {
    String ns = namespace(sts);
    String serviceName = sts.getSpec() == null ? null : sts.getSpec().getServiceName();
    Map<String, String> podLabels = sts.getSpec() == null || sts.getSpec().getTemplate() == null
        || sts.getSpec().getTemplate().getMetadata() == null
        || sts.getSpec().getTemplate().getMetadata().getLabels() == null
        ? Map.of() : sts.getSpec().getTemplate().getMetadata().getLabels();
    List<Service> out = new ArrayList<>();
    for (Service svc : services) {
      if (!Objects.equals(ns, namespace(svc))) {
        continue;
      }
      String name = svc.getMetadata() == null ? null : svc.getMetadata().getName();
      Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
      boolean governing = serviceName != null && serviceName.equals(name);
      boolean selects = selector != null && !selector.isEmpty()
          && selector.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
      if (governing || selects) {
        out.add(svc);
      }
    }
    return out;
  }

  /** The namespace as the API server would place the object; unset means the request's. */
  private static String namespace(HasMetadata o) {
    String ns = o.getMetadata() == null ? null : o.getMetadata().getNamespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }
}
