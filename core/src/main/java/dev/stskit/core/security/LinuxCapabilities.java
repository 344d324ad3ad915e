package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Linux capabilities added to and dropped from the container runtime's default set ({@code
 * capabilities.add}, {@code capabilities.drop}), written as Kubernetes writes them ({@code ALL},
 * {@code NET_BIND_SERVICE}).
 *
 * <pre>{@code
 * LinuxCapabilities.dropAll()                                   // {drop: [ALL]}
 * LinuxCapabilities.builder().addDrop("ALL").addAdd("NET_BIND_SERVICE").build()
 * }</pre>
 */
@JsonPropertyOrder({"add", "drop"})
@Value.Immutable
@JsonSerialize(as = ImmutableLinuxCapabilities.class)
@JsonDeserialize(as = ImmutableLinuxCapabilities.class)
public interface LinuxCapabilities {
  /**
   * Capabilities added ({@code capabilities.add}).
   *
   * @return the added capabilities, in order
   */
  List<String> add();

  /**
   * Capabilities dropped ({@code capabilities.drop}).
   *
   * @return the dropped capabilities, in order
   */
  List<String> drop();

  /**
   * Drops every capability.
   *
   * @return {@code {drop: [ALL]}}
   */
  static LinuxCapabilities dropAll() {
    return builder().addDrop("ALL").build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LinuxCapabilities}. */
  final class Builder extends ImmutableLinuxCapabilities.Builder {}
}
