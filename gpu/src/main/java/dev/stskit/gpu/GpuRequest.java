package dev.stskit.gpu;

import dev.stskit.apimachinery.Names;
import dev.stskit.gpu.internal.GpuRequestJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What one container asks of GPUs, in the form's terms: a closed set of modes. Requests are values
 * (records with {@code equals}); they say nothing about resource names, which come from the
 * {@link GpuProfile} a {@link GpuMappers} is built with.
 *
 * <p>Spec-file form (YAML or JSON), read and written by Jackson through the annotations below:
 *
 * <pre>{@code
 * gpu: {mode: whole, count: 1}
 * gpu: {mode: vgpu, cards: 1, cores: 30, memory: 4Gi, nodePolicy: binpack, cardPolicy: spread,
 *       priority: high, models: [A100]}
 * gpu: {mode: mig, profile: 1g.10gb, count: 1, strategy: mixed}
 * gpu: {mode: mig, strategy: dynamic, count: 2, memory: 8000Mi}
 * gpu: {mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1, memory: 4Gi, cores: 20}
 * }</pre>
 *
 * <p>Bad values throw {@link IllegalArgumentException} whose message starts with the spec-file
 * field ({@code gpu.cores: …}).
 */
@JsonSerialize(using = GpuRequestJson.Serializer.class)
@JsonDeserialize(using = GpuRequestJson.Deserializer.class)
public sealed interface GpuRequest
    permits GpuRequest.WholeCard,
        GpuRequest.Vgpu,
        GpuRequest.Mig,
        GpuRequest.DynamicMig,
        GpuRequest.Accelerator {

  /** {@return the spec-file {@code mode}: {@code whole}, {@code vgpu}, {@code mig} or {@code accelerator}} */
  String mode();

  /**
   * Whole physical cards (the form's 整卡 mode).
   *
   * <p>Under the hood: {@code resources.limits["nvidia.com/gpu"] = count} with both built-in
   * profiles (NVIDIA device plugin; Kubernetes "Schedule GPUs").
   *
   * @param count physical cards, at least 1
   * @return the request
   */
  static WholeCard wholeCard(int count) {
    return new WholeCard(count, List.of());
  }

  /**
   * A HAMi vGPU request spanning {@code cards} physical cards (the form's 虚拟化 mode); set cores,
   * memory, priority, policies and models on the returned builder.
   *
   * <p>Under the hood: the profile's vGPU count limit ({@code nvidia.com/vgpu} on DCE,
   * {@code nvidia.com/gpu} upstream), {@code nvidia.com/gpucores}, {@code nvidia.com/gpumem} or
   * {@code nvidia.com/gpumem-percentage}, {@code nvidia.com/priority}, and pod-template
   * annotations for policies and models.
   *
   * @param cards physical cards the request spans, ≥ 1
   * @return a builder with {@code cards} set
   */
  static Vgpu.Builder vgpu(int cards) {
    return new Vgpu.Builder().cards(cards);
  }

  /**
   * {@code count} MIG instances of {@code profile} under the mixed strategy, the natural target of the form's 规格 + 数量 (gpu/docs/facts.md §5).
   *
   * @param profile a MIG profile, e.g. {@code 1g.10gb}
   * @param count instances, ≥ 1
   * @return the request
   */
  static Mig mig(String profile, int count) {
    return new Mig(profile, count, MigStrategy.MIXED, Optional.empty());
  }

  /**
   * {@code count} MIG instances of {@code profile} under {@code strategy}.
   *
   * @param profile a MIG profile, e.g. {@code 1g.10gb}
   * @param count instances, ≥ 1
   * @param strategy how the device plugin exposes MIG devices
   * @return the request
   */
  static Mig mig(String profile, int count, MigStrategy strategy) {
    return new Mig(profile, count, strategy, Optional.empty());
  }

  /**
   * {@code count} MIG devices under the single strategy on nodes whose GPU Feature Discovery
   * product label is {@code <product>-MIG-<profile>} (e.g. product {@code A100-SXM4-40GB}).
   *
   * @param profile a MIG profile, e.g. {@code 3g.40gb}
   * @param count devices, ≥ 1
   * @param product the GPU Feature Discovery product, e.g. {@code NVIDIA-A100-SXM4-80GB}
   * @return the request
   */
  static Mig migSingle(String profile, int count, String product) {
    return new Mig(profile, count, MigStrategy.SINGLE, Optional.of(product));
  }

  /**
   * HAMi dynamic MIG: {@code count} instances of at least {@code memory} each.
   *
   * @param count instances, ≥ 1
   * @param memory the least memory each instance needs
   * @return the request
   */
  static DynamicMig dynamicMig(int count, GpuMemory memory) {
    return new DynamicMig(count, memory, Optional.empty(), Optional.empty());
  }

  /**
   * Another vendor's accelerator; set model, memory and cores on the returned builder.
   *
   * @param vendor the accelerator's vendor
   * @param count devices, ≥ 1
   * @return a builder with vendor and count set
   */
  static Accelerator.Builder accelerator(AcceleratorVendor vendor, int count) {
    return new Accelerator.Builder().vendor(vendor).count(count);
  }

  /**
   * Whole cards on nodes whose GFD product label is one of {@code products}, e.g. {@code NVIDIA-A100-SXM4-80GB}.
   *
   * @param count cards, ≥ 1
   * @param products GPU Feature Discovery product labels the nodes may have
   * @return the request
   */
  static WholeCard wholeCard(int count, List<String> products) {
    return new WholeCard(count, products);
  }

  /**
   * Whole cards: {@code count} ≥ 1, optionally pinned to GPU models by node label (the "specified
   * model" of the form without HAMi: {@code nvidia.com/gpu.product In [...]}, GPU Feature
   * Discovery's exact label value, NVIDIA/k8s-device-plugin {@code internal/lm/resource.go}).
   *
   * @param count physical cards
   * @param products GFD {@code nvidia.com/gpu.product} values to allow; empty allows any
   */
  record WholeCard(int count, List<String> products) implements GpuRequest {
    /**
     * Checks {@code count} ≥ 1 and that each product is a label value; copies the list.
     *
     * @param count physical cards
     * @param products GFD {@code nvidia.com/gpu.product} values to allow; empty allows any
     */
    public WholeCard {
      if (count < 1) {
        throw new IllegalArgumentException("gpu.count: whole-card GPU count must be at least 1, got " + count);
      }
      products = strings(products, "gpu.products");
      Set<String> seen = new HashSet<>();
      for (String p : products) {
        if (p.isEmpty() || !Names.isLabelValue(p) || p.contains("-MIG-")) {
          throw new IllegalArgumentException("gpu.products: '" + p
              + "' is not a nvidia.com/gpu.product label value of a whole card (e.g. NVIDIA-A100-SXM4-80GB)");
        }
        if (!seen.add(p)) {
          throw new IllegalArgumentException("gpu.products: '" + p + "' is listed twice");
        }
      }
    }

    /**
     * {@code count} cards of any model.
     *
     * @param count cards, ≥ 1
     */
    public WholeCard(int count) {
      this(count, List.of());
    }

    @Override
    public String mode() {
      return "whole";
    }

    /** The spec-file form, e.g. {@code {mode: whole, count: 1}}. */
    @Override
    public String toString() {
      return GpuRequestJson.describe(this);
    }
  }

  /**
   * A HAMi vGPU: a slice of each of {@code cards} physical cards.
   *
   * <p>What HAMi does with fields left empty (HAMi {@code pkg/device/nvidia/device.go}
   * {@code MutateAdmission}, {@code GenerateResourceRequests}, {@code Fit}; gpu/docs/facts.md
   * §4): memory unset means 100 % of each card; cores unset while memory is 100 % makes the
   * webhook add {@code gpucores: 100} (the card is used exclusively, see
   * {@link #effectiveCores()}); cores unset with a memory share means 0 (no SM reservation or cap);
   * priority unset means normal; policies unset inherit the cluster defaults (node binpack, card
   * spread).
   *
   * @param cards physical cards, each holding one slice, at least 1 (≤ cards on one node)
   * @param cores percent of each card's SMs, 0–100 ({@code nvidia.com/gpucores})
   * @param memory memory per card ({@code nvidia.com/gpumem}, MiB); never with {@code memoryPercent}
   * @param memoryPercent percent of each card's memory, 1–100 ({@code nvidia.com/gpumem-percentage})
   * @param priority task priority ({@code nvidia.com/priority}); empty writes nothing (normal)
   * @param nodePolicy node-level policy ({@code hami.io/node-scheduler-policy})
   * @param cardPolicy card-level policy ({@code hami.io/gpu-scheduler-policy})
   * @param models GPU models to use ({@code nvidia.com/use-gputype}, case-insensitive substrings)
   * @param avoidModels GPU models to avoid ({@code nvidia.com/nouse-gputype})
   */
  record Vgpu(
      int cards,
      OptionalInt cores,
      Optional<GpuMemory> memory,
      OptionalInt memoryPercent,
      Optional<TaskPriority> priority,
      Optional<SchedulingPolicy> nodePolicy,
      Optional<SchedulingPolicy> cardPolicy,
      List<String> models,
      List<String> avoidModels)
      implements GpuRequest {

    /** HAMi rejects limits beyond int32 ("not a plain integer within the int32 range"). */
    static final long MAX_MEMORY_MIB = Integer.MAX_VALUE;

    /**
     * Checks ranges and conflicts; copies the lists.
     *
     * @param cards physical cards, each holding one slice, at least 1 (≤ cards on one node)
     * @param cores percent of each card's SMs, 0–100 ({@code nvidia.com/gpucores})
     * @param memory memory per card ({@code nvidia.com/gpumem}, MiB); never with {@code
     *     memoryPercent}
     * @param memoryPercent percent of each card's memory, 1–100 ({@code
     *     nvidia.com/gpumem-percentage})
     * @param priority task priority ({@code nvidia.com/priority}); empty writes nothing (normal)
     * @param nodePolicy node-level policy ({@code hami.io/node-scheduler-policy})
     * @param cardPolicy card-level policy ({@code hami.io/gpu-scheduler-policy})
     * @param models GPU models to use ({@code nvidia.com/use-gputype}, case-insensitive substrings)
     * @param avoidModels GPU models to avoid ({@code nvidia.com/nouse-gputype})
     */
    public Vgpu {
      present(cores, "gpu.cores");
      present(memory, "gpu.memory");
      present(memoryPercent, "gpu.memoryPercent");
      present(priority, "gpu.priority");
      present(nodePolicy, "gpu.nodePolicy");
      present(cardPolicy, "gpu.cardPolicy");
      present(models, "gpu.models");
      present(avoidModels, "gpu.avoidModels");
      if (cards < 1) {
        throw new IllegalArgumentException("gpu.cards: vGPU physical cards must be at least 1, got " + cards);
      }
      if (cores.isPresent() && (cores.getAsInt() < 0 || cores.getAsInt() > 100)) {
        throw new IllegalArgumentException("gpu.cores: vGPU compute must be 0..100 (% of each card), got " + cores.getAsInt());
      }
      if (memory.isPresent() && memoryPercent.isPresent()) {
        throw new IllegalArgumentException(
            "gpu.memory and gpu.memoryPercent: give memory per card either in MiB or as a percentage,"
                + " never both (HAMi uses gpumem and ignores the percentage)");
      }
      if (memory.isPresent() && memory.get().mebibytes() > MAX_MEMORY_MIB) {
        throw new IllegalArgumentException("gpu.memory: " + memory.get() + " exceeds HAMi's int32 bound of "
            + MAX_MEMORY_MIB + " MiB");
      }
      if (memoryPercent.isPresent()
          && (memoryPercent.getAsInt() < 1 || memoryPercent.getAsInt() > 100)) {
        throw new IllegalArgumentException("gpu.memoryPercent: must be 1..100 (HAMi reads 0 as unset, i.e. 100), got "
            + memoryPercent.getAsInt());
      }
      models = checkModels("gpu.models", models);
      avoidModels = checkModels("gpu.avoidModels", avoidModels);
      for (String m : models) {
        if (avoidModels.contains(m)) {
          throw new IllegalArgumentException(
              "gpu.models and gpu.avoidModels: model '" + m + "' is both used and avoided");
        }
      }
    }

    @Override
    public String mode() {
      return "vgpu";
    }

    /** The spec-file form, e.g. {@code {mode: vgpu, ...}}. */
    @Override
    public String toString() {
      return GpuRequestJson.describe(this);
    }

    /**
     * Whether HAMi reserves each card's whole memory: no memory given, or 100 %.
     *
     * @return whether each card's memory is the pod's alone
     */
    public boolean exclusiveMemory() {
      return memory.isEmpty() && (memoryPercent.isEmpty() || memoryPercent.getAsInt() == 100);
    }

    /**
     * The cores HAMi applies: the given value, else 100 when memory is exclusive (the webhook's
     * {@code gpucores: 100}, exclusive use of the card), else 0.
     *
     * @return the percent of each card's SMs HAMi gives the pod
     */
    public int effectiveCores() {
      if (cores.isPresent()) {
        return cores.getAsInt();
      }
      return exclusiveMemory() ? 100 : 0;
    }

    /**
     * Whether only {@code cards} is set: under upstream HAMi names this is a whole-card pod spec.
     *
     * @return whether nothing but {@code cards} is set
     */
    public boolean cardsOnly() {
      return cores.isEmpty() && memory.isEmpty() && memoryPercent.isEmpty() && priority.isEmpty()
          && nodePolicy.isEmpty() && cardPolicy.isEmpty() && models.isEmpty() && avoidModels.isEmpty();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder with every value of this request
     */
    public Builder toBuilder() {
      Builder b = new Builder().cards(cards);
      cores.ifPresent(b::cores);
      memory.ifPresent(b::memory);
      memoryPercent.ifPresent(b::memoryPercent);
      priority.ifPresent(b::priority);
      nodePolicy.ifPresent(b::nodePolicy);
      cardPolicy.ifPresent(b::cardPolicy);
      b.models.addAll(models);
      b.avoidModels.addAll(avoidModels);
      return b;
    }

    /** Builds a {@link Vgpu}; every field but {@code cards} is optional. */
    public static final class Builder {
      private int cards;
      private OptionalInt cores = OptionalInt.empty();
      private Optional<GpuMemory> memory = Optional.empty();
      private OptionalInt memoryPercent = OptionalInt.empty();
      private Optional<TaskPriority> priority = Optional.empty();
      private Optional<SchedulingPolicy> nodePolicy = Optional.empty();
      private Optional<SchedulingPolicy> cardPolicy = Optional.empty();
      private final List<String> models = new ArrayList<>();
      private final List<String> avoidModels = new ArrayList<>();

      /** Use {@link GpuRequest#vgpu(int)}. */
      public Builder() {}

      /**
       * Physical cards, ≥ 1.
       *
       * @param cards physical cards the request spans
       * @return this builder
       */
      public Builder cards(int cards) {
        this.cards = cards;
        return this;
      }

      /**
       * Percent of each card's SMs, 0–100. Default: unset (see {@link Vgpu#effectiveCores()}).
       *
       * @param percent percent of each card's SMs
       * @return this builder
       */
      public Builder cores(int percent) {
        this.cores = OptionalInt.of(percent);
        return this;
      }

      /**
       * Memory per card. Default: unset, i.e. the whole card's memory.
       *
       * @param memory memory per card
       * @return this builder
       */
      public Builder memory(GpuMemory memory) {
        this.memory = Optional.of(memory);
        return this;
      }

      /**
       * Memory per card in MiB.
       *
       * @param mebibytes memory per card, in MiB
       * @return this builder
       */
      public Builder memoryMiB(long mebibytes) {
        return memory(GpuMemory.mebibytes(mebibytes));
      }

      /**
       * Memory per card as a percentage of the card, 1–100.
       *
       * @param percent memory per card, as a percentage of the card
       * @return this builder
       */
      public Builder memoryPercent(int percent) {
        this.memoryPercent = OptionalInt.of(percent);
        return this;
      }

      /**
       * Task priority. Default: unset, nothing written, HAMi-core runs it as normal.
       *
       * @param priority the task priority
       * @return this builder
       */
      public Builder priority(TaskPriority priority) {
        this.priority = Optional.of(priority);
        return this;
      }

      /**
       * Node-level policy. Default: unset, the cluster's (binpack unless changed).
       *
       * @param policy how HAMi picks nodes: binpack or spread
       * @return this builder
       */
      public Builder nodePolicy(SchedulingPolicy policy) {
        this.nodePolicy = Optional.of(policy);
        return this;
      }

      /**
       * Card-level policy. Default: unset, the cluster's (spread unless changed).
       *
       * @param policy how HAMi picks cards on a node: binpack or spread
       * @return this builder
       */
      public Builder cardPolicy(SchedulingPolicy policy) {
        this.cardPolicy = Optional.of(policy);
        return this;
      }

      /**
       * Adds GPU models to use, e.g. {@code A100}.
       *
       * @param models GPU models, e.g. {@code A100}
       * @return this builder
       */
      public Builder addModel(String... models) {
        this.models.addAll(java.util.Arrays.asList(models));
        return this;
      }

      /**
       * Adds GPU models to avoid.
       *
       * @param models GPU models, e.g. {@code T4}
       * @return this builder
       */
      public Builder addAvoidModel(String... models) {
        this.avoidModels.addAll(java.util.Arrays.asList(models));
        return this;
      }

      /**
       * Builds the request; throws {@link IllegalArgumentException} naming the bad field.
       *
       * @return the request
       */
      public Vgpu build() {
        return new Vgpu(cards, cores, memory, memoryPercent, priority, nodePolicy, cardPolicy,
            models, avoidModels);
      }
    }
  }

  /**
   * MIG instances through NVIDIA's device plugin (GPU Operator).
   *
   * @param profile the GPU-instance profile, e.g. {@code 1g.10gb}, {@code 1g.5gb+me}; see
   *     {@link MigCatalog} for the profiles of each model
   * @param count instances, at least 1
   * @param strategy the cluster's MIG strategy
   * @param product single strategy only: the GFD product the profile is cut from, e.g.
   *     {@code A100-SXM4-40GB}; empty selects nodes by {@code nvidia.com/mig.config=all-<profile>}
   */
  record Mig(String profile, int count, MigStrategy strategy, Optional<String> product)
      implements GpuRequest {
    /** Profile names as NVIDIA prints them: {@code 1g.10gb}, {@code 1g.5gb+me}, {@code 1g.24gb-me}. */
    public static final Pattern PROFILE = Pattern.compile("[1-9][0-9]?g\\.[1-9][0-9]{0,3}gb([+-][a-z]+(\\.[a-z]+)*)?");

    /**
     * Checks the profile syntax, the count and the strategy/product combination.
     *
     * @param profile the GPU-instance profile, e.g. {@code 1g.10gb}, {@code 1g.5gb+me}; see {@link
     *     MigCatalog} for the profiles of each model
     * @param count instances, at least 1
     * @param strategy the cluster's MIG strategy
     * @param product single strategy only: the GFD product the profile is cut from, e.g. {@code
     *     A100-SXM4-40GB}; empty selects nodes by {@code nvidia.com/mig.config=all-<profile>}
     */
    public Mig {
      present(strategy, "gpu.strategy");
      present(product, "gpu.product");
      if (profile == null || !PROFILE.matcher(profile).matches()) {
        throw new IllegalArgumentException("gpu.profile: '" + profile
            + "' is not a MIG profile name such as 1g.10gb or 1g.5gb+me");
      }
      if (count < 1) {
        throw new IllegalArgumentException("gpu.count: MIG instance count must be at least 1, got " + count);
      }
      if (strategy == MigStrategy.MIXED && product.isPresent()) {
        throw new IllegalArgumentException("gpu.product: only the single strategy selects a product;"
            + " under mixed the profile is in the resource name");
      }
      if (strategy == MigStrategy.SINGLE) {
        if (profile.contains("+")) {
          throw new IllegalArgumentException("gpu.profile: '" + profile + "' cannot be selected under the"
              + " single strategy: a node label value cannot contain '+'; use strategy mixed");
        }
        product.ifPresent(p -> {
          String label = p + "-MIG-" + profile;
          if (p.isEmpty() || !Names.isLabelValue(p) || !Names.isLabelValue(label)) {
            throw new IllegalArgumentException("gpu.product: '" + p + "' does not make a valid"
                + " nvidia.com/gpu.product label value '" + label + "'");
          }
        });
      }
      feasible(profile, strategy, product);
    }

    /**
     * Refuses what the packaged {@link MigCatalog} knows no GPU can give, so that a pod never waits
     * forever for it: a product the catalog knows must have the profile (single strategy), and a profile
     * asked for without a product must exist on some model. A product the catalog does not know is not
     * judged (a GPU newer than the catalog).
     */
    private static void feasible(String profile, MigStrategy strategy, Optional<String> product) {
      MigCatalog catalog = MigCatalog.standard();
      Optional<MigModel> model = product.flatMap(catalog::find);
      if (model.isPresent()) {
        if (model.get().find(profile).isEmpty()) {
          List<String> valid = new ArrayList<>();
          for (String name : model.get().profileNames()) {
            if (!name.contains("+")) {
              valid.add(name);
            }
          }
          throw new UnknownMigProfileException(model.get().name(), profile, valid,
              "gpu.profile: MIG profile '" + profile + "' does not exist on " + model.get().name()
                  + " (gpu.product '" + product.get() + "'), so no node can run it; valid profiles: "
                  + String.join(", ", valid));
        }
      } else if (product.isEmpty() && !catalog.profileNames().contains(profile)) {
        throw new IllegalArgumentException("gpu.profile: MIG profile '" + profile + "' exists on no GPU"
            + " model of the MIG catalog, so no node can run it; " + alternatives(profile, catalog));
      }
    }

    /**
     * The catalog's profiles with as many compute slices as {@code profile} asks for (the full list of
     * every model is too long for a message), by memory, without the {@code +me}-style variants.
     */
    private static String alternatives(String profile, MigCatalog catalog) {
      String slices = profile.substring(0, profile.indexOf('.') + 1);
      List<String> same = new ArrayList<>();
      java.util.TreeSet<String> prefixes = new java.util.TreeSet<>();
      for (String name : catalog.profileNames()) {
        prefixes.add(name.substring(0, name.indexOf('.') + 1));
        if (name.startsWith(slices) && name.indexOf('+') < 0 && name.indexOf('-') < 0) {
          same.add(name);
        }
      }
      if (same.isEmpty()) {
        return "valid profiles start with " + String.join(", ", prefixes) + " (MigCatalog lists each model's)";
      }
      same.sort(java.util.Comparator.comparingInt(
          n -> Integer.parseInt(n.substring(n.indexOf('.') + 1, n.length() - "gb".length()))));
      return "valid " + slices.substring(0, slices.length() - 1) + " profiles: " + String.join(", ", same)
          + " (MigCatalog lists each model's)";
    }

    @Override
    public String mode() {
      return "mig";
    }

    /** The spec-file form, e.g. {@code {mode: mig, strategy: mixed, profile: 1g.10gb, count: 1}}. */
    @Override
    public String toString() {
      return GpuRequestJson.describe(this);
    }

    /**
     * The mixed-strategy resource name without domain: {@code mig-} + profile with '+' → '.'.
     *
     * @return the suffix, e.g. {@code mig-1g.10gb}
     */
    public String mixedResourceSuffix() {
      return "mig-" + profile.replace('+', '.');
    }
  }

  /**
   * HAMi dynamic MIG: HAMi cuts, per instance, the smallest allowed profile with at least
   * {@code memory} (HAMi {@code pkg/device/nvidia/device.go selectMigCandidate}) on nodes whose
   * HAMi device plugin runs in {@code mig} operating mode.
   *
   * <p>Under the hood: the profile's vGPU count limit = {@code count}, {@code nvidia.com/gpumem}
   * = memory in MiB, and pod-template annotation {@code nvidia.com/vgpu-mode: mig}.
   *
   * @param count instances (each on its own card), at least 1
   * @param memory memory of each instance, at least this much
   * @param cardPolicy card-level policy ({@code hami.io/gpu-scheduler-policy})
   * @param nodePolicy node-level policy ({@code hami.io/node-scheduler-policy})
   */
  record DynamicMig(
      int count,
      GpuMemory memory,
      Optional<SchedulingPolicy> cardPolicy,
      Optional<SchedulingPolicy> nodePolicy)
      implements GpuRequest {
    /**
     * Checks the count and the memory bound.
     *
     * @param count instances (each on its own card), at least 1
     * @param memory memory of each instance, at least this much
     * @param cardPolicy card-level policy ({@code hami.io/gpu-scheduler-policy})
     * @param nodePolicy node-level policy ({@code hami.io/node-scheduler-policy})
     */
    public DynamicMig {
      if (count < 1) {
        throw new IllegalArgumentException("gpu.count: dynamic MIG instance count must be at least 1, got " + count);
      }
      if (memory == null) {
        throw new IllegalArgumentException("gpu.memory: dynamic MIG needs the memory of each instance");
      }
      present(cardPolicy, "gpu.cardPolicy");
      present(nodePolicy, "gpu.nodePolicy");
      if (memory.mebibytes() > Vgpu.MAX_MEMORY_MIB) {
        throw new IllegalArgumentException("gpu.memory: " + memory + " exceeds HAMi's int32 bound");
      }
    }

    @Override
    public String mode() {
      return "mig";
    }

    /** The spec-file form, e.g. {@code {mode: mig, strategy: mixed, profile: 1g.10gb, count: 1}}. */
    @Override
    public String toString() {
      return GpuRequestJson.describe(this);
    }

    /**
     * This request with a card-level policy.
     *
     * @param policy how HAMi picks cards on a node
     * @return a copy with that policy
     */
    public DynamicMig withCardPolicy(SchedulingPolicy policy) {
      return new DynamicMig(count, memory, Optional.of(policy), nodePolicy);
    }

    /**
     * This request with a node-level policy.
     *
     * @param policy how HAMi picks nodes
     * @return a copy with that policy
     */
    public DynamicMig withNodePolicy(SchedulingPolicy policy) {
      return new DynamicMig(count, memory, cardPolicy, Optional.of(policy));
    }
  }

  /**
   * Another vendor's accelerator as HAMi serves it ({@link AcceleratorVendor}).
   *
   * @param vendor the vendor (and device kind)
   * @param model the card model, required exactly when the vendor's names carry it (Ascend
   *     {@code Ascend910B3}, Iluvatar {@code BI-V150})
   * @param count devices, at least 1
   * @param memory memory per device, a whole number of the vendor's units, if the vendor has it
   * @param cores cores per device in the vendor's unit, if the vendor has them
   */
  record Accelerator(
      AcceleratorVendor vendor,
      Optional<String> model,
      int count,
      Optional<GpuMemory> memory,
      OptionalInt cores)
      implements GpuRequest {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.]*(-[A-Za-z0-9_.]+)*");

    /**
     * Checks the fields the vendor has and their units.
     *
     * @param vendor the vendor (and device kind)
     * @param model the card model, required exactly when the vendor's names carry it (Ascend {@code
     *     Ascend910B3}, Iluvatar {@code BI-V150})
     * @param count devices, at least 1
     * @param memory memory per device, a whole number of the vendor's units, if the vendor has it
     * @param cores cores per device in the vendor's unit, if the vendor has them
     */
    public Accelerator {
      if (vendor == null) {
        throw new IllegalArgumentException("gpu.vendor: required");
      }
      present(model, "gpu.model");
      present(memory, "gpu.memory");
      present(cores, "gpu.cores");
      if (count < 1) {
        throw new IllegalArgumentException("gpu.count: " + vendor.id() + " device count must be at least 1, got " + count);
      }
      if (vendor.perModel() && model.isEmpty()) {
        throw new IllegalArgumentException("gpu.model: " + vendor.id()
            + " resource names carry the card model (e.g. " + vendor.countResourceTemplate() + "); give the model");
      }
      if (!vendor.perModel() && model.isPresent()) {
        throw new IllegalArgumentException("gpu.model: " + vendor.id() + " resource names do not carry a model");
      }
      model.ifPresent(m -> {
        if (!MODEL.matcher(m).matches() || m.endsWith("-memory") || m.endsWith("-core")) {
          throw new IllegalArgumentException("gpu.model: '" + m + "' is not a card model name");
        }
        vendor.modelPrefix().ifPresent(p -> {
          if (!m.startsWith(p)) {
            throw new IllegalArgumentException("gpu.model: " + vendor.id() + " models start with '" + p + "', got '" + m + "'");
          }
        });
      });
      if (memory.isPresent()) {
        if (vendor.memoryResourceTemplate().isEmpty()) {
          throw new IllegalArgumentException("gpu.memory: " + vendor.id() + " has no memory resource");
        }
        long units;
        try {
          units = memory.get().inUnitsOf(vendor.memoryUnitMiB());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("gpu.memory: " + e.getMessage() + " (" + vendor.id() + ")", e);
        }
        if (units > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("gpu.memory: " + memory.get() + " exceeds HAMi's int32 bound");
        }
        if (!vendor.legalMemoryUnits().isEmpty() && !vendor.legalMemoryUnits().contains(units)) {
          throw new IllegalArgumentException("gpu.memory: " + vendor.id() + " accepts only "
              + vendor.legalMemoryUnits() + " units of " + GpuMemory.mebibytes(vendor.memoryUnitMiB())
              + ", got " + units);
        }
      }
      if (cores.isPresent()) {
        if (vendor.maxCores().isEmpty()) {
          throw new IllegalArgumentException("gpu.cores: " + vendor.id() + " has no core resource");
        }
        int max = vendor.maxCores().getAsInt();
        if (cores.getAsInt() < 1 || cores.getAsInt() > max) {
          throw new IllegalArgumentException("gpu.cores: " + vendor.id() + " cores must be 1.." + max
              + " (" + vendor.coreUnit().orElse("") + "), got " + cores.getAsInt());
        }
      }
    }

    @Override
    public String mode() {
      return "accelerator";
    }

    /** The spec-file form, e.g. {@code {mode: accelerator, ...}}. */
    @Override
    public String toString() {
      return GpuRequestJson.describe(this);
    }

    /**
     * Substitutes the model into a resource-name template.
     *
     * @param template a resource name, possibly with {@code {model}}
     * @return the name with this request's model in it
     */
    public String resolve(String template) {
      return template.replace("{model}", model.orElse(""));
    }

    /** Builds an {@link Accelerator}. */
    public static final class Builder {
      private AcceleratorVendor vendor;
      private Optional<String> model = Optional.empty();
      private int count;
      private Optional<GpuMemory> memory = Optional.empty();
      private OptionalInt cores = OptionalInt.empty();

      /** Use {@link GpuRequest#accelerator(AcceleratorVendor, int)}. */
      public Builder() {}

      /**
       * The vendor.
       *
       * @param vendor the accelerator's vendor
       * @return this builder
       */
      public Builder vendor(AcceleratorVendor vendor) {
        this.vendor = vendor;
        return this;
      }

      /**
       * The card model, for vendors whose names carry it.
       *
       * @param model the card model, e.g. {@code 910B3}
       * @return this builder
       */
      public Builder model(String model) {
        this.model = Optional.of(model);
        return this;
      }

      /**
       * Devices, ≥ 1.
       *
       * @param count devices, ≥ 1
       * @return this builder
       */
      public Builder count(int count) {
        this.count = count;
        return this;
      }

      /**
       * Memory per device. Default: unset (the whole device).
       *
       * @param memory memory per device
       * @return this builder
       */
      public Builder memory(GpuMemory memory) {
        this.memory = Optional.of(memory);
        return this;
      }

      /**
       * Cores per device in the vendor's unit. Default: unset.
       *
       * @param cores cores per device, in the vendor's unit
       * @return this builder
       */
      public Builder cores(int cores) {
        this.cores = OptionalInt.of(cores);
        return this;
      }

      /**
       * Builds the request; throws {@link IllegalArgumentException} naming the bad field.
       *
       * @return the request
       */
      public Accelerator build() {
        return new Accelerator(vendor, model, count, memory, cores);
      }
    }
  }

  /** {@code value}, or an {@link IllegalArgumentException} naming the field when it is null. */
  private static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": must not be null (use an empty Optional or list)");
    }
    return value;
  }

  /** An immutable copy of a list of strings; null list or element → the field named. */
  private static List<String> strings(List<String> values, String field) {
    present(values, field);
    for (int i = 0; i < values.size(); i++) {
      present(values.get(i), field + "[" + i + "]");
    }
    return List.copyOf(values);
  }

  private static List<String> checkModels(String field, List<String> models) {
    List<String> copy = strings(models, field);
    Set<String> seen = new HashSet<>();
    for (String m : copy) {
      if (m == null || m.isEmpty() || !m.strip().equals(m) || m.contains(",")) {
        throw new IllegalArgumentException(field + ": model '" + m
            + "' must be non-empty, without commas or surrounding spaces (HAMi splits the annotation on ',')");
      }
      if (!seen.add(m)) {
        throw new IllegalArgumentException(field + ": model '" + m + "' is listed twice");
      }
    }
    return copy;
  }
}
