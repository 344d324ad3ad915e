package dev.stskit.render.internal;

/**
 * Block-style YAML writer: two-space indentation, sequences indented under their key (the style of
 * the platform's own YAML examples), {@code {}} and {@code []} for empty collections, multi-line
 * strings as literal blocks, and the quoting decided by {@link Scalars}. Documents are separated by
 * {@code ---}. One instance per render call.
 */
public final class YamlEmitter implements Emitter {

  private static final int AFTER_KEY = 1;
  private static final int AFTER_DASH = 2;
  private static final int LINE_START = 3;

  private final CharSink out;
  private int[] indents = new int[32];
  private boolean[] isSeq = new boolean[32];
  private int[] counts = new int[32];
  private final Readable readable = new Readable();
  private int depth = -1;
  private int pending = LINE_START;
  private int documents;

  public YamlEmitter(CharSink out) {
    this.out = out;
  }

  @Override
  public void startDocument() {
    if (documents++ > 0) {
      out.append("---\n");
    }
    depth = -1;
    pending = LINE_START;
  }

  @Override
  public void endDocument() {
    if (pending != LINE_START) {
      out.append('\n');
      pending = LINE_START;
    }
  }

  /** Column where the content of the value being started goes. */
  private int childIndent() {
    if (depth < 0) {
      return 0;
    }
    return indents[depth] + 2;
  }

  /** Before a value: inside a sequence, write the dash of a new item. */
  private void beforeValue() {
    if (depth >= 0 && isSeq[depth]) {
      int ind = indents[depth];
      if (counts[depth]++ == 0) {
        if (pending == AFTER_KEY) {
          out.append('\n');
          out.spaces(ind);
        }
        // AFTER_DASH: "- - item" continues the line; LINE_START: at column 0 already
      } else {
        out.spaces(ind);
      }
      out.append('-');
      out.append(' ');
      pending = AFTER_DASH;
    }
  }

  private void push(boolean seq, int indent) {
    depth++;
    if (depth == indents.length) {
      indents = java.util.Arrays.copyOf(indents, depth * 2);
      isSeq = java.util.Arrays.copyOf(isSeq, depth * 2);
      counts = java.util.Arrays.copyOf(counts, depth * 2);
    }
    if (depth >= Readable.MAX_DEPTH) {
      readable.open(depth, isSeq, counts);
    }
    indents[depth] = indent;
    isSeq[depth] = seq;
    counts[depth] = 0;
  }

  @Override
  public void beginMap() {
    int indent = pending == AFTER_KEY ? childIndent() : 0;
    beforeValue();
    if (pending == AFTER_DASH) {
      indent = indents[depth] + 2;
    }
    push(false, indent);
  }

  @Override
  public void endMap() {
    if (counts[depth] == 0) {
      out.append(pending == AFTER_KEY ? " {}\n" : "{}\n");
      pending = LINE_START;
    }
    depth--;
  }

  @Override
  public void beginSeq() {
    int indent = pending == AFTER_KEY ? childIndent() : 0;
    beforeValue();
    if (pending == AFTER_DASH) {
      indent = indents[depth] + 2;
    }
    push(true, indent);
  }

  @Override
  public void endSeq() {
    if (counts[depth] == 0) {
      out.append(pending == AFTER_KEY ? " []\n" : "[]\n");
      pending = LINE_START;
    }
    depth--;
  }

  private void startEntry() {
    if (counts[depth]++ == 0) {
      if (pending == AFTER_KEY) {
        out.append('\n');
        out.spaces(indents[depth]);
      }
    } else {
      out.spaces(indents[depth]);
    }
  }

  @Override
  public void name(char[] fieldName) {
    readable.key(depth, fieldName);
    startEntry();
    out.append(fieldName);
    out.append(':');
    pending = AFTER_KEY;
  }

  @Override
  public void key(String key) {
    readable.key(depth, key);
    if (key.length() > Readable.MAX_SCALAR) {
      readable.scalar(depth, isSeq, counts, key);
    }
    startEntry();
    int style = Scalars.keyStyle(key);
    // YAML allows an implicit key of at most 1024 characters as written; longer ones are explicit
    boolean explicit = key.length() > 1000 || key.length() > 160 && style != Scalars.PLAIN
        && inlineLength(key, style) > 1000;
    if (explicit) {
      out.append("? ");
    }
    writeInline(key, style);
    if (explicit) {
      out.append('\n');
      out.spaces(indents[depth]);
    }
    out.append(':');
    pending = AFTER_KEY;
  }

  private void scalarStart() {
    beforeValue();
    if (pending == AFTER_KEY) {
      out.append(' ');
    }
  }

  private void scalarEnd() {
    out.append('\n');
    pending = LINE_START;
  }

  @Override
  public void string(String value) {
    if (value.length() > Readable.MAX_SCALAR) {
      readable.scalar(depth, isSeq, counts, value);
    }
    int indent = pending == AFTER_KEY ? childIndent() : -1;
    scalarStart();
    if (indent < 0) {
      indent = depth >= 0 ? indents[depth] + 2 : 0;
    }
    int n = value.length();
    int style;
    if (n <= 4096) {
      // copy first, decide on the copy: a plain value (the common case) is then already written
      int p = out.reserve(n);
      value.getChars(0, n, out.buffer(), p);
      style = Scalars.style(out.buffer(), p, n, value, true);
      if (style == Scalars.PLAIN) {
        out.advance(n);
        scalarEnd();
        return;
      }
    } else {
      style = Scalars.style(value);
    }
    if (style == Scalars.LITERAL) {
      writeLiteral(value, indent);
      pending = LINE_START;
      return;
    }
    writeInline(value, style);
    scalarEnd();
  }

  @Override
  public void number(String literal) {
    scalarStart();
    out.append(literal);
    scalarEnd();
  }

  @Override
  public void integer(long value) {
    scalarStart();
    out.appendLong(value);
    scalarEnd();
  }

  @Override
  public void bool(boolean value) {
    scalarStart();
    out.append(value ? "true" : "false");
    scalarEnd();
  }

  @Override
  public dev.stskit.render.RenderException refusal(String problem) {
    return readable.refusal(depth, isSeq, counts, problem);
  }

  @Override
  public void nullValue() {
    scalarStart();
    out.append("null");
    scalarEnd();
  }

  /** At most the characters {@link #writeInline} writes for {@code s} (an escape counts six). */
  private static int inlineLength(String s, int style) {
    int len = s.length() + 2;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"' || c == '\\') {
        len++;
      } else if (c < 0x20 || c >= 0x7F && c < 0xA0 || c >= 0x2028 && !Character.isLetter(c) || Character.isSurrogate(c)) {
        len += 5;
      }
    }
    return len;
  }

  private void writeInline(String s, int style) {
    switch (style) {
      case Scalars.PLAIN:
        out.append(s);
        break;
      case Scalars.SINGLE:
        out.append('\'');
        int from = 0;
        for (int i = s.indexOf('\''); i >= 0; i = s.indexOf('\'', i + 1)) {
          out.append(s, from, i + 1);
          out.append('\'');
          from = i + 1;
        }
        out.append(s, from, s.length());
        out.append('\'');
        break;
      default:
        writeDoubleQuoted(out, s);
        break;
    }
  }

  private void writeLiteral(String s, int indent) {
    out.append('|');
    int firstContent = 0;
    while (firstContent < s.length() && s.charAt(firstContent) == '\n') {
      firstContent++;
    }
    if (firstContent < s.length() && s.charAt(firstContent) == ' ') {
      out.append('2'); // indentation indicator: the content itself starts with a space
    }
    int n = s.length();
    if (s.charAt(n - 1) != '\n') {
      out.append('-');
    } else if (n >= 2 && s.charAt(n - 2) == '\n') {
      out.append('+');
    }
    out.append('\n');
    int end = s.charAt(n - 1) == '\n' ? n - 1 : n;
    int lineStart = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || s.charAt(i) == '\n') {
        if (i > lineStart) {
          out.spaces(indent);
          out.append(s, lineStart, i);
        }
        out.append('\n');
        lineStart = i + 1;
      }
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Double-quoted YAML/JSON-compatible escaping of everything not printable. */
  static void writeDoubleQuoted(CharSink out, String s) {
    out.append('"');
    int n = s.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      String esc = null;
      boolean unicode = false;
      if (c == '"') {
        esc = "\\\"";
      } else if (c == '\\') {
        esc = "\\\\";
      } else if (c == '\n') {
        esc = "\\n";
      } else if (c == '\t') {
        esc = "\\t";
      } else if (c == '\r') {
        esc = "\\r";
      } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
          || c == 0xFFFE || c == 0xFFFF) {
        unicode = true;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        unicode = true;
      } else {
        continue;
      }
      out.append(s, from, i);
      if (unicode) {
        out.append("\\u");
        out.append(HEX[(c >> 12) & 0xF]);
        out.append(HEX[(c >> 8) & 0xF]);
        out.append(HEX[(c >> 4) & 0xF]);
        out.append(HEX[c & 0xF]);
      } else {
        out.append(esc);
      }
      from = i + 1;
    }
    out.append(s, from, n);
    out.append('"');
  }
}
