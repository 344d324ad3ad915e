package dev.stskit.render;

import java.util.Arrays;

/**
 * One document of a {@link ManifestStream}, cut from the stream but not yet parsed: its bytes and
 * where they are in the stream. {@link ManifestReader#read(RawDocument)} reads it, on any thread.
 */
public final class RawDocument {
  private final String sourceName;
  private final byte[] bytes;
  private final long byteOffset;
  private final int firstLine;
  private final long ordinal;

  RawDocument(String sourceName, byte[] bytes, long byteOffset, int firstLine, long ordinal) {
    this.sourceName = sourceName;
    this.bytes = bytes;
    this.byteOffset = byteOffset;
    this.firstLine = firstLine;
    this.ordinal = ordinal;
  }

  /** {@return the name of the stream, used in messages} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the 0-based byte offset of the document in the stream} */
  public long byteOffset() {
    return byteOffset;
  }

  /** {@return the 1-based line of the stream the document starts on (its {@code ---} line, if it has one)} */
  public int firstLine() {
    return firstLine;
  }

  /** {@return the 0-based position of the document among the stream's documents (empty ones counted)} */
  public long ordinal() {
    return ordinal;
  }

  /** {@return the number of bytes in the document} */
  public int length() {
    return bytes.length;
  }

  /** {@return a copy of the document's bytes} */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, bytes.length);
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "RawDocument[" + sourceName + ":" + firstLine + ", " + bytes.length + " bytes]";
  }
}
