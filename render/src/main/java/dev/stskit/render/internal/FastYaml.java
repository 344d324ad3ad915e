package dev.stskit.render.internal;

import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ReaderLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the block-style YAML that Kubernetes manifests are nearly always written in
 * (what kubectl, Helm and this renderer write): block mappings and sequences (also "indentless"
 * ones), single-line plain, single- and double-quoted scalars, literal and folded block scalars,
 * {@code {}} and {@code []}, comments, {@code ---} and {@code ...}.
 *
 * <p>It gives up — {@link #tryParse} returns null — at the first thing outside that subset
 * (anchors, aliases, tags, flow collections, multi-line flow scalars, complex keys, directives,
 * tabs, CR line ends, control characters, block scalars with an indentation indicator, anything
 * malformed), and the caller parses the whole input again with snakeyaml-engine. So the fast
 * path never decides what is an error and never has to be complete; it only has to build exactly
 * the tree snakeyaml-engine would for what it accepts, which {@code FastYamlDifferentialProperties}
 * checks. Limits are enforced the same way on both paths.
 */
final class FastYaml {

  /** Thrown to leave the fast path; no stack trace, one shared instance. */
  private static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bail() {
      super("not in the fast-path subset", null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();

  private final String s;
  private final int n;
  private final ReaderLimits limits;
  private final String source;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;
  private long nodes;

  private FastYaml(String s, ReaderLimits limits, String source) {
    this.s = s;
    this.n = s.length();
    this.limits = limits;
    this.source = source;
  }

  /** The documents' trees, or null when the input needs the full parser. */
  static List<YNode> tryParse(String text, ReaderLimits limits, String source) {
    if (!prescan(text)) {
      return null;
    }
    try {
      return new FastYaml(text, limits, source).stream();
    } catch (Bail b) {
      return null;
    }
  }

  /** Only printable characters without tabs, CRs and surrogates (those take the full parser). */
  private static boolean prescan(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\n') {
          return false;
        }
      } else if (c >= 0x7F && (c <= 0x9F || c == 0x2028 || c == 0x2029 || c >= 0xD800 && c <= 0xDFFF || c >= 0xFEFF)) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------ lines

  private int col() {
    return pos - lineStart + 1;
  }

  private boolean eol() {
    return pos >= n || s.charAt(pos) == '\n';
  }

  private void nextLine() {
    while (pos < n && s.charAt(pos) != '\n') {
      pos++;
    }
    if (pos < n) {
      pos++;
      line++;
      lineStart = pos;
    }
  }

  /** After a value: only blanks and a comment may follow on the line; then go to the next line. */
  private void endOfLine() {
    boolean space = pos > lineStart && s.charAt(pos - 1) == ' ';
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
      space = true;
    }
    if (eol()) {
      nextLine();
      return;
    }
    if (s.charAt(pos) == '#' && space) {
      nextLine();
      return;
    }
    throw BAIL;
  }

  /**
   * Skips blank and comment lines. Leaves pos at the first non-blank character of the next
   * content line and returns its indentation, or -1 at the end of input.
   */
  private int skipBlank() {
    while (true) {
      if (pos >= n) {
        return -1;
      }
      int p = pos;
      if (p > lineStart && onlySpacesBefore(p)) {
        p = lineStart; // already at this line's content: measure its indentation again
      }
      int ind = 0;
      while (p < n && s.charAt(p) == ' ') {
        p++;
        ind++;
      }
      if (p >= n) {
        pos = n;
        return -1;
      }
      char c = s.charAt(p);
      if (c == '\n' || c == '#') {
        pos = p;
        nextLine();
        continue;
      }
      pos = p;
      return ind;
    }
  }

  private boolean onlySpacesBefore(int p) {
    for (int i = lineStart; i < p; i++) {
      if (s.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private boolean atDocumentMarker(int ind, char m) {
    if (ind != 0 || pos + 3 > n) {
      return false;
    }
    if (s.charAt(pos) != m || s.charAt(pos + 1) != m || s.charAt(pos + 2) != m) {
      return false;
    }
    return pos + 3 == n || s.charAt(pos + 3) == '\n' || s.charAt(pos + 3) == ' ';
  }

  // ---------------------------------------------------------------------------- stream

  private List<YNode> stream() {
    List<YNode> docs = new ArrayList<>();
    int documents = 0;
    boolean open = false;
    while (true) {
      int ind = skipBlank();
      if (ind < 0) {
        break;
      }
      if (s.charAt(pos) == '%') {
        throw BAIL;
      }
      if (atDocumentMarker(ind, '-')) {
        pos += 3;
        if (!eol() && skipSpacesToEol()) {
          throw BAIL; // content after "---" on the same line
        }
        nextLine();
        documents++;
        open = true;
        checkDocuments(documents);
        continue;
      }
      if (atDocumentMarker(ind, '.')) {
        pos += 3;
        endOfLine();
        open = false;
        continue;
      }
      if (!open) {
        documents++;
        checkDocuments(documents);
      }
      nodes = 0;
      YNode root = block(-1, ind);
      if (root == null) {
        throw BAIL;
      }
      docs.add(root);
      int next = skipBlank();
      if (next >= 0 && !atDocumentMarker(next, '-') && !atDocumentMarker(next, '.')) {
        throw BAIL;
      }
      open = false;
    }
    return docs;
  }

  /** True if something other than blanks/comment follows on the line. */
  private boolean skipSpacesToEol() {
    int p = pos;
    boolean space = false;
    while (p < n && s.charAt(p) == ' ') {
      p++;
      space = true;
    }
    if (p >= n || s.charAt(p) == '\n') {
      return false;
    }
    return !(space && s.charAt(p) == '#');
  }

  private void checkDocuments(int documents) {
    if (documents > limits.maxDocuments()) {
      throw new ManifestReadException(source, line, col(), "more than " + limits.maxDocuments() + " documents");
    }
  }

  private YNode node(byte type, int l, int c, String value, boolean plain) {
    if (++nodes > limits.maxNodes()) {
      throw new ManifestReadException(source, l, c, "more than " + limits.maxNodes() + " nodes in one document");
    }
    if (value != null && value.length() > limits.maxScalarChars()) {
      throw new ManifestReadException(source, l, c, "a scalar of " + value.length()
          + " characters, more than the limit of " + limits.maxScalarChars());
    }
    return new YNode(type, l, c, value, plain, null);
  }

  private void enter(int l, int c) {
    if (++depth > limits.maxDepth()) {
      throw new ManifestReadException(source, l, c, "nesting deeper than the limit of " + limits.maxDepth());
    }
  }

  private static void addWeighted(YNode parent, YNode child) {
    parent.add(child);
    parent.weight += child.weight;
  }

  // ----------------------------------------------------------------------------- blocks

  /** A block node at the current content line, whose indentation {@code ind} exceeds {@code parent}. */
  private YNode block(int parent, int ind) {
    if (ind <= parent) {
      return null;
    }
    if (isSeqEntry()) {
      return sequence(ind);
    }
    if (keyAhead()) {
      return mapping(ind);
    }
    throw BAIL; // a scalar document or a multi-line plain scalar
  }

  private boolean isSeqEntry() {
    return s.charAt(pos) == '-' && (pos + 1 == n || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n');
  }

  /** Whether the line from pos is "key: ..." (a single-line plain or quoted key). */
  private boolean keyAhead() {
    char c = s.charAt(pos);
    if (c == '\'' || c == '"') {
      int p = pos + 1;
      while (p < n && s.charAt(p) != '\n') {
        if (s.charAt(p) == c) {
          if (c == '\'' && p + 1 < n && s.charAt(p + 1) == '\'') {
            p += 2;
            continue;
          }
          break;
        }
        if (c == '"' && s.charAt(p) == '\\') {
          p++;
        }
        p++;
      }
      if (p >= n || s.charAt(p) == '\n') {
        return false;
      }
      p++;
      while (p < n && s.charAt(p) == ' ') {
        p++;
      }
      return p < n && s.charAt(p) == ':' && (p + 1 == n || s.charAt(p + 1) == ' ' || s.charAt(p + 1) == '\n');
    }
    if (isIndicator(c)) {
      return false;
    }
    for (int p = pos; p < n; p++) {
      char x = s.charAt(p);
      if (x == '\n') {
        return false;
      }
      if (x == ':' && (p + 1 == n || s.charAt(p + 1) == ' ' || s.charAt(p + 1) == '\n')) {
        return true;
      }
      if (x == '#' && s.charAt(p - 1) == ' ') {
        return false;
      }
    }
    return false;
  }

  private static boolean isIndicator(char c) {
    switch (c) {
      case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#':
      case '&': case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@':
      case '`':
        return true;
      default:
        return false;
    }
  }

  private YNode mapping(int ind) {
    int l = line;
    int c = col();
    enter(l, c);
    YNode map = node(YNode.MAP, l, c, null, false);
    while (true) {
      YNode key = key();
      addWeighted(map, key);
      // pos is just after ':'
      YNode value;
      while (pos < n && s.charAt(pos) == ' ') {
        pos++;
      }
      if (eol() || s.charAt(pos) == '#') {
        int vl = line;
        int vc = col();
        if (!eol() && s.charAt(pos - 1) != ' ') {
          throw BAIL;
        }
        nextLine();
        int next = skipBlank();
        if (next > ind) {
          value = block(ind, next);
        } else if (next == ind && isSeqEntry() && !atDocumentMarker(next, '-')) {
          value = sequence(ind); // "key:\n- item": a sequence at the key's indentation
        } else {
          value = node(YNode.SCALAR, vl, vc, "", true);
        }
      } else {
        value = inline(ind);
      }
      addWeighted(map, value);
      int next = skipBlank();
      if (next < 0 || next < ind) {
        break;
      }
      if (next > ind) {
        throw BAIL;
      }
      if (atDocumentMarker(next, '-') || atDocumentMarker(next, '.')) {
        break;
      }
      if (isSeqEntry()) {
        break; // the end of the mapping inside an indentless sequence item
      }
      if (!keyAhead()) {
        throw BAIL;
      }
    }
    depth--;
    if (map.weight > limits.maxNodes()) {
      throw new ManifestReadException(source, l, c, "more than " + limits.maxNodes() + " nodes in one document");
    }
    return map;
  }

  private YNode key() {
    int l = line;
    int c = col();
    char q = s.charAt(pos);
    YNode key;
    if (q == '\'' || q == '"') {
      String v = q == '\'' ? singleQuoted() : doubleQuoted();
      key = node(YNode.SCALAR, l, c, v, false);
      while (pos < n && s.charAt(pos) == ' ') {
        pos++;
      }
    } else {
      int start = pos;
      while (true) {
        char x = s.charAt(pos);
        if (x == ':' && (pos + 1 == n || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n')) {
          break;
        }
        pos++;
      }
      int end = pos;
      while (end > start && s.charAt(end - 1) == ' ') {
        end--;
      }
      String v = s.substring(start, end);
      if (v.equals("<<") || end - start > 1024) {
        throw BAIL; // merge keys and very long keys: the full parser
      }
      key = node(YNode.SCALAR, l, c, v, true);
    }
    if (pos >= n || s.charAt(pos) != ':') {
      throw BAIL;
    }
    pos++;
    return key;
  }

  private YNode sequence(int ind) {
    int l = line;
    int c = col();
    enter(l, c);
    YNode seq = node(YNode.SEQ, l, c, null, false);
    while (true) {
      pos++; // the dash
      YNode item;
      int il = line;
      int ic = col();
      while (pos < n && s.charAt(pos) == ' ') {
        pos++;
      }
      if (eol() || s.charAt(pos) == '#') {
        if (!eol() && s.charAt(pos - 1) != ' ') {
          throw BAIL;
        }
        nextLine();
        int next = skipBlank();
        if (next > ind) {
          item = block(ind, next);
        } else {
          item = node(YNode.SCALAR, il, ic, "", true);
        }
      } else if (isSeqEntry()) {
        throw BAIL; // "- - x"
      } else if (keyAhead()) {
        item = mapping(pos - lineStart);
      } else {
        item = inline(ind);
      }
      addWeighted(seq, item);
      int next = skipBlank();
      if (next < 0 || next < ind) {
        break;
      }
      if (next > ind) {
        throw BAIL;
      }
      if (atDocumentMarker(next, '-') || atDocumentMarker(next, '.')) {
        break;
      }
      if (!isSeqEntry()) {
        break; // an indentless sequence ends where its parent mapping continues
      }
    }
    depth--;
    if (seq.weight > limits.maxNodes()) {
      throw new ManifestReadException(source, l, c, "more than " + limits.maxNodes() + " nodes in one document");
    }
    return seq;
  }

  // ---------------------------------------------------------------------------- scalars

  /** A value that starts on the current line after "key: " or "- "; consumes the rest of the line. */
  private YNode inline(int ind) {
    int l = line;
    int c = col();
    char ch = s.charAt(pos);
    switch (ch) {
      case '\'': {
        String v = singleQuoted();
        endOfLine();
        return node(YNode.SCALAR, l, c, v, false);
      }
      case '"': {
        String v = doubleQuoted();
        endOfLine();
        return node(YNode.SCALAR, l, c, v, false);
      }
      case '|':
      case '>':
        return blockScalar(ind, ch == '>', l, c);
      case '{':
      case '[': {
        char close = ch == '{' ? '}' : ']';
        if (pos + 1 < n && s.charAt(pos + 1) == close) {
          pos += 2;
          endOfLine();
          YNode e = node(ch == '{' ? YNode.MAP : YNode.SEQ, l, c, null, false);
          return e;
        }
        throw BAIL;
      }
      case '&': case '*': case '!': case '%': case '@': case '`': case ']': case '}': case ',':
      case '?': case ':': case '-':
        if (ch == '-' || ch == '?' || ch == ':') {
          if (pos + 1 < n && s.charAt(pos + 1) != ' ' && s.charAt(pos + 1) != '\n') {
            return plain(l, c);
          }
        }
        throw BAIL;
      default:
        return plain(l, c);
    }
  }

  private YNode plain(int l, int c) {
    int start = pos;
    int end = pos;
    while (pos < n) {
      char x = s.charAt(pos);
      if (x == '\n') {
        break;
      }
      if (x == ':' && (pos + 1 == n || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n')) {
        throw BAIL; // "a: b: c" is an error; let the full parser say so
      }
      if (x == '#' && s.charAt(pos - 1) == ' ') {
        break;
      }
      if (x != ' ') {
        end = pos + 1;
      }
      pos++;
    }
    String v = s.substring(start, end);
    nextLine();
    return node(YNode.SCALAR, l, c, v, true);
  }

  private String singleQuoted() {
    int start = ++pos;
    StringBuilder sb = null;
    while (true) {
      if (pos >= n || s.charAt(pos) == '\n') {
        throw BAIL; // multi-line: folding rules belong to the full parser
      }
      char x = s.charAt(pos);
      if (x == '\'') {
        if (pos + 1 < n && s.charAt(pos + 1) == '\'') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos + 1);
          pos += 2;
          start = pos;
          continue;
        }
        String v = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
        pos++;
        return v;
      }
      pos++;
    }
  }

  private String doubleQuoted() {
    int start = ++pos;
    StringBuilder sb = null;
    while (true) {
      if (pos >= n || s.charAt(pos) == '\n') {
        throw BAIL;
      }
      char x = s.charAt(pos);
      if (x == '"') {
        String v = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
        pos++;
        return v;
      }
      if (x == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(s, start, pos);
        if (pos + 1 >= n) {
          throw BAIL;
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case '0': sb.append('\0'); break;
          case 'a': sb.append('\u0007'); break;
          case 'b': sb.append('\b'); break;
          case 't': sb.append('\t'); break;
          case 'n': sb.append('\n'); break;
          case 'v': sb.append('\u000B'); break;
          case 'f': sb.append('\f'); break;
          case 'r': sb.append('\r'); break;
          case 'e': sb.append('\u001B'); break;
          case ' ': sb.append(' '); break;
          case '"': sb.append('"'); break;
          case '/': sb.append('/'); break;
          case '\\': sb.append('\\'); break;
          case 'N': sb.append('\u0085'); break;
          case '_': sb.append('\u00A0'); break;
          case 'L': sb.append('\u2028'); break;
          case 'P': sb.append('\u2029'); break;
          case 'x': sb.appendCodePoint(hex(2)); break;
          case 'u': sb.appendCodePoint(hex(4)); break;
          case 'U': sb.appendCodePoint(hex(8)); break;
          default:
            throw BAIL;
        }
        start = pos;
        continue;
      }
      pos++;
    }
  }

  private int hex(int digits) {
    if (pos + digits > n) {
      throw BAIL;
    }
    int v = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(s.charAt(pos + i), 16);
      if (d < 0) {
        throw BAIL;
      }
      v = v * 16 + d;
    }
    if (!Character.isValidCodePoint(v) || (v >= 0xD800 && v <= 0xDFFF)) {
      throw BAIL;
    }
    pos += digits;
    return v;
  }

  /**
   * A literal ({@code |}) or folded ({@code >}) block scalar without an indentation indicator,
   * read with the line-folding and chomping steps of snakeyaml-engine's {@code scanBlockScalar}.
   */
  private YNode blockScalar(int ind, boolean folded, int l, int c) {
    pos++;
    int chomp = 0; // 0 clip, 1 keep, -1 strip
    if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
      chomp = s.charAt(pos) == '+' ? 1 : -1;
      pos++;
    }
    if (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      throw BAIL; // indentation indicator
    }
    if (pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != '\n') {
      throw BAIL;
    }
    endOfLine();
    if (ind < 0) {
      throw BAIL;
    }
    // leading empty lines, then the first content line sets the indentation
    int leadingBreaks = 0;
    while (pos < n && s.charAt(pos) == '\n') {
      pos++;
      line++;
      lineStart = pos;
      leadingBreaks++;
    }
    int p = pos;
    while (p < n && s.charAt(p) == ' ') {
      p++;
    }
    int indent = p - pos;
    if (p >= n || s.charAt(p) == '\n' || indent <= ind) {
      throw BAIL; // empty scalar, or blank lines with spaces: the full parser
    }
    StringBuilder chunks = new StringBuilder();
    for (int i = 0; i < leadingBreaks; i++) {
      chunks.append('\n');
    }
    String lineBreak = "";
    int breaks = 0;
    while (true) {
      // at the start of a line with at least `indent` spaces
      for (int i = 0; i < breaks; i++) {
        chunks.append('\n');
      }
      int contentStart = pos + indent;
      boolean leadingNonSpace = s.charAt(contentStart) != ' ';
      int e = contentStart;
      while (e < n && s.charAt(e) != '\n') {
        e++;
      }
      chunks.append(s, contentStart, e);
      if (chunks.length() > limits.maxScalarChars()) {
        throw new ManifestReadException(source, l, c, "a scalar of more than "
            + limits.maxScalarChars() + " characters");
      }
      pos = e;
      lineBreak = pos < n ? "\n" : "";
      if (pos < n) {
        pos++;
        line++;
        lineStart = pos;
      }
      // scanBlockScalarBreaks: lines with at most `indent` spaces and nothing else
      breaks = 0;
      int sp;
      while (true) {
        int q = pos;
        sp = 0;
        while (q < n && s.charAt(q) == ' ' && sp < indent) {
          q++;
          sp++;
        }
        if (q < n && s.charAt(q) == '\n') {
          pos = q + 1;
          line++;
          lineStart = pos;
          breaks++;
          continue;
        }
        break; // pos stays at the start of this line
      }
      boolean more = sp == indent && pos + sp < n;
      if (!more) {
        break;
      }
      if (blankLine(pos + indent)) {
        throw BAIL; // a line of only spaces, longer than the indentation
      }
      if (folded && lineBreak.equals("\n") && leadingNonSpace && s.charAt(pos + indent) != ' ') {
        if (breaks == 0) {
          chunks.append(' ');
        }
      } else {
        chunks.append(lineBreak);
      }
    }
    if (chomp != -1) {
      chunks.append(lineBreak);
    }
    if (chomp == 1) {
      for (int i = 0; i < breaks; i++) {
        chunks.append('\n');
      }
    }
    // the caller continues at the next content line (pos is at a line start)
    return node(YNode.SCALAR, l, c, chunks.toString(), false);
  }

  private boolean blankLine(int q) {
    while (q < n && s.charAt(q) == ' ') {
      q++;
    }
    return q >= n || s.charAt(q) == '\n';
  }
}
