package dev.stskit.cli;

import dev.stskit.validation.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What CI reports say about a rule, taken from its documentation page (the Markdown that
 * {@link RuleDescriptor#documentation()} returns): the description, the help text, the page's address.
 */
record RuleHelp(String id, String summary, String fullDescription, String helpText, String helpMarkdown,
    Optional<String> helpUri) {

  /** The rule of the reader's strict-decoding findings, which is the CLI's, not a rule set's. */
  static RuleHelp strictDecoding() {
    String text = "A field the Kubernetes API does not know, a key given twice in one mapping, or a value of the"
        + " wrong type. kube-apiserver rejects such an object under kubectl --validate=strict (the default"
        + " since Kubernetes 1.27), so sts-kit validate reports each one as an error.";
    return new RuleHelp(ValidateCommand.STRICT_RULE,
        "Unknown fields, duplicate keys and wrong types, as kubectl --validate=strict rejects them", text, text,
        text, About.docsUri("docs/architecture.md#the-cli-contract"));
  }

  /** The help of a rule; a rule without a documentation page gets its summary. */
  static RuleHelp of(RuleDescriptor rule) {
    Optional<String> page = rule.documentation();
    if (page.isEmpty()) {
      return new RuleHelp(rule.id(), rule.summary(), rule.summary(), rule.summary(), rule.summary(), Optional.empty());
    }
    String markdown = withoutSection(page.get(), "## Fixtures");
    String description = description(page.get(), rule.summary());
    return new RuleHelp(rule.id(), rule.summary(), description, plain(markdown), markdown,
        About.docsUri("validation/docs/rules/" + rule.id() + ".md"));
  }

  /**
   * The paragraphs after the title and the severity line, up to the checked fields or the first
   * section; the summary when there are none.
   */
  static String description(String page, String summary) {
    List<String> paragraphs = new ArrayList<>();
    for (String p : page.replace("\r\n", "\n").split("\n\\s*\n")) {
      String t = p.strip();
      if (t.startsWith("## ") || t.startsWith("Checked fields:") || t.startsWith("Allowed values:")) {
        break;
      }
      if (t.startsWith("# ") || t.startsWith("**Severity:**") || t.isEmpty()) {
        continue;
      }
      paragraphs.add(t);
    }
    return paragraphs.isEmpty() ? summary : String.join("\n\n", paragraphs);
  }

  /** The page without one {@code ## } section (the fixtures list, which is about the repository's tests). */
  static String withoutSection(String page, String heading) {
    String text = page.replace("\r\n", "\n");
    int start = text.indexOf("\n" + heading + "\n");
    if (start < 0) {
      return text.strip();
    }
    int end = text.indexOf("\n## ", start + 1);
    return (end < 0 ? text.substring(0, start) : text.substring(0, start) + text.substring(end)).strip();
  }

  /** Markdown as plain text: headings, emphasis and code marks dropped, links as their text. */
  static String plain(String markdown) {
    StringBuilder b = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      String l = line.replaceFirst("^#+\\s+", "");
      l = l.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("**", "").replace("`", "");
      b.append(l).append('\n');
    }
    return b.toString().strip();
  }
}
