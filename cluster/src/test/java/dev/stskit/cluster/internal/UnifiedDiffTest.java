package dev.stskit.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unified format of {@code diff -u}, which {@code kubectl diff} prints. */
class UnifiedDiffTest {
  @Test
  void equal_texts_have_no_diff() {
    assertThat(UnifiedDiff.diff("a\nb\n", "a\nb\n", "x", "y")).isEmpty();
  }

  @Test
  void a_change_has_three_lines_of_context() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    assertThat(UnifiedDiff.diff(a, b, "live/x", "merged/x")).isEqualTo("""
        --- live/x
        +++ merged/x
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        """);
  }

  @Test
  void distant_changes_make_two_hunks_and_near_ones_one() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append(i).append('\n');
    }
    String b = a.toString().replace("\n2\n", "\ntwo\n").replace("\n18\n", "\neighteen\n");
    String d = UnifiedDiff.diff(a.toString(), b, "a", "b");
    assertThat(d).contains("@@ -1,5 +1,5 @@").contains("@@ -15,6 +15,6 @@");
    String near = a.toString().replace("\n5\n", "\nfive\n").replace("\n9\n", "\nnine\n");
    assertThat(UnifiedDiff.diff(a.toString(), near, "a", "b").lines().filter(l -> l.startsWith("@@")))
        .containsExactly("@@ -2,11 +2,11 @@");
  }

  @Test
  void a_new_object_is_all_additions() {
    assertThat(UnifiedDiff.diff("", "kind: Service\nname: web\n", "live/s", "merged/s")).isEqualTo("""
        --- live/s
        +++ merged/s
        @@ -0,0 +1,2 @@
        +kind: Service
        +name: web
        """);
  }

  @Test
  void insertions_and_deletions_keep_the_common_lines() {
    String d = UnifiedDiff.diff("a\nb\nc\n", "a\nc\nd\n", "x", "y");
    assertThat(d).isEqualTo("""
        --- x
        +++ y
        @@ -1,3 +1,3 @@
         a
        -b
         c
        +d
        """);
  }
}
