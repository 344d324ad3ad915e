package dev.stskit.gpu;

import java.util.List;

/** No mapper of a {@link GpuMappers} supports a request; the message names both. */
public final class NoGpuMapperException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient GpuRequest request;
  /** The ids of the mappers tried, in order. */
  private final List<String> triedMapperIds;

  NoGpuMapperException(GpuRequest request, String profileId, List<String> tried, List<String> reasons) {
    super("no GPU mapper supports " + request + " under profile '" + profileId + "'; tried "
        + tried + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
    this.request = request;
    this.triedMapperIds = List.copyOf(tried);
  }

  /** {@return the request no mapper supported} */
  public GpuRequest request() {
    return request;
  }

  /** {@return the ids of the mappers tried, in order} */
  public List<String> triedMapperIds() {
    return triedMapperIds;
  }
}
