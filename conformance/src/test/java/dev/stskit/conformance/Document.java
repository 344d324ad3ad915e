package dev.stskit.conformance;

import java.util.ArrayList;
import java.util.List;

/** One document's exact text, as sent to the server and read by sts-kit, with its case id. */
record Document(String id, String text, boolean yaml) {

  /** Splits a YAML stream at its {@code ---} lines, keeping each document's text as written. */
  static List<Document> split(String id, String text) {
    List<Document> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int index = 0;
    for (String line : text.split("\n", -1)) {
      if (line.equals("---") || line.startsWith("--- ")) {
        if (hasContent(current)) {
          out.add(new Document(id + "#" + index, current.toString(), true));
        }
        index++;
        current.setLength(0);
        continue;
      }
      current.append(line).append('\n');
    }
    if (hasContent(current)) {
      out.add(new Document(id + "#" + index, current.toString(), true));
    }
    return out;
  }

  private static boolean hasContent(CharSequence s) {
    for (String line : s.toString().split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return true;
      }
    }
    return false;
  }
}
