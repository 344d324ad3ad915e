package dev.stskit.validation.internal;

import dev.stskit.validation.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string checks of {@code k8s.io/apimachinery/pkg/util/validation/validation.go}
 * ({@code IsDNS1123Label}, {@code IsDNS1123Subdomain}, {@code IsQualifiedName},
 * {@code IsValidLabelValue}, {@code IsValidPortNum}, {@code IsValidPortName}, {@code IsValidIP},
 * {@code IsEnvVarName}, {@code IsConfigMapKey}, {@code IsHTTPHeaderName}). Each returns the
 * apiserver's detail messages; empty means valid.
 */
public final class Names {
  private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL_RE = Pattern.compile(DNS1123_LABEL);
  private static final Pattern DNS1035_LABEL_RE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN_RE =
      Pattern.compile(DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*");
  private static final Pattern QUALIFIED_NAME_RE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern LABEL_VALUE_RE = dev.stskit.apimachinery.Names.LABEL_VALUE;
  private static final Pattern CONFIG_MAP_KEY_RE = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern HTTP_HEADER_NAME_RE = Pattern.compile("[-A-Za-z0-9]+");
  private static final Pattern C_IDENTIFIER_RE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Longest DNS-1123 label. */
  public static final int DNS1123_LABEL_MAX = 63;
  /** Longest DNS-1123 subdomain. */
  public static final int DNS1123_SUBDOMAIN_MAX = 253;

  private Names() {}

  /** {@code IsDNS1123Label}. */
  public static List<Message> dns1123Label(String value) {
    List<Message> out = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX) {
      out.add(Message.of("max-len", DNS1123_LABEL_MAX));
    }
    if (!DNS1123_LABEL_RE.matcher(value).matches()) {
      out.add(Message.of("dns1123-label"));
    }
    return out;
  }

  /** {@code IsDNS1035Label}: the name of a Service ({@code ValidateServiceName}). */
  public static List<Message> dns1035Label(String value) {
    List<Message> out = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX) {
      out.add(Message.of("max-len", DNS1123_LABEL_MAX));
    }
    if (!DNS1035_LABEL_RE.matcher(value).matches()) {
      out.add(Message.of("dns1035-label"));
    }
    return out;
  }

  /** {@code IsDNS1123Subdomain}. */
  public static List<Message> dns1123Subdomain(String value) {
    List<Message> out = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX) {
      out.add(Message.of("max-len", DNS1123_SUBDOMAIN_MAX));
    }
    if (!DNS1123_SUBDOMAIN_RE.matcher(value).matches()) {
      out.add(Message.of("dns1123-subdomain"));
    }
    return out;
  }

  /** {@code NameIsDNSLabel(name, false)}: the name check of StatefulSets and containers. */
  public static List<Message> nameIsDnsLabel(String name) {
    return dns1123Label(name);
  }

  /** {@code IsQualifiedName}: an optional DNS-subdomain prefix and '/', then a name of at most 63 bytes. */
  public static List<Message> qualifiedName(String value) {
    List<Message> out = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      String prefix = parts[0];
      name = parts[1];
      if (prefix.isEmpty()) {
        out.add(Message.of("prefix-part", Message.of("must-be-non-empty")));
      } else {
        for (Message m : dns1123Subdomain(prefix)) {
          out.add(Message.of("prefix-part", m));
        }
      }
    } else {
      out.add(Message.of("qualified-name"));
      return out;
    }
    if (name.isEmpty()) {
      out.add(Message.of("name-part", Message.of("must-be-non-empty")));
    } else if (name.length() > DNS1123_LABEL_MAX) {
      out.add(Message.of("name-part", Message.of("max-len", DNS1123_LABEL_MAX)));
    }
    if (!QUALIFIED_NAME_RE.matcher(name).matches()) {
      out.add(Message.of("name-part", Message.of("qualified-name-part")));
    }
    return out;
  }

  /** {@code IsValidLabelValue}. */
  public static List<Message> labelValue(String value) {
    List<Message> out = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX) {
      out.add(Message.of("max-len", DNS1123_LABEL_MAX));
    }
    if (!LABEL_VALUE_RE.matcher(value).matches()) {
      out.add(Message.of("label-value"));
    }
    return out;
  }

  /** {@code IsValidPortNum}: 1 to 65535. */
  public static List<Message> portNum(long port) {
    return port >= 1 && port <= 65535 ? List.of() : List.of(Message.of("range", 1, 65535));
  }

  /** {@code IsInRange(port, 0, 65535)} as used for host ports that may be 0. */
  public static boolean isPortOrZero(long port) {
    return port >= 0 && port <= 65535;
  }

  /** {@code IsValidPortName}: an IANA_SVC_NAME, one message per rule broken. */
  public static List<Message> portName(String port) {
    int problems = dev.stskit.apimachinery.Names.portNameProblems(port);
    List<Message> out = new ArrayList<>();
    if ((problems & dev.stskit.apimachinery.Names.PORT_NAME_TOO_LONG) != 0) {
      out.add(Message.of("max-len", dev.stskit.apimachinery.Names.PORT_NAME_MAX));
    }
    if ((problems & dev.stskit.apimachinery.Names.PORT_NAME_CHARS) != 0) {
      out.add(Message.of("port-name-chars"));
    }
    if ((problems & dev.stskit.apimachinery.Names.PORT_NAME_NO_LETTER) != 0) {
      out.add(Message.of("port-name-letter"));
    }
    if ((problems & dev.stskit.apimachinery.Names.PORT_NAME_DOUBLE_HYPHEN) != 0) {
      out.add(Message.of("port-name-hyphens"));
    }
    if ((problems & dev.stskit.apimachinery.Names.PORT_NAME_EDGE_HYPHEN) != 0) {
      out.add(Message.of("port-name-edge"));
    }
    return out;
  }

  /**
   * {@code IsEnvVarName} with {@code RelaxedEnvironmentVariableValidation} (GA in v1.34): any printable
   * ASCII character except {@code =}. Before v1.32 names had to be C identifiers.
   */
  public static List<Message> envVarName(String value) {
    for (char c : value.toCharArray()) {
      if (c < 32 || c > 126 || c == '=') {
        return List.of(Message.of("env-var-name"));
      }
    }
    return List.of();
  }

  /** {@code IsCIdentifier}. */
  public static boolean isCIdentifier(String value) {
    return C_IDENTIFIER_RE.matcher(value).matches();
  }

  /** {@code IsConfigMapKey}. */
  public static List<Message> configMapKey(String value) {
    List<Message> out = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX) {
      out.add(Message.of("max-len", DNS1123_SUBDOMAIN_MAX));
    }
    if (!CONFIG_MAP_KEY_RE.matcher(value).matches()) {
      out.add(Message.of("config-map-key"));
    }
    if (value.equals(".")) {
      out.add(Message.of("not-dot"));
    } else if (value.equals("..")) {
      out.add(Message.of("not-dotdot"));
    } else if (value.startsWith("..")) {
      out.add(Message.of("not-start-dotdot"));
    }
    return out;
  }

  /** {@code IsHTTPHeaderName}. */
  public static List<Message> httpHeaderName(String value) {
    return HTTP_HEADER_NAME_RE.matcher(value).matches() ? List.of() : List.of(Message.of("http-header-name"));
  }

  /** {@code IsValidIP}: an IPv4 or IPv6 address (no zone, no leading zeros in IPv4 octets). */
  public static List<Message> ip(String value) {
    return isIp(value) ? List.of() : List.of(Message.of("ip"));
  }

  /** Whether {@code value} is an IPv4 or IPv6 literal. */
  public static boolean isIp(String value) {
    return isIpv4(value) || isIpv6(value);
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String s) {
    if (!s.contains(":") || s.contains("%")) {
      return false;
    }
    String body = s;
    int groupsNeeded = 8;
    int lastColon = s.lastIndexOf(':');
    if (s.indexOf('.') > lastColon) {
      if (!isIpv4(s.substring(lastColon + 1))) {
        return false;
      }
      body = s.substring(0, lastColon + 1) + "0:0";
    }
    int dbl = body.indexOf("::");
    if (dbl >= 0 && body.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] groups;
    if (dbl >= 0) {
      String left = body.substring(0, dbl);
      String right = body.substring(dbl + 2);
      String[] l = left.isEmpty() ? new String[0] : left.split(":", -1);
      String[] r = right.isEmpty() ? new String[0] : right.split(":", -1);
      if (l.length + r.length > groupsNeeded - 1) {
        return false;
      }
      groups = new String[l.length + r.length];
      System.arraycopy(l, 0, groups, 0, l.length);
      System.arraycopy(r, 0, groups, l.length, r.length);
    } else {
      groups = body.split(":", -1);
      if (groups.length != groupsNeeded) {
        return false;
      }
    }
    for (String g : groups) {
      if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return false;
      }
    }
    return true;
  }
}
