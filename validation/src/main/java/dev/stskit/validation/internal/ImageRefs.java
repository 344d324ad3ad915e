package dev.stskit.validation.internal;

/** Image reference helpers. */
public final class ImageRefs {
  private ImageRefs() {}

  /**
   * The pull policy {@code SetDefaults_Container} picks: {@code Always} when the image's tag is
   * {@code latest} or it has neither tag nor digest ({@code parsers.ParseImageName} then reports
   * {@code latest}), else {@code IfNotPresent}.
   */
  public static String defaultPullPolicy(String image) {
    String ref = image.strip();
    if (ref.contains("@")) {
      String beforeDigest = ref.substring(0, ref.indexOf('@'));
      return "latest".equals(tag(beforeDigest)) ? "Always" : "IfNotPresent";
    }
    String tag = tag(ref);
    return tag == null || "latest".equals(tag) ? "Always" : "IfNotPresent";
  }

  private static String tag(String ref) {
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    return colon > slash ? ref.substring(colon + 1) : null;
  }
}
