package dev.stskit.conformance;

import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.ReadResult;
import dev.stskit.validation.ErrorType;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What each side says of one document: accepted or not, the strict-decoding problems, and the
 * (field path, error type) pairs of a rejection. The server's side is read from its {@code Status}
 * ({@code reason: Invalid} with {@code details.causes}, or {@code BadRequest} for decoding); sts-kit's
 * from {@link ManifestReader#strict()} then {@link Validator} with the {@code kubernetes} rule set.
 */
final class Verdicts {
  private static final Pattern STRICT = Pattern.compile("(unknown|duplicate) field \"([^\"]*)\"");
  private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

  private Verdicts() {}

  /** One side's verdict. {@code strict} holds {@code unknown:PATH}, {@code duplicate:PATH} or {@code decode}. */
  record Outcome(boolean accepted, Set<String> strict, Set<String> pairs, String detail) {}

  static Outcome server(ApiServer.Answer a) {
    if (a.ok()) {
      return new Outcome(true, Set.of(), Set.of(), "");
    }
    JsonNode status = a.json();
    String reason = status.path("reason").asString("");
    String message = status.path("message").asString("");
    Set<String> strict = new TreeSet<>();
    Set<String> pairs = new TreeSet<>();
    if (a.status() == 400) {
      Matcher m = STRICT.matcher(message);
      while (m.find()) {
        strict.add(m.group(1) + ":" + m.group(2));
      }
      if (strict.isEmpty()) {
        strict.add("decode");
      }
    } else if ("Invalid".equals(reason)) {
      for (JsonNode cause : status.path("details").path("causes")) {
        String type = typeOf(cause.path("reason").asString(""));
        pairs.add(cause.path("field").asString("") + " " + type);
      }
    }
    return new Outcome(false, strict, pairs, a.status() + " " + reason + ": " + message);
  }

  private static String typeOf(String causeReason) {
    for (ErrorType t : ErrorType.values()) {
      if (t.reason().equals(causeReason)) {
        return t.wireName();
      }
    }
    return causeReason;
  }

  static Validator validator(String namespace) {
    return VALIDATORS.computeIfAbsent(namespace,
        ns -> Validator.builder().addRuleSet("kubernetes").requestNamespace(ns).build());
  }

  /** sts-kit's verdict on one document's text, read as the API server would read it. */
  static Outcome stsKit(ReadResult read, HasMetadata object, String namespace) {
    Set<String> strict = new TreeSet<>();
    for (ReadProblem p : read.problems()) {
      switch (p.kind()) {
        case UNKNOWN_FIELD -> strict.add("unknown:" + p.path());
        case DUPLICATE_KEY -> strict.add("duplicate:" + p.path());
        default -> strict.add("decode");
      }
    }
    if (!strict.isEmpty()) {
      return new Outcome(false, strict, Set.of(), read.problems().toString());
    }
    Report report = validator(namespace).validate(object);
    Set<String> pairs = new TreeSet<>();
    StringBuilder detail = new StringBuilder();
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.ERROR) {
        pairs.add(f.path() + " " + f.type().wireName());
        detail.append(f.format()).append("; ");
      }
    }
    return new Outcome(pairs.isEmpty(), strict, pairs, detail.toString());
  }

  /** Strict problems compared as the server reports them: unknown/duplicate paths, or just "decode". */
  static boolean strictAgrees(Outcome server, Outcome sts) {
    if (server.strict().isEmpty() || sts.strict().isEmpty()) {
      return server.strict().isEmpty() == sts.strict().isEmpty();
    }
    return server.strict().equals(sts.strict()) || server.strict().contains("decode") && sts.strict().contains("decode");
  }
}
