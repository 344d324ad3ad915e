package dev.stskit.render;

import dev.stskit.render.internal.Binder;
import dev.stskit.render.internal.DocumentAccess;
import dev.stskit.render.internal.Messages;
import dev.stskit.render.internal.Models;
import dev.stskit.render.internal.TreeBuilder;
import dev.stskit.render.internal.YNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Kubernetes manifests (YAML or JSON, one or many documents) into fabric8 objects the way
 * kube-apiserver reads them, reporting what {@code kubectl --validate=strict} would, with the line
 * and column.
 *
 * <p>How values are read follows kube-apiserver's YAML decoding (sigs.k8s.io/yaml
 * {@code YAMLToJSON}, which uses go-yaml v2, then strict JSON decoding): YAML 1.1 scalars, so an
 * unquoted {@code yes}/{@code on} is a boolean and reported as a wrong type in a string field
 * rather than turned into the string "yes"; {@code 0644} is octal (420); {@code 1_000} is 1000;
 * numbers and strings both read as Quantity, IntOrString by JSON type; explicit nulls leave a field
 * unset; merge keys, anchors and aliases work; comments, a leading {@code ---} and empty documents
 * are ignored; a {@code kind: List} is expanded into its items.
 *
 * <p>{@link #strict()} reports unknown fields (kept in {@code additionalProperties} so they render
 * back), duplicate keys, wrong types and invalid values as {@link ReadProblem}s. {@link #lenient()}
 * reports only wrong types and invalid values (values that cannot be represented at all).
 *
 * <p>Input that cannot be read at all — not UTF-8, not YAML, a custom or non-standard tag, over
 * one of the {@link ReaderLimits}, a document that is not an object with {@code apiVersion} and
 * {@code kind} — throws {@link ManifestReadException} naming the source, line and column. No
 * other exception escapes {@code read}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ManifestReader {

  private static final ManifestReader STRICT = new ManifestReader(true, ReaderLimits.defaults());
  private static final ManifestReader LENIENT = new ManifestReader(false, ReaderLimits.defaults());

  private final boolean strict;
  private final ReaderLimits limits;

  private ManifestReader(boolean strict, ReaderLimits limits) {
    this.strict = strict;
    this.limits = limits;
  }

  /** {@return a reader that reports unknown fields, duplicate keys, wrong types and invalid values, with default limits} */
  public static ManifestReader strict() {
    return STRICT;
  }

  /** {@return a reader that reports only wrong types and invalid values, with default limits} */
  public static ManifestReader lenient() {
    return LENIENT;
  }

  /**
   * A copy with other limits.
   *
   * @param limits the limits the copy applies
   * @return a reader as strict as this one, with {@code limits}
   */
  public ManifestReader withLimits(ReaderLimits limits) {
    return new ManifestReader(strict, Objects.requireNonNull(limits, "limits"));
  }

  /** {@return the limits in force} */
  public ReaderLimits limits() {
    return limits;
  }

  /** {@return whether this reader is strict (reports unknown fields and duplicate keys)} */
  public boolean isStrict() {
    return strict;
  }

  /**
   * Reads text whose source is called {@code <input>} in messages.
   *
   * @param text one or more YAML or JSON documents
   * @return the objects read and their problems
   */
  public ReadResult read(String text) {
    return read(text, "<input>");
  }

  /**
   * Reads text; {@code sourceName} is used in messages.
   *
   * @param text one or more YAML or JSON documents
   * @param sourceName the name messages give the source, e.g. a file name
   * @return the objects read and their problems
   */
  public ReadResult read(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    try {
      return readChecked(text, sourceName);
    } catch (ManifestReadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // defensive: nothing but ManifestReadException leaves read(); this is a bug if it happens
      throw new ManifestReadException(sourceName, 1, 1, "cannot read: internal error ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Reads a file as UTF-8 (a UTF-8 byte order mark is skipped). A file that cannot be opened or
   * read is an {@link UncheckedIOException}; everything about its content is a
   * {@link ManifestReadException}.
   *
   * @param file the file; its name is the source name in messages
   * @return the objects read and their problems
   */
  public ReadResult read(Path file) {
    Objects.requireNonNull(file, "file");
    long size;
    byte[] bytes;
    try {
      size = Files.size(file);
      if (size > 4L * limits.maxInputChars()) {
        throw new ManifestReadException(file.toString(), 1, 1, "file has " + size
            + " bytes, more than the input limit allows (" + limits.maxInputChars() + " characters)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Reads UTF-8 bytes (a UTF-8 byte order mark is skipped); {@code sourceName} is used in messages.
   *
   * @param utf8 one or more YAML or JSON documents, encoded as UTF-8
   * @param sourceName the name messages give the source, e.g. a file name
   * @return the objects read and their problems
   */
  public ReadResult read(byte[] utf8, String sourceName) {
    Objects.requireNonNull(utf8, "utf8");
    return read(decode(utf8, sourceName), sourceName);
  }

  private static String decode(byte[] bytes, String source) {
    return decode(bytes, source, 0, 1);
  }

  /**
   * {@code bytes} as text; a byte that is not UTF-8 is named by its offset and line in the whole
   * source, of which {@code bytes} start at byte {@code byteBase} and line {@code lineBase}.
   */
  private static String decode(byte[] bytes, String source, long byteBase, int lineBase) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
        || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
      throw new ManifestReadException(source, 1, 1, "UTF-16 input is not supported; save the file as UTF-8");
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      int line = lineBase;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ManifestReadException(source, line, bad - lineStart + 1, String.format(
          "not UTF-8: invalid byte 0x%02X at byte offset %d", bytes[bad] & 0xFF, byteBase + bad));
    }
    dec.flush(out);
    out.flip();
    return out.toString();
  }

  private ReadResult readChecked(String text, String source) {
    return bind(new TreeBuilder(limits, source).parse(text), source);
  }

  private ReadResult bind(List<YNode> trees, String source) {
    List<ReadDocument> docs = new ArrayList<>(trees.size());
    for (YNode root : trees) {
      addObject(root, source, docs, false);
    }
    return new ReadResult(source, docs);
  }

  /**
   * Opens a stream of documents to be read one at a time, in bounded memory: only the document
   * being read is held, so input of any length can be read (see {@link ManifestStream}). The
   * {@link ReaderLimits} apply to each document rather than to the whole stream
   * ({@code maxInputChars} bounds one document, {@code maxDocuments} is not applied); lines,
   * columns and byte offsets in problems and errors are those of the whole stream. The caller
   * closes the stream; closing it closes {@code in}.
   *
   * @param in the bytes, UTF-8; read as the caller takes documents
   * @param sourceName the name messages give the stream, e.g. a file name or {@code <stdin>}
   * @return the stream of documents, open
   */
  public ManifestStream stream(java.io.InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return new ManifestStream(this, in, sourceName);
  }

  /**
   * Reads one document of a {@link ManifestStream} (taken with {@link ManifestStream#nextRaw()}):
   * its object, none for an empty document, or the items of a {@code kind: List}. Indices are
   * counted from 0 within this document; lines and columns are those of the whole stream. Thread
   * safe, so the documents of one stream can be read on several threads.
   *
   * @param raw a document cut from a stream
   * @return its objects and their problems
   */
  public ReadResult read(RawDocument raw) {
    Objects.requireNonNull(raw, "raw");
    String source = raw.sourceName();
    try {
      String text = decode(raw.bytes(), source, raw.byteOffset(), raw.firstLine());
      List<YNode> trees;
      try {
        trees = new TreeBuilder(limits, source).parse(text);
      } catch (ManifestReadException e) {
        throw shifted(e, raw.firstLine() - 1);
      }
      for (YNode t : trees) {
        t.shiftLines(raw.firstLine() - 1);
      }
      return bind(trees, source);
    } catch (ManifestReadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ManifestReadException(source, raw.firstLine(), 1, "cannot read: internal error ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The same error {@code lines} further down. */
  private static ManifestReadException shifted(ManifestReadException e, int lines) {
    if (lines == 0) {
      return e;
    }
    String prefix = e.sourceName() + ":" + e.line() + ":" + e.column() + ": ";
    String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    return new ManifestReadException(e.sourceName(), e.line() + lines, e.column(), message, e.getCause());
  }

  private void addObject(YNode root, String source, List<ReadDocument> docs, boolean inList) {
    if (root.type() != YNode.MAP) {
      throw new ManifestReadException(source, root.line(), root.column(),
          (inList ? "a List item" : "a document") + " must be a mapping (a Kubernetes object), not a "
              + (root.type() == YNode.SEQ ? "sequence" : "scalar"));
    }
    String kind = header(root, "kind", source);
    String apiVersion = header(root, "apiVersion", source);
    if (kind.equals("List") && !inList) {
      YNode items = DocumentAccess.get(root, "items");
      if (items != null && items.type() == YNode.SEQ) {
        for (int i = 0; i < DocumentAccess.size(items); i++) {
          addObject(DocumentAccess.item(items, i), source, docs, true);
        }
        return;
      }
      if (items == null || DocumentAccess.isNull(items)) {
        return;
      }
      throw new ManifestReadException(source, items.line(), items.column(), "List items must be a sequence");
    }
    Binder binder = new Binder(strict);
    Class<? extends HasMetadata> type = Models.get().typeFor(apiVersion, kind);
    HasMetadata object = binder.bindObject(root, type);
    List<ReadProblem> problems = binder.problems();
    String unknown = type == GenericKubernetesResource.class ? Models.get().unknownPair(apiVersion, kind) : null;
    if (unknown != null) {
      YNode at = DocumentAccess.get(root, "apiVersion");
      problems = new ArrayList<>(problems);
      problems.add(0, ReadProblem.builder().kind(ReadProblem.Kind.INVALID_VALUE).path("apiVersion")
          .line(at.line()).column(at.column()).message(unknown).build());
    }
    boolean typed = type != GenericKubernetesResource.class;
    docs.add(new ReadDocument(docs.size(), source, object, problems, root, strict && typed));
  }

  /**
   * {@code apiVersion} or {@code kind}: a non-empty string, as the API server requires before it
   * reads anything else ("Object 'Kind' is missing"); a number, boolean, list or mapping there
   * refuses the document, since no object can be made of it and a renderer could not write it back.
   */
  private static String header(YNode root, String field, String source) {
    YNode v = DocumentAccess.get(root, field);
    String label = field.equals("kind") ? "Kind" : "apiVersion";
    if (v == null || DocumentAccess.isNull(v)) {
      YNode at = v == null ? root : v;
      throw new ManifestReadException(source, at.line(), at.column(), "Object '" + label + "' is missing");
    }
    if (v.type() != YNode.SCALAR) {
      throw new ManifestReadException(source, v.line(), v.column(), field + ": must be a string, not "
          + (v.type() == YNode.SEQ ? "a sequence" : "a mapping"));
    }
    Object value = DocumentAccess.scalar(v);
    if (!(value instanceof String s)) {
      throw new ManifestReadException(source, v.line(), v.column(), field + ": must be a string, not "
          + (value instanceof Boolean ? "the boolean " : "the number ") + Messages.clip(v.value())
          + " (quote it: '" + Messages.clip(v.value()) + "')");
    }
    if (s.isEmpty()) {
      throw new ManifestReadException(source, v.line(), v.column(), "Object '" + label + "' is missing");
    }
    return s;
  }
}
