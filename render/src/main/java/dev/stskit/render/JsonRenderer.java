package dev.stskit.render;

import dev.stskit.render.internal.CharSink;
import dev.stskit.render.internal.Walker;
import dev.stskit.render.internal.JsonEmitter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Renders fabric8 objects to pretty-printed JSON (two-space indentation) with the same rules as
 * {@link YamlRenderer}: Go struct field order or {@link #sortedKeys()}, sorted map keys,
 * {@link #applyReady()} stripping of server-populated fields without touching the caller's object,
 * unknown fields kept, nulls and empty collections left out, byte-stable output.
 *
 * <p>One object renders as one JSON object; several render as a {@code kind: List} object
 * ({@code {"apiVersion": "v1", "kind": "List", "items": [...]}}), the form {@code kubectl get -o json}
 * uses and {@code kubectl apply -f} accepts.
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class JsonRenderer {

  private static final JsonRenderer APPLY_READY = new JsonRenderer(true, false, false);
  private static final JsonRenderer VERBATIM = new JsonRenderer(false, true, false);

  private final boolean applyReady;
  private final boolean keepOwnerReferences;
  private final boolean sortedKeys;
  private final Walker walker;

  private JsonRenderer(boolean applyReady, boolean keepOwnerReferences, boolean sortedKeys) {
    this.applyReady = applyReady;
    this.keepOwnerReferences = keepOwnerReferences;
    this.sortedKeys = sortedKeys;
    this.walker = new Walker(applyReady, keepOwnerReferences, sortedKeys);
  }

  /** {@return the apply-ready renderer: server-populated fields and ownerReferences left out, Go field order} */
  public static JsonRenderer applyReady() {
    return APPLY_READY;
  }

  /** {@return a renderer that writes every field the object has (status and server fields included)} */
  public static JsonRenderer verbatim() {
    return VERBATIM;
  }

  /** {@return a copy of this renderer that keeps {@code metadata.ownerReferences}} */
  public JsonRenderer keepOwnerReferences() {
    return new JsonRenderer(applyReady, true, sortedKeys);
  }

  /** {@return a copy of this renderer that writes every object's fields alphabetically, like {@code kubectl get -o yaml}} */
  public JsonRenderer sortedKeys() {
    return new JsonRenderer(applyReady, keepOwnerReferences, true);
  }

  /**
   * Renders one object as one JSON object.
   *
   * @param object the object to render
   * @return its JSON text
   */
  public String render(HasMetadata object) {
    Objects.requireNonNull(object, "object");
    CharSink sink = CharSink.growing(4096);
    walker.write(object, new JsonEmitter(sink));
    String text = sink.toString();
    sink.release();
    return text;
  }

  /**
   * Renders the objects as one {@code kind: List} JSON object.
   *
   * @param objects the list's items, in this order
   * @return the JSON text of the list
   */
  public String render(List<? extends HasMetadata> objects) {
    Objects.requireNonNull(objects, "objects");
    CharSink sink = CharSink.growing(4096 * Math.max(1, objects.size()));
    writeList(objects, sink);
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
    writeList(objects, sink);
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

  private static final char[] API_VERSION = "apiVersion".toCharArray();
  private static final char[] KIND = "kind".toCharArray();
  private static final char[] ITEMS = "items".toCharArray();

  private void writeList(List<? extends HasMetadata> objects, CharSink sink) {
    JsonEmitter emitter = new JsonEmitter(sink);
    emitter.startDocument();
    emitter.beginMap();
    emitter.name(API_VERSION);
    emitter.string("v1");
    emitter.name(KIND);
    emitter.string("List");
    emitter.name(ITEMS);
    emitter.beginSeq();
    for (int i = 0, n = objects.size(); i < n; i++) {
      HasMetadata o = objects.get(i);
      if (o == null) {
        throw new RenderException("cannot render a null object (objects[" + i + "])");
      }
      walker.writeValue(o, emitter);
    }
    emitter.endSeq();
    emitter.endMap();
    emitter.endDocument();
  }

  @Override
  public String toString() {
    return "JsonRenderer[applyReady=" + applyReady + ", keepOwnerReferences=" + keepOwnerReferences
        + ", sortedKeys=" + sortedKeys + "]";
  }
}
