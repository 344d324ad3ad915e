package dev.stskit.render.internal;

/**
 * Pretty JSON writer (two-space indentation, {@code "key": value}), the layout of
 * {@code kubectl get -o json}. One instance per render call.
 */
public final class JsonEmitter implements Emitter {

  private final CharSink out;
  private int[] counts = new int[32];
  private boolean[] isSeq = new boolean[32];
  private final Readable readable = new Readable();
  private int depth = -1;
  private boolean afterName;

  public JsonEmitter(CharSink out) {
    this.out = out;
  }

  @Override
  public void startDocument() {
    depth = -1;
    afterName = false;
  }

  @Override
  public void endDocument() {
    out.append('\n');
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth >= 0) {
      if (counts[depth]++ > 0) {
        out.append(',');
      }
      out.append('\n');
      out.spaces(2 * (depth + 1));
    }
  }

  private void push(boolean seq) {
    depth++;
    if (depth == counts.length) {
      counts = java.util.Arrays.copyOf(counts, depth * 2);
      isSeq = java.util.Arrays.copyOf(isSeq, depth * 2);
    }
    if (depth >= Readable.MAX_DEPTH) {
      readable.open(depth, isSeq, counts);
    }
    counts[depth] = 0;
    isSeq[depth] = seq;
  }

  private void close(char c) {
    if (counts[depth] > 0) {
      out.append('\n');
      out.spaces(2 * depth);
    }
    out.append(c);
    depth--;
  }

  @Override
  public void beginMap() {
    beforeValue();
    out.append('{');
    push(false);
  }

  @Override
  public void endMap() {
    close('}');
  }

  @Override
  public void beginSeq() {
    beforeValue();
    out.append('[');
    push(true);
  }

  @Override
  public void endSeq() {
    close(']');
  }

  @Override
  public void name(char[] fieldName) {
    readable.key(depth, fieldName);
    beforeValue();
    out.append('"');
    out.append(fieldName);
    out.append("\": ");
    afterName = true;
  }

  @Override
  public void key(String key) {
    readable.key(depth, key);
    if (key.length() > (Readable.MAX_JSON_KEY - 2) / 6 && quotedLength(key) > Readable.MAX_JSON_KEY) {
      readable.jsonKey(depth, isSeq, counts, key);
    }
    beforeValue();
    quoted(key);
    out.append(": ");
    afterName = true;
  }

  /** The characters {@link #quoted} writes for {@code s}, quotes included. */
  private static int quotedLength(String s) {
    int len = 2;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (plain(c)) {
        len++;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        len += 2;
        i++;
      } else if (c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') {
        len += 2;
      } else {
        len += 6;
      }
    }
    return len;
  }

  private static boolean plain(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && (c < 0x7F || c > 0x9F) && c != 0x2028 && c != 0x2029
        && c < 0xFEFF && !Character.isSurrogate(c) || (c > 0xFEFF && c < 0xFFFE);
  }

  private void quoted(String s) {
    out.append('"');
    int n = s.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7F || c > 0x9F) && c != 0x2028 && c != 0x2029
          && c < 0xFEFF && !Character.isSurrogate(c) || (c > 0xFEFF && c < 0xFFFE)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      out.append(s, from, i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        case '\r': out.append("\\r"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
          out.append(String.format("\\u%04x", (int) c));
      }
      from = i + 1;
    }
    out.append(s, from, n);
    out.append('"');
  }

  @Override
  public void string(String value) {
    if (value.length() > Readable.MAX_SCALAR) {
      readable.scalar(depth, isSeq, counts, value);
    }
    beforeValue();
    quoted(value);
  }

  @Override
  public void number(String literal) {
    if (literal.startsWith(".") || literal.startsWith("-.")) {
      throw new dev.stskit.render.RenderException("JSON has no form for " + literal + " (NaN or infinity)");
    }
    beforeValue();
    out.append(literal);
  }

  @Override
  public void integer(long value) {
    beforeValue();
    out.appendLong(value);
  }

  @Override
  public void bool(boolean value) {
    beforeValue();
    out.append(value ? "true" : "false");
  }

  @Override
  public dev.stskit.render.RenderException refusal(String problem) {
    return readable.refusal(depth, isSeq, counts, problem);
  }

  @Override
  public void nullValue() {
    beforeValue();
    out.append("null");
  }
}
