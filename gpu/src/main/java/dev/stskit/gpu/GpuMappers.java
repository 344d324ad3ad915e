package dev.stskit.gpu;

import dev.stskit.gpu.hami.HamiDynamicMigMapper;
import dev.stskit.gpu.hami.HamiVgpuMapper;
import dev.stskit.gpu.internal.Limits;
import dev.stskit.gpu.nvidia.NvidiaDevicePluginMapper;
import dev.stskit.gpu.nvidia.NvidiaMigMapper;
import dev.stskit.gpu.vendor.HamiAcceleratorMapper;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * An immutable, explicitly composed set of mappers under one {@link GpuProfile}: the one thing
 * {@code core} calls to place a request and to detect one back from an existing container.
 *
 * <p>{@link #defaults()} uses the {@linkplain GpuProfile#dce() DCE profile}: this SDK reproduces
 * DCE 5's form, whose vGPU count is {@code nvidia.com/vgpu}; under it whole cards and vGPU slices
 * are different resources, so every request has its own pod spec. Use
 * {@code GpuMappers.of(GpuProfile.upstreamHami())} for a plain HAMi install.
 *
 * <p>Thread-safe; same input, same output (limits and annotations in a fixed order).
 */
public final class GpuMappers {
  private final GpuProfile profile;
  private final List<GpuMapper> mappers;

  private GpuMappers(GpuProfile profile, List<GpuMapper> mappers) {
    this.profile = profile;
    this.mappers = List.copyOf(mappers);
    Set<String> ids = new HashSet<>();
    for (GpuMapper m : this.mappers) {
      if (!ids.add(m.id())) {
        throw new IllegalArgumentException("two GPU mappers have the id '" + m.id() + "'");
      }
    }
  }

  /** {@return the built-in mappers under the DCE profile (see the class javadoc for why)} */
  public static GpuMappers defaults() {
    return of(GpuProfile.dce());
  }

  /**
   * The built-in mappers under {@code profile}, in detection order: HAMi dynamic MIG, HAMi vGPU,
   * NVIDIA MIG, NVIDIA whole card, HAMi accelerators.
   *
   * @param profile the resource names the cluster uses
   * @return the built-in mappers
   */
  public static GpuMappers of(GpuProfile profile) {
    return new GpuMappers(profile, List.of(
        new HamiDynamicMigMapper(profile),
        new HamiVgpuMapper(profile),
        new NvidiaMigMapper(profile),
        new NvidiaDevicePluginMapper(profile),
        new HamiAcceleratorMapper(profile)));
  }

  /**
   * The built-in mappers followed by every {@link GpuMapperProvider} that {@code loader}'s
   * {@link ServiceLoader} finds, ordered by mapper id. Opt-in: {@link #of(GpuProfile)} never
   * looks on the class path.
   *
   * @param profile the resource names the cluster uses
   * @param loader where to look for {@code META-INF/services} providers
   * @return the built-in mappers, then the discovered ones
   */
  public static GpuMappers discover(GpuProfile profile, ClassLoader loader) {
    List<GpuMapper> found = new ArrayList<>();
    for (GpuMapperProvider p : ServiceLoader.load(GpuMapperProvider.class, loader)) {
      found.add(p.create(profile));
    }
    found.sort(Comparator.comparing(GpuMapper::id));
    List<GpuMapper> all = new ArrayList<>(of(profile).mappers);
    all.addAll(found);
    return new GpuMappers(profile, all);
  }

  /**
   * Exactly these mappers, tried in this order; {@code profile} is reported in errors.
   *
   * @param profile the resource names the cluster uses
   * @param mappers the mappers, in the order they are tried
   * @return mappers trying exactly these
   */
  public static GpuMappers of(GpuProfile profile, List<? extends GpuMapper> mappers) {
    return new GpuMappers(profile, new ArrayList<>(mappers));
  }

  /** {@return the profile} */
  public GpuProfile profile() {
    return profile;
  }

  /** {@return the mappers, in order} */
  public List<GpuMapper> mappers() {
    return mappers;
  }

  /**
   * Places {@code request} with the first mapper that supports it.
   *
   * @param request the GPU request of one container
   * @return the first supporting mapper's placement
   * @throws NoGpuMapperException naming the request and the mapper ids tried when none does
   */
  public GpuPlacement place(GpuRequest request) {
    List<String> tried = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (GpuMapper m : mappers) {
      if (m.supports(request)) {
        return m.map(request);
      }
      tried.add(m.id());
      m.unsupportedReason(request).ifPresent(r -> reasons.add(m.id() + ": " + r));
    }
    throw new NoGpuMapperException(request, profile.id(), tried, reasons);
  }

  /**
   * Detects the request a container's limits and its pod's annotations express.
   *
   * <p>Without node-affinity input a MIG single-strategy container, or whole cards pinned to
   * products, reads as plain whole cards (their only difference is a node-affinity requirement,
   * which then stays with the caller); use the three-argument form to tell them apart.
   *
   * @param limits the container's {@code resources.limits}
   * @param podAnnotations the pod template's annotations
   * @return the request and the limit keys and annotation keys it accounts for (so the caller
   *     can keep everything else verbatim), or empty when the container asks for no GPU
   */
  public Optional<Detected> detect(Map<String, Quantity> limits, Map<String, String> podAnnotations) {
    return detect(limits, podAnnotations, List.of());
  }

  /**
   * Detects a request, also reading the node-selector requirements every required node-affinity
   * term of the pod carries.
   *
   * <p>Guarantee: {@code place(d.request())} writes exactly the accounted entries with the values
   * found. Values HAMi would misread or that the request model cannot hold (e.g. {@code 3000M},
   * a card policy {@code binpack,numa}) are not accounted for and stay with the caller.
   *
   * @param limits the container's {@code resources.limits}
   * @param podAnnotations the pod template's annotations
   * @param requiredNodeSelectorRequirements the requirements every required node-affinity term carries
   * @return the request and the keys that make it up, or empty when no mapper recognises them
   */
  public Optional<Detected> detect(
      Map<String, Quantity> limits,
      Map<String, String> podAnnotations,
      List<NodeSelectorRequirement> requiredNodeSelectorRequirements) {
    GpuSignals signals = new GpuSignals(limits, podAnnotations, requiredNodeSelectorRequirements);
    for (GpuMapper m : mappers) {
      Optional<GpuRequest> candidate;
      try {
        candidate = m.detect(signals);
      } catch (IllegalArgumentException e) {
        candidate = Optional.empty();
      }
      if (candidate.isEmpty() || !m.supports(candidate.get())) {
        continue;
      }
      GpuPlacement p = m.map(candidate.get());
      if (reproduces(p, signals)) {
        return Optional.of(new Detected(candidate.get(), p.limits().keySet(),
            p.podAnnotations().keySet(), p.requiredNodeSelectorRequirements()));
      }
    }
    return Optional.empty();
  }

  private static boolean reproduces(GpuPlacement p, GpuSignals s) {
    for (Map.Entry<String, Quantity> e : p.limits().entrySet()) {
      OptionalLong want = Limits.plainInteger(e.getValue());
      OptionalLong got = Limits.plainInteger(s.limits().get(e.getKey()));
      if (want.isEmpty() || !want.equals(got)) {
        return false;
      }
    }
    for (Map.Entry<String, String> e : p.podAnnotations().entrySet()) {
      if (!e.getValue().equals(s.podAnnotations().get(e.getKey()))) {
        return false;
      }
    }
    return s.requiredNodeSelectorRequirements().containsAll(p.requiredNodeSelectorRequirements());
  }

  /**
   * A detected request.
   *
   * @param request the request
   * @param limitKeys the {@code resources.limits} keys it accounts for
   * @param podAnnotationKeys the pod-template annotation keys it accounts for
   * @param nodeSelectorRequirements the node-selector requirements it accounts for (MIG single)
   */
  public record Detected(
      GpuRequest request,
      Set<String> limitKeys,
      Set<String> podAnnotationKeys,
      List<NodeSelectorRequirement> nodeSelectorRequirements) {

    /**
     * Copies the key sets (insertion order kept) and the requirements.
     *
     * @param request the request
     * @param limitKeys the {@code resources.limits} keys it accounts for
     * @param podAnnotationKeys the pod-template annotation keys it accounts for
     * @param nodeSelectorRequirements the node-selector requirements it accounts for (MIG single)
     */
    public Detected {
      limitKeys = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(limitKeys));
      podAnnotationKeys = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(podAnnotationKeys));
      nodeSelectorRequirements = List.copyOf(nodeSelectorRequirements);
    }

    /**
     * A detection that accounts for no node-selector requirement.
     *
     * @param request the request
     * @param limitKeys the {@code resources.limits} keys it accounts for
     * @param podAnnotationKeys the pod-template annotation keys it accounts for
     */
    public Detected(GpuRequest request, Set<String> limitKeys, Set<String> podAnnotationKeys) {
      this(request, limitKeys, podAnnotationKeys, List.of());
    }
  }
}
