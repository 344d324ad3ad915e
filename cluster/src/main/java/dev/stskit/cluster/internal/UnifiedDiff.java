package dev.stskit.cluster.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff in unified format ({@code diff -u}, three lines of context), as {@code kubectl diff}
 * prints it. Common leading and trailing lines are cut first; the rest is a longest common
 * subsequence, computed exactly up to {@value #EXACT_LIMIT} cells and otherwise reported as a whole
 * replacement (still a correct diff, just not a minimal one).
 */
public final class UnifiedDiff {
  static final int CONTEXT = 3;
  static final long EXACT_LIMIT = 4_000_000L;

  private UnifiedDiff() {}

  /**
   * The unified diff from {@code a} to {@code b}, with headers {@code --- labelA} and {@code +++
   * labelB}; empty when the texts are equal.
   */
  public static String diff(String a, String b, String labelA, String labelB) {
    if (a.equals(b)) {
      return "";
    }
    List<String> x = lines(a);
    List<String> y = lines(b);
    List<Op> ops = ops(x, y);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(labelA).append('\n').append("+++ ").append(labelB).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while the next change is within 2*CONTEXT unchanged lines
      while (true) {
        int j = end;
        while (j < ops.size() && ops.get(j).kind != ' ') {
          j++;
        }
        int k = j;
        while (k < ops.size() && ops.get(k).kind == ' ' && k - j < 2 * CONTEXT) {
          k++;
        }
        if (k < ops.size() && ops.get(k).kind != ' ') {
          end = k;
        } else {
          end = Math.min(ops.size(), j + CONTEXT);
          break;
        }
      }
      int aStart = ops.get(start).aLine;
      int bStart = ops.get(start).bLine;
      int aLen = 0;
      int bLen = 0;
      for (int k = start; k < end; k++) {
        if (ops.get(k).kind != '+') {
          aLen++;
        }
        if (ops.get(k).kind != '-') {
          bLen++;
        }
      }
      out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
      for (int k = start; k < end; k++) {
        out.append(ops.get(k).kind).append(ops.get(k).text).append('\n');
      }
      i = end;
    }
    return out.toString();
  }

  private static String range(int start, int len) {
    // diff -u: a range of length 0 names the line before it
    int first = len == 0 ? start : start + 1;
    return len == 1 ? Integer.toString(first) : first + "," + len;
  }

  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    String[] parts = s.split("\n", -1);
    int n = parts.length;
    if (s.endsWith("\n")) {
      n--;
    }
    for (int i = 0; i < n; i++) {
      out.add(parts[i]);
    }
    return out;
  }

  /** An edit: kind ' ', '-' or '+', its text and its position (0-based) in each side before it. */
  private record Op(char kind, String text, int aLine, int bLine) {}

  private static List<Op> ops(List<String> x, List<String> y) {
    int pre = 0;
    while (pre < x.size() && pre < y.size() && x.get(pre).equals(y.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < x.size() - pre && suf < y.size() - pre
        && x.get(x.size() - 1 - suf).equals(y.get(y.size() - 1 - suf))) {
      suf++;
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < pre; i++) {
      ops.add(new Op(' ', x.get(i), i, i));
    }
    int n = x.size() - pre - suf;
    int m = y.size() - pre - suf;
    int ai = pre;
    int bi = pre;
    if ((long) n * m <= EXACT_LIMIT) {
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] = x.get(pre + i).equals(y.get(pre + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && x.get(pre + i).equals(y.get(pre + j))) {
          ops.add(new Op(' ', x.get(pre + i), ai++, bi++));
          i++;
          j++;
        } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
          ops.add(new Op('+', y.get(pre + j), ai, bi++));
          j++;
        } else {
          ops.add(new Op('-', x.get(pre + i), ai++, bi));
          i++;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        ops.add(new Op('-', x.get(pre + i), ai++, bi));
      }
      for (int j = 0; j < m; j++) {
        ops.add(new Op('+', y.get(pre + j), ai, bi++));
      }
    }
    for (int i = 0; i < suf; i++) {
      ops.add(new Op(' ', x.get(x.size() - suf + i), ai++, bi++));
    }
    return ops;
  }
}
