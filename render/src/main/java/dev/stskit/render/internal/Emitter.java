package dev.stskit.render.internal;

/**
 * The events the {@link Walker} sends for one document; YAML and JSON implement them. The walker
 * only announces a field once it knows the field will get a value, so emitters need no lookahead.
 */
public interface Emitter {
  void startDocument();

  void endDocument();

  void beginMap();

  void endMap();

  void beginSeq();

  void endSeq();

  /** A field name known to be a safe plain identifier (a Kubernetes JSON property name). */
  void name(char[] fieldName);

  /** A map key: any string, quoted as needed. */
  void key(String key);

  void string(String value);

  void number(String literal);

  void integer(long value);

  void bool(boolean value);

  void nullValue();

  /**
   * A refusal naming the field path of the value about to be written (after {@link #key} or
   * {@link #name} in a mapping, or the next element of a sequence).
   */
  dev.stskit.render.RenderException refusal(String problem);
}
