package dev.stskit.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MIG profile catalog per GPU model, packaged as {@code dev/stskit/gpu/mig-profiles.json} (a
 * copy of the project's reference file; sources: NVIDIA "Supported MIG Profiles",
 * NVIDIA/mig-parted {@code config-default.yaml}, HAMi's device ConfigMap).
 *
 * <pre>{@code
 * MigProfile p = MigCatalog.standard().model("NVIDIA-A100-SXM4-80GB").profile("1g.10gb");
 * p.maxInstances();          // 7
 * p.mixedStrategyResource(); // nvidia.com/mig-1g.10gb
 * }</pre>
 *
 * <p>Model names are matched leniently: the catalog key ({@code A100-80GB}), a variant
 * ({@code A100-SXM4-80GB}), a HAMi allowlist name ({@code A100-80GB-PCIe}), with or without an
 * {@code NVIDIA-} prefix, case-insensitive, spaces as dashes (GFD's {@code gpu.product} form).
 */
public final class MigCatalog {
  private static final String RESOURCE = "/dev/stskit/gpu/mig-profiles.json";
  private static final MigCatalog STANDARD = load();

  private final List<MigModel> models;
  private final List<String> profileNames;

  private MigCatalog(List<MigModel> models) {
    this.models = List.copyOf(models);
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    models.forEach(m -> names.addAll(m.profileNames()));
    this.profileNames = List.copyOf(names);
  }

  /** {@return the packaged catalog (loaded once)} */
  public static MigCatalog standard() {
    return STANDARD;
  }

  /** {@return the models, in file order} */
  public List<MigModel> models() {
    return models;
  }

  /** {@return every profile name of every model, each once, in file order} */
  public List<String> profileNames() {
    return profileNames;
  }

  /**
   * The model for a name or alias, if known.
   *
   * @param model a model name or alias, e.g. {@code A100-SXM4-80GB}
   * @return the model, or empty when the catalog does not know it
   */
  public Optional<MigModel> find(String model) {
    String key = normalize(model);
    for (MigModel m : models) {
      if (normalize(m.name()).equals(key)) {
        return Optional.of(m);
      }
    }
    for (MigModel m : models) {
      for (String a : m.aliases()) {
        if (normalize(a).equals(key)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The model for a name or alias; throws listing the known models when there is none.
   *
   * @param model a model name or alias
   * @return the model
   * @throws IllegalArgumentException listing the known models
   */
  public MigModel model(String model) {
    return find(model).orElseThrow(() -> {
      List<String> names = new ArrayList<>();
      models.forEach(m -> names.add(m.name()));
      return new IllegalArgumentException("no MIG catalog entry for GPU model '" + model
          + "'; known models: " + String.join(", ", names));
    });
  }

  /**
   * A model's profile.
   *
   * @param model a model name or alias
   * @param profile a profile name, e.g. {@code 3g.40gb}
   * @return the profile
   * @throws UnknownMigProfileException listing the model's valid profiles
   */
  public MigProfile profile(String model, String profile) {
    return model(model).profile(profile);
  }

  static String normalize(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    if (n.startsWith("nvidia-")) {
      n = n.substring("nvidia-".length());
    }
    return n;
  }

  private static MigCatalog load() {
    try (InputStream in = MigCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<MigModel> models = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (e.getKey().startsWith("_")) {
          continue;
        }
        models.add(model(e.getKey(), e.getValue()));
      }
      return new MigCatalog(models);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MigModel model(String name, JsonNode n) {
    List<String> aliases = new ArrayList<>();
    for (String field : List.of("variants", "alsoApplies", "hamiAllowlistModels")) {
      JsonNode list = n.get(field);
      if (list != null) {
        for (JsonNode a : list.values()) {
          String alias = a.stringValue();
          int paren = alias.indexOf(" (");
          aliases.add(paren > 0 ? alias.substring(0, paren) : alias);
        }
      }
    }
    List<MigProfile> profiles = new ArrayList<>();
    for (JsonNode p : n.get("profiles").values()) {
      JsonNode hami = p.get("hamiV290MemoryMiB");
      profiles.add(new MigProfile(p.get("name").stringValue(), p.get("memoryGB").intValue(),
          p.get("maxInstances").intValue(), p.get("computeSlices").intValue(),
          p.get("mixedStrategyResource").stringValue(),
          hami == null ? OptionalInt.empty() : OptionalInt.of(hami.intValue())));
    }
    int slices = n.get("totalComputeSlices").intValue();
    JsonNode max = n.get("maxInstancesPerGpu");
    return new MigModel(name, n.get("memoryGiB").intValue(), slices,
        max == null ? slices : max.intValue(), aliases, profiles);
  }
}
