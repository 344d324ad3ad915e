package dev.stskit.render;

import dev.stskit.render.internal.CharSink;
import dev.stskit.render.internal.Walker;
import dev.stskit.render.internal.YamlEmitter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Renders fabric8 objects to YAML that {@code kubectl apply} takes as it is.
 *
 * <ul>
 *   <li>Fields in the order of the Kubernetes Go structs (apiVersion, kind, metadata, spec; in a
 *       container name, image, command, args, …), or alphabetical with {@link #sortedKeys()};
 *       map keys (labels, annotations, resources) always sorted.
 *   <li>{@link #applyReady()} leaves out what the server fills in: {@code status}, and in every
 *       {@code metadata} (claim templates included) {@code uid}, {@code resourceVersion},
 *       {@code generation}, {@code creationTimestamp}, {@code deletionTimestamp},
 *       {@code deletionGracePeriodSeconds}, {@code managedFields}, {@code selfLink}, the
 *       {@code kubectl.kubernetes.io/last-applied-configuration} annotation and, unless
 *       {@link #keepOwnerReferences()}, {@code ownerReferences}. The object passed in is not
 *       changed.
 *   <li>Every string a YAML 1.1 reader would take for something else ({@code yes}, {@code on},
 *       {@code 0755}, {@code 1_000}, {@code 1.0}, {@code ~}, {@code 2001-12-14}, …) is quoted;
 *       multi-line strings are literal blocks; Quantity and IntOrString are written as given.
 *   <li>Nulls and empty lists/maps are left out; empty objects ({@code emptyDir: {}}) are kept.
 *       Unknown fields fabric8 kept ({@code additionalProperties}) are written after the known ones.
 *   <li>Same input, same bytes; {@code \n} line endings; several objects are separated by {@code ---}.
 * </ul>
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class YamlRenderer {

  private static final YamlRenderer APPLY_READY = new YamlRenderer(true, false, false);
  private static final YamlRenderer VERBATIM = new YamlRenderer(false, true, false);

  private final boolean applyReady;
  private final boolean keepOwnerReferences;
  private final boolean sortedKeys;
  private final Walker walker;

  private YamlRenderer(boolean applyReady, boolean keepOwnerReferences, boolean sortedKeys) {
    this.applyReady = applyReady;
    this.keepOwnerReferences = keepOwnerReferences;
    this.sortedKeys = sortedKeys;
    this.walker = new Walker(applyReady, keepOwnerReferences, sortedKeys);
  }

  /** {@return the apply-ready renderer: server-populated fields and ownerReferences left out, Go field order} */
  public static YamlRenderer applyReady() {
    return APPLY_READY;
  }

  /** {@return a renderer that writes every field the object has (status and server fields included)} */
  public static YamlRenderer verbatim() {
    return VERBATIM;
  }

  /** {@return a copy of this renderer that keeps {@code metadata.ownerReferences}} */
  public YamlRenderer keepOwnerReferences() {
    return new YamlRenderer(applyReady, true, sortedKeys);
  }

  /** {@return a copy of this renderer that writes every object's fields alphabetically, like {@code kubectl get -o yaml}} */
  public YamlRenderer sortedKeys() {
    return new YamlRenderer(applyReady, keepOwnerReferences, true);
  }

  /**
   * Renders one object as one YAML document.
   *
   * @param object the object to render
   * @return its YAML text
   */
  public String render(HasMetadata object) {
    Objects.requireNonNull(object, "object");
    CharSink sink = CharSink.growing(4096);
    walker.write(object, new YamlEmitter(sink));
    String text = sink.toString();
    sink.release();
    return text;
  }

  /**
   * Renders the objects as a multi-document YAML stream ({@code ---} between documents).
   *
   * @param objects the objects, one document each, in this order
   * @return the YAML text of the stream
   */
  public String render(List<? extends HasMetadata> objects) {
    Objects.requireNonNull(objects, "objects");
    CharSink sink = CharSink.growing(4096 * Math.max(1, objects.size()));
    writeDocuments(objects, sink);
    String text = sink.toString();
    sink.release();
    return text;
  }

  /**
   * Streams the objects to {@code out} in chunks of a few kilobytes, without building the whole
   * text first. The writer is flushed, not closed. I/O errors are {@link UncheckedIOException}s.
   *
   * @param objects the objects, written in this order
   * @param out where the text goes; flushed when done, left open
   */
  public void render(List<? extends HasMetadata> objects, Writer out) {
    Objects.requireNonNull(objects, "objects");
    Objects.requireNonNull(out, "out");
    CharSink sink = CharSink.streaming(out);
    writeDocuments(objects, sink);
    sink.flush();
  }

  /**
   * Streams the objects to {@code out} as UTF-8. The stream is flushed, not closed.
   *
   * @param objects the objects, written in this order
   * @param out where the UTF-8 bytes go; flushed when done, left open
   */
  public void render(List<? extends HasMetadata> objects, OutputStream out) {
    Objects.requireNonNull(out, "out");
    render(objects, CharSink.utf8(out));
  }

  /** The objects as YAML documents, {@code ---} between them. */
  private void writeDocuments(List<? extends HasMetadata> objects, CharSink sink) {
    YamlEmitter emitter = new YamlEmitter(sink);
    for (HasMetadata o : objects) {
      walker.write(o, emitter);
    }
  }

  @Override
  public String toString() {
    return "YamlRenderer[applyReady=" + applyReady + ", keepOwnerReferences=" + keepOwnerReferences
        + ", sortedKeys=" + sortedKeys + "]";
  }
}
