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

  /** {@return the name of the source} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the objects read, in source order, {@code kind: List} items expanded} */
  public List<ReadDocument> documents() {
    return documents;
  }

  /** {@return the objects alone, without their problems and positions} */
  public List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>(documents.size());
    for (ReadDocument d : documents) {
      out.add(d.object());
    }
    return out;
  }

  /** {@return every document's problems, in source order} */
  public List<ReadProblem> problems() {
    List<ReadProblem> out = new ArrayList<>();
    for (ReadDocument d : documents) {
      out.addAll(d.problems());
    }
    return out;
  }

  /** {@return whether no document has a problem} */
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
