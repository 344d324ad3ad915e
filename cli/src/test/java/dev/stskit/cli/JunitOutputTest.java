package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code validate --format junit}: XML a CI's test-report view reads, parsed back here. */
class JunitOutputTest {
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void oneSuitePerFileOneCasePerDocumentOneFailurePerErrorFinding() throws Exception {
    String[] files = {resource("invalid-sts.yaml"), resource("two-sts.yaml"), resource("deployment.yaml"),
        CliTest.MYSQL_PAGE};
    List<String> args = new ArrayList<>(List.of("validate", "--rules", "kubernetes,best-practice"));
    args.addAll(List.of(files));
    CliTest.Run junit = run(concat(args, "--format", "junit"));
    CliTest.Run json = run(concat(args, "--format", "json"));
    assertThat(junit.code()).isEqualTo(json.code()).isEqualTo(1);
    Element root = parse(junit.out()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    JsonNode expected = JsonMapper.builder().build().readTree(json.out()).path("files");

    List<Element> suites = children(root, "testsuite");
    assertThat(suites).hasSize(files.length);
    int allTests = 0;
    int allFailures = 0;
    int allSkipped = 0;
    for (int i = 0; i < files.length; i++) {
      Element suite = suites.get(i);
      JsonNode file = expected.get(i);
      assertThat(suite.getAttribute("name")).isEqualTo(files[i]);
      List<Element> cases = children(suite, "testcase");
      assertThat(cases).hasSize(file.path("documents").size());
      assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
      int suiteFailures = 0;
      for (int j = 0; j < cases.size(); j++) {
        Element c = cases.get(j);
        JsonNode doc = file.path("documents").get(j);
        assertThat(c.getAttribute("name")).isEqualTo(doc.path("kind").asString() + "/" + doc.path("name").asString()
            + " (document " + doc.path("index").asInt() + ")");
        List<String> errorRules = new ArrayList<>();
        List<String> errorMessages = new ArrayList<>();
        int others = 0;
        for (JsonNode f : doc.path("findings")) {
          if (f.path("severity").asString().equals("error")) {
            errorRules.add(f.path("rule").asString());
            errorMessages.add(f.path("field").asString() + ": " + f.path("message").asString());
          } else {
            others++;
          }
        }
        List<Element> failures = children(c, "failure");
        assertThat(failures).extracting(e -> e.getAttribute("type")).containsExactlyElementsOf(errorRules);
        assertThat(failures).extracting(e -> e.getAttribute("message")).containsExactlyElementsOf(errorMessages);
        assertThat(children(c, "system-out")).hasSize(others > 0 ? 1 : 0);
        boolean skipped = !doc.path("checked").asBoolean(true);
        assertThat(children(c, "skipped")).hasSize(skipped ? 1 : 0);
        allSkipped += skipped ? 1 : 0;
        suiteFailures += failures.size();
      }
      assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(suiteFailures));
      allTests += cases.size();
      allFailures += suiteFailures;
    }
    assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(allTests));
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(allFailures));
    assertThat(allFailures).isPositive();
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(allSkipped));
    assertThat(allSkipped).isPositive(); // the Deployment
  }

  @Test
  void aFailureNamesFileLineAndField() throws Exception {
    Element root = parse(run("validate", "--format", "junit", resource("invalid-sts.yaml")).out()).getDocumentElement();
    Element c = children(children(root, "testsuite").get(0), "testcase").get(0);
    Element replicas = children(c, "failure").stream()
        .filter(f -> f.getAttribute("message").startsWith("spec.replicas: ")).findFirst().orElseThrow();
    assertThat(replicas.getTextContent()).startsWith(resource("invalid-sts.yaml") + ":6:")
        .contains("ERROR " + replicas.getAttribute("type") + " spec.replicas: ");
  }

  @Test
  void obeysLang() throws Exception {
    String en = run("validate", "--format", "junit", resource("invalid-sts.yaml"), resource("deployment.yaml")).out();
    String zh = run("validate", "--format", "junit", "--lang", "zh", resource("invalid-sts.yaml"),
        resource("deployment.yaml")).out();
    Element enRoot = parse(en).getDocumentElement();
    Element zhRoot = parse(zh).getDocumentElement();
    String enMessage = replicasFailure(enRoot).getAttribute("message");
    String zhMessage = replicasFailure(zhRoot).getAttribute("message");
    assertThat(zhMessage).isNotEqualTo(enMessage).matches(s -> s.codePoints()
        .anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN), "has Chinese characters");
    assertThat(((Element) zhRoot.getElementsByTagName("skipped").item(0)).getAttribute("message")).contains("未检查");
  }

  @Test
  void anyTextStaysWellFormedXml() throws Exception {
    String nasty = "a<b>&\"c'\n\td\u0000e\u001bf\uD800g\uFFFE 😀 文字";
    ValidationOutput.Row row = new ValidationOutput.Row("r", "error", "metadata.annotations[" + nasty + "]", "Invalid",
        nasty, Optional.of(nasty), Optional.of(3), Optional.of(4));
    ValidationOutput.Row warning = new ValidationOutput.Row("w", "warning", "f", "Invalid", nasty, Optional.empty(),
        Optional.empty(), Optional.empty());
    ValidationOutput.FileResult file = new ValidationOutput.FileResult(nasty + ".yaml",
        List.of(new ValidationOutput.Document(0, "StatefulSet", nasty, true, List.of(row, warning))));
    Document doc = parse(JunitOutput.xml(List.of(file), Locale.ENGLISH));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    String kept = "a<b>&\"c'\n\td\uFFFDe\uFFFDf\uFFFDg\uFFFD 😀 文字";
    assertThat(failure.getAttribute("message")).isEqualTo("metadata.annotations[" + kept + "]: " + kept);
    assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent()).contains(kept);
  }

  private static Element replicasFailure(Element root) {
    NodeList failures = root.getElementsByTagName("failure");
    for (int i = 0; i < failures.getLength(); i++) {
      Element f = (Element) failures.item(i);
      if (f.getAttribute("message").startsWith("spec.replicas: ")) {
        return f;
      }
    }
    throw new AssertionError("no failure at spec.replicas");
  }

  private static String[] concat(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
