package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/stskit/validation/internal/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_zh.properties").stringPropertyNames())
        .isEqualTo(load("messages.properties").stringPropertyNames());
  }

  @Test
  void everyKeyUsedInTheSourceExists() throws IOException {
    Set<String> used = new TreeSet<>();
    Pattern p = Pattern.compile("Message\\.of\\(\"([a-z0-9-]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
  }

  @Test
  void rendersArgumentsAndNestedMessages() {
    Message m = Message.of("name-part", Message.of("max-len", 63));
    assertThat(m.render(Locale.ENGLISH)).isEqualTo("name part must be no more than 63 bytes");
    assertThat(m.render(Locale.forLanguageTag("zh-TW"))).isEqualTo("名称部分不能超过 63 字节");
    assertThat(Message.text("plain", "纯文本").render(Locale.CHINESE)).isEqualTo("纯文本");
    assertThat(ErrorType.fromWireName("notsupported")).isEqualTo(ErrorType.NOT_SUPPORTED);
  }
}
