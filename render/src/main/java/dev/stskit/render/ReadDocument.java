package dev.stskit.render;

import dev.stskit.render.internal.Paths;
import dev.stskit.render.internal.YNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * One object read from a manifest: the fabric8 object, the problems found in it, and a way to
 * find where any field path sits in the source (so findings made later, by a validator, can be
 * given a line and column).
 *
 * <p>The object is a fresh fabric8 instance owned by the caller. The rest is immutable.
 */
public final class ReadDocument {

  private final int index;
  private final String sourceName;
  private final HasMetadata object;
  private final List<ReadProblem> problems;
  private final YNode root;
  private final boolean readStrictly;

  ReadDocument(int index, String sourceName, HasMetadata object, List<ReadProblem> problems, YNode root,
      boolean readStrictly) {
    this.readStrictly = readStrictly;
    this.index = index;
    this.sourceName = sourceName;
    this.object = object;
    this.problems = List.copyOf(problems);
    this.root = root;
  }

  /** The same document at another index (a stream counts objects across its documents). */
  ReadDocument withIndex(int newIndex) {
    return newIndex == index ? this : new ReadDocument(newIndex, sourceName, object, problems, root, readStrictly);
  }

  /** {@return the 0-based position of this object among the objects read from the source (after {@code kind: List} expansion)} */
  public int index() {
    return index;
  }

  /** {@return the name of the source the object was read from} */
  public String sourceName() {
    return sourceName;
  }

  /**
   * The object: the fabric8 class of its kind for every {@code v1} and {@code apps/v1} kind (a
   * {@link io.fabric8.kubernetes.api.model.apps.StatefulSet}, a
   * {@link io.fabric8.kubernetes.api.model.Service}, a {@code ConfigMap}, a {@code Deployment}, …),
   * a {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource} for every other kind.
   *
   * @return the object read
   */
  public HasMetadata object() {
    return object;
  }

  /**
   * Whether every field of this object was checked against a model: true when a strict reader
   * read a kind it has a fabric8 class for (every {@code v1} and {@code apps/v1} kind), false for
   * a lenient reader and for kinds read as a {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource}
   * (custom resources, API groups sts-kit has no model of), whose fields past {@code metadata}
   * are kept verbatim and not checked.
   *
   * @return whether every field was checked against a model
   */
  public boolean readStrictly() {
    return readStrictly;
  }

  /** {@return the problems in this object, in source order; empty when it reads clean} */
  public List<ReadProblem> problems() {
    return problems;
  }

  /**
   * Where the field at {@code fieldPath} (Kubernetes form, rooted at the object, e.g.
   * {@code spec.template.spec.containers[0].image} or {@code metadata.labels[app]}) is in the
   * source: the position of its key, or of the list item. Empty if the source has no such field.
   *
   * @param fieldPath the field's path in Kubernetes form
   * @return where the field is, if the source has it
   */
  public Optional<Position> positionOf(String fieldPath) {
    return Paths.positionOf(root, fieldPath).map(p -> Position.of(p[0], p[1]));
  }

  /** {@return where the object starts in the source} */
  public Position position() {
    return Position.of(root.line(), root.column());
  }

  @Override
  public String toString() {
    return "ReadDocument[" + index + " " + object.getKind() + "/"
        + (object.getMetadata() == null ? "?" : object.getMetadata().getName())
        + ", " + problems.size() + " problems]";
  }
}
