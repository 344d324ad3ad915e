package dev.stskit.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The run command as the form shows it, one line, split into the list Kubernetes takes the way a
 * POSIX shell splits words: blanks separate words; single quotes keep everything up to the next
 * single quote; double quotes keep everything up to the next unescaped double quote, where a
 * backslash escapes {@code "}, {@code \}, {@code $} and a backquote; a backslash outside quotes
 * keeps the next character. The container runtime runs no shell, so what only a shell would do is
 * refused with a message saying to write a list: unbalanced quotes, a trailing backslash, and
 * unquoted {@code $ ` | & ; < > ( ) * ? [}, {@code ~} or {@code #} at the start of a word, and a
 * {@code $} or backquote inside double quotes (expansions, pipes, redirections, globs, comments).
 *
 * <pre>{@code
 * CommandLine.split("sh -c 'echo hi'")            // [sh, -c, echo hi]
 * CommandLine.split("python -m server --port 8080") // [python, -m, server, --port, 8080]
 * }</pre>
 */
public final class CommandLine {
  private CommandLine() {}

  /**
   * The words of a command line.
   *
   * @param line the line, e.g. {@code sh -c 'echo hi'}
   * @return the words, in order
   * @throws SpecException (with an empty path: the caller's field) when the line needs a shell or
   *     has no word
   */
  public static List<String> split(String line) {
    if (line == null) {
      throw new SpecException("", "no command line (null)");
    }
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw refuse(line, "a single quote at character " + (i + 1) + " is not closed");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
            if (line.charAt(i + 1) != '\n') {
              word.append(line.charAt(i + 1));
            }
            i += 2;
            continue;
          }
          if (d == '$' || d == '`') {
            throw refuse(line, "'" + d + "' inside double quotes at character " + (i + 1)
                + " would be expanded by a shell, and the container runs none");
          }
          word.append(d);
          i++;
        }
        if (!closed) {
          throw refuse(line, "a double quote is not closed");
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw refuse(line, "the line ends with a backslash");
        }
        if (line.charAt(i + 1) != '\n') {
          word.append(line.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if ("$`|&;<>()*?[".indexOf(c) >= 0 || (!inWord && (c == '~' || c == '#'))) {
        throw refuse(line, "unquoted '" + c + "' at character " + (i + 1) + " would be interpreted by a shell"
            + " (expansion, pipe, redirection, list, glob or comment), and the container runs none");
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new SpecException("", "the command line has no word: leave the field out, or write a list");
    }
    return words;
  }

  private static SpecException refuse(String line, String why) {
    String shown = line.length() > 80 ? line.substring(0, 77) + "..." : line;
    return new SpecException("", "\"" + shown + "\": " + why + "; write the command as a list instead,"
        + " e.g. [sh, -c, \"...\"] to run it in a shell");
  }
}
