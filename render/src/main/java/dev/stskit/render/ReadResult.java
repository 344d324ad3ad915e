package dev.stskit.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** What {@link ManifestReader} read from one source: its objects, in order, with their problems. */
public final class ReadResult {

  private final String sourceName;
  private final List<ReadDocument> documents;

  ReadResult(String sourceName, List<ReadDocument> documents) {
    this.sourceName = sourceName;
    this.documents = List.copyOf(documents);
  }

  /** The name of the source. */
  public String sourceName() {
    return sourceName;
  }

  /** The objects read, in source order, {@code kind: List} items expanded. */
  public List<ReadDocument> documents() {
    return documents;
  }

  /** The objects alone. */
  public List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>(documents.size());
    for (ReadDocument d : documents) {
      out.add(d.object());
    }
    return out;
  }

  /** Every document's problems, in source order. */
  public List<ReadProblem> problems() {
    List<ReadProblem> out = new ArrayList<>();
    for (ReadDocument d : documents) {
      out.addAll(d.problems());
    }
    return out;
  }

  /** Whether no document has a problem. */
  public boolean isClean() {
    for (ReadDocument d : documents) {
      if (!d.problems().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "ReadResult[" + sourceName + ", " + documents.size() + " documents]";
  }
}
