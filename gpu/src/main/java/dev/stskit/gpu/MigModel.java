package dev.stskit.gpu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One GPU model's MIG profiles, from {@link MigCatalog}.
 *
 * @param name the catalog key, e.g. {@code A100-80GB}
 * @param memoryGiB the card's nominal memory
 * @param totalComputeSlices SM slices of the whole GPU (7, or 4 for A30 / RTX PRO 6000)
 * @param maxInstancesPerGpu the most MIG instances of any mix on one GPU
 * @param aliases other names the model goes by (variants, HAMi allowlist names)
 * @param profiles the profiles, in NVIDIA's table order
 */
public record MigModel(
    String name,
    int memoryGiB,
    int totalComputeSlices,
    int maxInstancesPerGpu,
    List<String> aliases,
    List<MigProfile> profiles) {

  /**
   * Copies the lists.
   *
   * @param name the catalog key, e.g. {@code A100-80GB}
   * @param memoryGiB the card's nominal memory
   * @param totalComputeSlices SM slices of the whole GPU (7, or 4 for A30 / RTX PRO 6000)
   * @param maxInstancesPerGpu the most MIG instances of any mix on one GPU
   * @param aliases other names the model goes by (variants, HAMi allowlist names)
   * @param profiles the profiles, in NVIDIA's table order
   */
  public MigModel {
    aliases = List.copyOf(aliases);
    profiles = List.copyOf(profiles);
  }

  /**
   * The profile names, in table order.
   *
   * @return the names, e.g. {@code 1g.10gb}
   */
  public List<String> profileNames() {
    List<String> out = new ArrayList<>();
    for (MigProfile p : profiles) {
      out.add(p.name());
    }
    return out;
  }

  /**
   * The profile of this name, if the model has it.
   *
   * @param profile a profile name, e.g. {@code 3g.40gb}
   * @return the profile, or empty when the model has none of that name
   */
  public Optional<MigProfile> find(String profile) {
    return profiles.stream().filter(p -> p.name().equals(profile)).findFirst();
  }

  /**
   * The profile of this name.
   *
   * @param profile a profile name
   * @return the profile
   * @throws UnknownMigProfileException listing the model's valid profiles
   */
  public MigProfile profile(String profile) {
    return find(profile).orElseThrow(() -> new UnknownMigProfileException(name, profile, profileNames()));
  }

  /**
   * The profile HAMi dynamic MIG would cut for {@code memory}: the smallest memory ≥ it, ties to
   * fewer compute slices (HAMi 2.10 {@code selectMigCandidate}). Candidates are the profiles HAMi
   * v2.9.0 listed for the model ({@code knownMigGeometries}, the ones with
   * {@link MigProfile#hamiMemoryMiB()}; they give the results HAMi's
   * {@code examples/nvidia/dynamic_mig_example.yaml} states), or every profile without an
   * extension ({@code +me}) for models HAMi did not list. HAMi 2.10 reads the node's profiles from
   * NVML, so a node may offer more.
   *
   * @param memory the least memory the instance needs
   * @return the profile, or empty when none has enough memory
   */
  public Optional<MigProfile> smallestFitting(GpuMemory memory) {
    boolean hamiKnows = profiles.stream().anyMatch(p -> p.hamiMemoryMiB().isPresent());
    return profiles.stream()
        .filter(p -> p.name().matches("[0-9]+g\\.[0-9]+gb"))
        .filter(p -> !hamiKnows || p.hamiMemoryMiB().isPresent())
        .filter(p -> p.memory().compareTo(memory) >= 0)
        .min(Comparator.comparing(MigProfile::memory).thenComparingInt(MigProfile::computeSlices));
  }
}
