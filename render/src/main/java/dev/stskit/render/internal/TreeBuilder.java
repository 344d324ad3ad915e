package dev.stskit.render.internal;

import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ReaderLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns YAML text into {@link YNode} trees, one per document, from snakeyaml-engine's low-level
 * event stream (no composer, no constructor, no Java object creation from tags), enforcing the
 * {@link ReaderLimits} as it goes: input size, documents, nesting depth, scalar size, aliases and
 * the number of nodes an alias expansion would visit. Only the standard tags {@code !!str},
 * {@code !!int}, {@code !!float}, {@code !!bool}, {@code !!null}, {@code !!map} and {@code !!seq}
 * are accepted; every other tag is an error, as no Kubernetes object needs one.
 */
public final class TreeBuilder {

  private static final String STANDARD_PREFIX = "tag:yaml.org,2002:";

  private final ReaderLimits limits;
  private final String source;

  public TreeBuilder(ReaderLimits limits, String source) {
    this.limits = limits;
    this.source = source;
  }

  /** Parses every document; empty documents (only comments, or nothing) are left out. */
  public List<YNode> parse(String text) {
    if (text.length() > limits.maxInputChars()) {
      throw new ManifestReadException(source, 1, 1, "input has " + text.length()
          + " characters, more than the limit of " + limits.maxInputChars());
    }
    List<YNode> fast = FastYaml.tryParse(text, limits, source);
    if (fast != null) {
      return fast;
    }
    return parseFully(text);
  }

  /** The scanner's read buffer, in characters (see parseFully). */
  static final int SCANNER_BUFFER = 64 * 1024;

  /** The full parser: snakeyaml-engine's events (also what decides every syntax error). */
  List<YNode> parseFully(String text) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source)
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
        .setCodePointLimit(Math.max(text.length() + 16, 1024))
        // snakeyaml-engine refills its window a buffer at a time, copying what it has not consumed
        // yet: a plain scalar of n characters cost n²/(2 × buffer) copies, 2 s for 1 MiB with the
        // default 1,024 (found by the mutation fuzzer); 64 KiB makes it linear in practice
        .setBufferSize(Math.max(1024, Math.min(text.length() + 1, SCANNER_BUFFER)))
        .setUseMarks(true)
        .build();
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    List<YNode> docs = new ArrayList<>();
    try {
      build(parser, docs);
    } catch (MarkedYamlEngineException e) {
      Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null) {
        problem = e.getContext() + ": " + problem;
      }
      throw new ManifestReadException(source, m == null ? 1 : m.getLine() + 1,
          m == null ? 1 : m.getColumn() + 1, "invalid YAML: " + oneLine(problem), e);
    } catch (YamlEngineException e) {
      throw new ManifestReadException(source, 1, 1, "invalid YAML: " + oneLine(e.getMessage()), e);
    }
    return docs;
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replace('\n', ' ').strip();
  }

  private void build(ParserImpl parser, List<YNode> docs) {
    Map<String, YNode> anchors = new HashMap<>();
    YNode[] stack = new YNode[16];
    int depth = -1;
    YNode root = null;
    int documents = 0;
    int aliases = 0;
    int docAliases = 0;
    long nodes = 0;
    while (parser.hasNext()) {
      Event ev = parser.next();
      YNode node;
      switch (ev.getEventId()) {
        case DocumentStart:
          if (++documents > limits.maxDocuments()) {
            throw error(ev, "more than " + limits.maxDocuments() + " documents");
          }
          anchors.clear();
          root = null;
          nodes = 0;
          docAliases = 0;
          continue;
        case DocumentEnd:
          if (docAliases > 0 && root != null) {
            checkExpandedSize(root, ev);
          }
          if (root != null && !root.isNull()) {
            docs.add(root);
          }
          continue;
        case Scalar: {
          ScalarEvent se = (ScalarEvent) ev;
          String value = se.getValue();
          if (value.length() > limits.maxScalarChars()) {
            throw error(ev, "a scalar of " + value.length() + " characters, more than the limit of "
                + limits.maxScalarChars());
          }
          String tag = tag(se.getTag(), ev);
          boolean plain = se.isPlain() && tag == null;
          Mark m = ev.getStartMark().orElse(null);
          node = new YNode(YNode.SCALAR, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
              value, plain, tag);
          node.chars = value.length() + NODE_CHARS;
          anchor(se, node, anchors);
          break;
        }
        case MappingStart:
        case SequenceStart: {
          CollectionStartEvent ce = (CollectionStartEvent) ev;
          String tag = tag(ce.getTag(), ev);
          boolean map = ev.getEventId() == Event.ID.MappingStart;
          if (tag != null && !tag.equals(map ? "map" : "seq")) {
            throw error(ev, "tag !!" + tag + " on a " + (map ? "mapping" : "sequence"));
          }
          if (depth + 2 > limits.maxDepth()) {
            throw error(ev, "nesting deeper than the limit of " + limits.maxDepth());
          }
          Mark m = ev.getStartMark().orElse(null);
          node = new YNode(map ? YNode.MAP : YNode.SEQ, m == null ? 0 : m.getLine() + 1,
              m == null ? 0 : m.getColumn() + 1, null, false, null);
          node.chars = NODE_CHARS;
          anchor(ce, node, anchors);
          nodes = attach(stack, depth, node, nodes, ev);
          if (depth < 0) {
            root = node;
          }
          if (++depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
          }
          stack[depth] = node;
          continue;
        }
        case MappingEnd:
        case SequenceEnd: {
          YNode done = stack[depth];
          stack[depth--] = null;
          if (depth >= 0) {
            stack[depth].weight += done.weight - 1; // attach() counted the node itself
            checkWeight(stack[depth].weight, ev);
            stack[depth].chars += done.chars;
            stack[depth].depths += done.depths + done.weight;
          }
          continue;
        }
        case Alias: {
          Anchor a = ((AliasEvent) ev).getAlias();
          node = anchors.get(a.getValue());
          if (node == null) {
            throw error(ev, "unknown alias *" + a.getValue());
          }
          docAliases++;
          if (node.type != YNode.SCALAR && ++aliases > limits.maxAliases()) {
            throw error(ev, "more than " + limits.maxAliases() + " aliases to collections");
          }
          // an alias to a collection that is still open would be recursive
          for (int i = 0; i <= depth; i++) {
            if (stack[i] == node) {
              throw error(ev, "recursive alias *" + a.getValue());
            }
          }
          break;
        }
        default:
          continue;
      }
      // scalar or alias: a leaf for the current collection
      if (depth < 0) {
        root = node;
        continue;
      }
      nodes = attach(stack, depth, node, nodes, ev);
      if (node.weight > 1) {
        stack[depth].weight += node.weight - 1;
        checkWeight(stack[depth].weight, ev);
      }
      stack[depth].chars += node.chars;
      stack[depth].depths += node.depths + node.weight;
    }
  }

  private long attach(YNode[] stack, int depth, YNode node, long nodes, Event ev) {
    if (depth >= 0) {
      stack[depth].add(node);
      stack[depth].weight++;
    }
    if (++nodes > limits.maxNodes()) {
      throw error(ev, "more than " + limits.maxNodes() + " nodes in one document");
    }
    return nodes;
  }

  /** Punctuation a node takes when written (a separator, a space, a line end), at least. */
  private static final int NODE_CHARS = 3;

  /**
   * Aliases let a short text stand for a large document (6 levels of 9 aliases: 375 characters
   * for 10 million). A document with aliases is measured as it would be written out, expanded
   * and indented two spaces a level, against the input limit: the same document written without
   * aliases would be refused by that limit, so reading it through aliases is refused too.
   */
  private void checkExpandedSize(YNode root, Event ev) {
    long expanded = root.chars + 2 * root.depths;
    if (expanded > limits.maxInputChars()) {
      throw error(ev, "with its aliases expanded this document would take about " + expanded
          + " characters, more than the input limit of " + limits.maxInputChars());
    }
  }

  private void checkWeight(long weight, Event ev) {
    if (weight > limits.maxNodes()) {
      throw error(ev, "alias expansion would visit more than " + limits.maxNodes()
          + " nodes (an alias bomb?)");
    }
  }

  private static void anchor(NodeEvent ev, YNode node, Map<String, YNode> anchors) {
    Optional<Anchor> a = ev.getAnchor();
    if (a.isPresent()) {
      anchors.put(a.get().getValue(), node);
    }
  }

  private String tag(Optional<String> tag, Event ev) {
    if (tag.isEmpty()) {
      return null;
    }
    String t = tag.get();
    if (t.equals("!")) {
      return "str"; // the non-specific tag: a quoted-like string
    }
    if (t.startsWith(STANDARD_PREFIX)) {
      String s = t.substring(STANDARD_PREFIX.length());
      switch (s) {
        case "str": case "int": case "float": case "bool": case "null": case "map": case "seq":
          return s;
        default:
          break;
      }
    }
    throw error(ev, "tag " + shortTag(t) + " is not allowed; Kubernetes manifests use only "
        + "!!str, !!int, !!float, !!bool, !!null, !!map and !!seq");
  }

  private static String shortTag(String t) {
    String s = t.startsWith(STANDARD_PREFIX) ? "!!" + t.substring(STANDARD_PREFIX.length()) : t;
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private ManifestReadException error(Event ev, String message) {
    Mark m = ev.getStartMark().orElse(null);
    return new ManifestReadException(source, m == null ? 1 : m.getLine() + 1,
        m == null ? 1 : m.getColumn() + 1, message);
  }
}
