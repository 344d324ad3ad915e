package dev.stskit.gpu;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, explicitly composed set of mappers: the one thing {@code core} calls to place a
 * request and to detect one back from an existing container.
 *
 * <p>Seed version (whole card, {@code nvidia.com/gpu}); the GPU issue replaces the internals and
 * keeps these signatures.
 */
public final class GpuMappers {
  private static final String NVIDIA_GPU = "nvidia.com/gpu";

  private GpuMappers() {}

  /** The default mapper set and resource-name profile. */
  public static GpuMappers defaults() {
    return new GpuMappers();
  }

  /** Places {@code request}; throws {@link IllegalArgumentException} if no mapper supports it. */
  public GpuPlacement place(GpuRequest request) {
    if (request instanceof GpuRequest.WholeCard w) {
      return new GpuPlacement(
          Map.of(NVIDIA_GPU, new Quantity(Integer.toString(w.count()))),
          Map.of(),
          List.of(),
          Optional.empty());
    }
    throw new IllegalArgumentException("no GPU mapper supports " + request);
  }

  /**
   * Detects the request a container's limits and its pod's annotations express.
   *
   * @return the request and the limit keys and annotation keys it accounts for (so the caller
   *     can keep everything else verbatim), or empty when the container asks for no GPU
   */
  public Optional<Detected> detect(Map<String, Quantity> limits, Map<String, String> podAnnotations) {
    Quantity q = limits.get(NVIDIA_GPU);
    if (q == null) {
      return Optional.empty();
    }
    try {
      int count = Integer.parseInt(q.toString());
      if (count < 1) {
        return Optional.empty();
      }
      return Optional.of(new Detected(GpuRequest.wholeCard(count), Set.of(NVIDIA_GPU), Set.of()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * A detected request.
   *
   * @param request the request
   * @param limitKeys the {@code resources.limits} keys it accounts for
   * @param podAnnotationKeys the pod-template annotation keys it accounts for
   */
  public record Detected(GpuRequest request, Set<String> limitKeys, Set<String> podAnnotationKeys) {
    public Detected {
      limitKeys = Set.copyOf(limitKeys);
      podAnnotationKeys = Set.copyOf(podAnnotationKeys);
    }
  }
}
