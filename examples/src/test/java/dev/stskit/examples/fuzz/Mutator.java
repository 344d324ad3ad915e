package dev.stskit.examples.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates a YAML (or JSON) text by its lines, aware of the block structure that indentation gives:
 * a key or a list element is its line and every deeper-indented line after it (and, for a key whose
 * value is a block list at the same indent, the {@code - } lines under it). One to three mutations
 * an input, each one of: a value replaced by a trap (type swaps, nulls, YAML 1.1 numbers and
 * booleans, placeholders, unicode line breaks and lone surrogates, flow collections, anchors), a key
 * inserted (unknown or duplicate), a key or list element deleted or duplicated with its subtree, a
 * block turned into a scalar or a scalar into a block, a huge string or key, a deeply nested value,
 * raw unicode or a placeholder spliced into a value, an indent shifted, a character deleted.
 */
final class Mutator {

  /** Values that broke sts-kit once (issues 10 and 15), and YAML's usual traps. */
  static final String[] VALUES = {
      "~", "null", "NULL", "", "[~]", "[a, ~]", "{a: ~}", "{a: b}", "[]", "{}", "''", "\"\"", "5", "-1", "0",
      "010", "0o10", "0x10", "0b1", "1E", "9E", "9Ei", "1e", "..", "1.2.3", "1..", ".5.", ".inf", "-.inf", ".nan",
      "yes", "on", "y", "true", "1_000", "1e3", "1e2000000000", "99999999999999999999", "2147483648",
      "-2147483649", "9223372036854775808", "1.5", "-0", "+1", "100n", "250u", "1Ki", "0.1m", "\"\\u0085x\"",
      "\"x\\u0085\"", "\"\\u2028\"", "\"\\ufeffx\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\x85\"", "\"\\0\"",
      "\"\\t\"", "\"{0}\"", "\"{1}{0}\"", "\"%s\"", "\"${x}\"", "\"'\"", "'{'", "\"{\"", "\"}\"", "\"\\\\\"",
      "\"" + "x".repeat(300) + "\"", "\"" + "a.".repeat(200) + "a\"", "[1, [2, [3]]]", "{apiVersion: 1, kind: ~}",
      "&a x", "*a", "!!str 5", "!!int '5'", "!!binary aGk=", "!custom x", "2001-12-14", "5.7.31", "\"a\\tb\"",
      "\"0644\"", "0644", "http", "-", "--", "- x", ": x", "'#'", "x #c", "|\n  block", ">-\n  folded",
      "[{}]", "[{name: ~}]", "[{name: a}, {name: a}]", "{name: x, port: 80}", "{\"a\": 1}", "\"ünïcødé 中文\"",
      "\"\\U0001F600\"", "<<", "{<<: {a: b}}", "?", "%", "@x", "`x", "!", "&", "*", "\"a: b\"", "a: b"};

  /** Keys inserted beside existing ones: unknown ones, and the names of fields that broke sts-kit. */
  static final String[] KEYS = {
      "bogus", "name", "kind", "apiVersion", "metadata", "spec", "command", "args", "values", "labels",
      "annotations", "matchLabels", "replicas", "image", "cpu", "memory", "nvidia.com/gpu", "nvidia.com/gpumem",
      "ports", "port", "containerPort", "targetPort", "volumes", "volumeMounts", "env", "extras", "set", "omit",
      "namespaces", "x-y", "<<", "\"{0}\"", "\"\\u0085\"", "''", "\"\"", "serviceName", "selector", "template",
      "status", "ownerReferences", "managedFields", "resources", "limits", "requests", "containers",
      "initContainers", "gpu", "profile", "mode", "securityContext", "description", "partition"};

  private static final String[] UNICODE = {"\u0085", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\u0000",
      "\u001b", "\u009f", "\t", "\r", "中"};

  private static final String[] PLACEHOLDERS = {"{0}", "{1}{0}", "%s", "${x}", "'", "{", "}", "{0,number}", "\\"};

  private Mutator() {}

  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int n = 1 + random.nextInt(3);
    for (int m = 0; m < n && !lines.isEmpty(); m++) {
      mutateOnce(lines, random);
    }
    return String.join("\n", lines) + "\n";
  }

  private static void mutateOnce(List<String> lines, Random random) {
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    int colon = keyEnd(line);
    switch (random.nextInt(16)) {
      case 0, 1 -> { // a value replaced by a trap
        if (colon > 0) {
          replaceBlock(lines, at, line.substring(0, colon + 1) + " " + pick(VALUES, random));
        } else if (isListItem(line)) {
          replaceBlock(lines, at, dashPrefix(line) + pick(VALUES, random));
        }
      }
      case 2 -> { // a key inserted at the same indent (unknown, or a duplicate of a sibling)
        String keyIndent = isListItem(line) ? dashPrefix(line).replace('-', ' ') : indent;
        String key = random.nextBoolean() || colon <= 0 ? pick(KEYS, random) : line.substring(0, colon).strip()
            .replaceFirst("^- ", "");
        lines.add(at + 1 + (isListItem(line) ? 0 : blockEnd(lines, at) - at - 1),
            keyIndent + key + ": " + pick(VALUES, random));
      }
      case 3 -> { // a key or list element deleted with its subtree
        int end = blockEnd(lines, at);
        lines.subList(at, end).clear();
      }
      case 4 -> { // a key or list element duplicated with its subtree
        int end = blockEnd(lines, at);
        lines.addAll(end, new ArrayList<>(lines.subList(at, end)));
      }
      case 5 -> { // null, written one of YAML's ways
        String nul = pick(new String[] {"~", "null", "", "Null"}, random);
        if (colon > 0) {
          replaceBlock(lines, at, line.substring(0, colon + 1) + (nul.isEmpty() ? "" : " " + nul));
        } else if (isListItem(line)) {
          replaceBlock(lines, at, dashPrefix(line) + (nul.isEmpty() ? "~" : nul));
        }
      }
      case 6 -> { // type swap: a scalar into a map or a list, a block into a scalar
        if (colon > 0) {
          String value = line.substring(colon + 1).strip();
          String key = line.substring(0, colon + 1);
          if (value.isEmpty()) {
            replaceBlock(lines, at, key + " " + pick(new String[] {"5", "x", "true", "[]", "{}", "[x]"}, random));
          } else {
            replaceBlock(lines, at, key + " " + (random.nextBoolean() ? "[" + value + "]" : "{" + value + ": " + value + "}"));
          }
        }
      }
      case 7 -> { // a huge string value, or a long key (YAML takes implicit keys up to 1,024)
        if (colon > 0 && random.nextBoolean()) {
          int[] sizes = {1025, 4097, 65_537, 1_048_577};
          String big = "x".repeat(sizes[random.nextInt(random.nextInt(8) == 0 ? 4 : 3)]);
          replaceBlock(lines, at, line.substring(0, colon + 1) + " " + big);
        } else {
          String key = "k".repeat(pick(new int[] {601, 1024, 1025, 4097}, random));
          lines.add(at, (isListItem(line) ? dashPrefix(line).replace('-', ' ') : indent) + key + ": x");
        }
      }
      case 8 -> { // a deeply nested value
        int depth = pick(new int[] {20, 60, 99, 101, 130, 400}, random);
        String value = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
            : "{a: ".repeat(depth) + "x" + "}".repeat(depth);
        if (colon > 0) {
          replaceBlock(lines, at, line.substring(0, colon + 1) + " " + value);
        } else {
          lines.add(at, indent + "deep: " + value);
        }
      }
      case 9 -> { // raw unicode spliced into the line
        int c = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, c) + pick(UNICODE, random) + line.substring(c));
      }
      case 10 -> { // a placeholder appended to a value
        if (colon > 0 && !line.substring(colon + 1).isBlank()) {
          String p = pick(PLACEHOLDERS, random);
          lines.set(at, line.substring(0, colon + 1) + " \"" + unquote(line.substring(colon + 1).strip())
              + p.replace("\\", "\\\\") + "\"");
        }
      }
      case 11 -> lines.set(at, " " + line); // an indent shifted
      case 12 -> { // a character deleted
        if (!line.isEmpty()) {
          int c = random.nextInt(line.length());
          lines.set(at, line.substring(0, c) + line.substring(c + 1));
        }
      }
      case 13 -> { // a list element repeated many times (quadratic checks, duplicate names)
        if (isListItem(line)) {
          int end = blockEnd(lines, at);
          List<String> item = new ArrayList<>(lines.subList(at, end));
          int times = pick(new int[] {2, 50, 500}, random);
          for (int t = 0; t < times; t++) {
            lines.addAll(end, item);
          }
        }
      }
      case 14 -> { // an anchor on a block, an alias to it elsewhere
        if (colon > 0) {
          lines.set(at, line.substring(0, colon + 1) + " &z" + line.substring(colon + 1));
          int other = random.nextInt(lines.size());
          int oc = keyEnd(lines.get(other));
          if (oc > 0 && other != at) {
            replaceBlock(lines, other, lines.get(other).substring(0, oc + 1) + " *z");
          }
        }
      }
      default -> { // a number-like or YAML 1.1 string where a name or a value was
        if (colon > 0) {
          replaceBlock(lines, at, line.substring(0, colon + 1) + " " + pick(new String[] {"010", "0x10", "1E",
              ".inf", "0o7", "1_0", "+.5", "1:20", "0b101", "yes", "no", "off", "~", "=", "<<"}, random));
        }
      }
    }
  }

  /** Where the key of a {@code key: value} or {@code key:} line ends (its colon), or -1. */
  static int keyEnd(String line) {
    String s = line.stripTrailing();
    int i = s.indexOf(": ");
    if (i > 0) {
      return i;
    }
    return s.endsWith(":") && s.strip().length() > 1 ? s.length() - 1 : -1;
  }

  private static boolean isListItem(String line) {
    return line.stripLeading().startsWith("- ") || line.stripLeading().equals("-");
  }

  private static String dashPrefix(String line) {
    int dash = line.indexOf('-');
    return line.substring(0, dash) + "- ";
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** The end (exclusive) of the block starting at {@code at}. */
  static int blockEnd(List<String> lines, int at) {
    String first = lines.get(at);
    int indent = indentOf(first);
    boolean keyWithBlock = keyEnd(first) > 0 && first.stripTrailing().endsWith(":") && !isListItem(first);
    int end = at + 1;
    while (end < lines.size()) {
      String l = lines.get(end);
      if (l.isBlank()) {
        end++;
        continue;
      }
      int li = indentOf(l);
      if (li > indent || keyWithBlock && li == indent && isListItem(l)) {
        end++;
      } else {
        break;
      }
    }
    return end;
  }

  /** Replaces the block starting at {@code at} by one line. */
  private static void replaceBlock(List<String> lines, int at, String replacement) {
    int end = blockEnd(lines, at);
    lines.subList(at, end).clear();
    lines.add(at, replacement);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1);
    }
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }

  private static int pick(int[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
