package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stskit.core.internal.CommandLineDeserializer;
import dev.stskit.core.security.ContainerSecurity;
import dev.stskit.core.units.Cpu;
import dev.stskit.core.units.Memory;
import dev.stskit.gpu.GpuRequest;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One container of the form's container step (docs/form.md §§2–7), a work container or, placed in
 * {@link StatefulSetSpec#initContainers()}, an init container.
 *
 * <pre>{@code
 * ContainerSpec.builder().name("mysql").image("mysql:5.7.31")
 *     .cpu("100m", "1").memory("512Mi", "1Gi")
 *     .addPort(ContainerPort.of("mysql", 3306))
 *     .build();
 * }</pre>
 */
@JsonPropertyOrder({"name", "image", "pullPolicy", "command", "args", "ports", "cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit", "gpu", "gpuRequestsEqualLimits", "privileged", "runAsUser", "security", "workingDir", "stdin", "tty", "env", "envFrom", "volumeMounts", "postStart", "preStop", "livenessProbe", "readinessProbe", "startupProbe"})
@Value.Immutable
@JsonSerialize(as = ImmutableContainerSpec.class)
@JsonDeserialize(as = ImmutableContainerSpec.class)
public interface ContainerSpec {
  /** {@return container name (DNS-1123 label, unique in the pod)} Required. */
  String name();

  /**
   * Image: repository plus tag or digest. Required: {@code build()} without one throws a {@link
   * SpecException} naming the container ({@code container "api": image: required}); in a spec, and
   * so in a spec file, the error also names the container's index.
   *
   * @return the image
   */
  @Value.Default
  default Image image() {
    // a default that refuses rather than a required attribute, so that the error names the container
    throw SpecException.inContainer(name(), "image", "required");
  }

  /**
   * Pull policy, always written. Default {@link PullPolicy#IF_NOT_PRESENT} (the "always pull"
   * checkbox unchecked); see {@link Builder#alwaysPull(boolean)}.
   *
   * @return the pull policy
   */
  @Value.Default
  default PullPolicy pullPolicy() {
    return PullPolicy.IF_NOT_PRESENT;
  }

  /**
   * Start command, overriding the image ENTRYPOINT ({@code command}). In a spec file, a list, or
   * the line as the form shows it ({@code command: "sh -c 'echo hi'"}), split as a shell splits
   * words (see {@link CommandLine}); the builder's {@link Builder#commandLine(String)} does the same.
   *
   * @return the command and its arguments; empty for the image's ENTRYPOINT
   */
  @JsonDeserialize(using = CommandLineDeserializer.class)
  List<String> command();

  /**
   * {@return run parameters, overriding the image CMD ({@code args})}; a list, or one line as for
   * {@link #command()} ({@link Builder#argsLine(String)}).
   */
  @JsonDeserialize(using = CommandLineDeserializer.class)
  List<String> args();

  /** {@return ports the container listens on} */
  List<ContainerPort> ports();

  /** {@return CPU request ({@code resources.requests.cpu})} */
  Optional<Cpu> cpuRequest();

  /** {@return CPU limit ({@code resources.limits.cpu})} */
  Optional<Cpu> cpuLimit();

  /** {@return memory request ({@code resources.requests.memory})} */
  Optional<Memory> memoryRequest();

  /** {@return memory limit ({@code resources.limits.memory})} */
  Optional<Memory> memoryLimit();

  /**
   * GPU request, placed by the compile options' {@code GpuMappers} (limits on this container,
   * annotations on the pod template, node requirements, scheduler).
   *
   * @return the GPU request, or empty
   */
  Optional<GpuRequest> gpu();

  /**
   * Also write {@code resources.requests} equal to the GPU limits (what kube-apiserver defaults
   * them to; lift sets it when the imported object has them). Default false: limits only.
   *
   * @return whether GPU requests are written equal to the limits
   */
  @Value.Default
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  default boolean gpuRequestsEqualLimits() {
    return false;
  }

  /** {@return privileged container ({@code securityContext.privileged: true}); written only when on} */
  @Value.Default
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  default boolean privileged() {
    return false;
  }

  /** {@return account UID ({@code securityContext.runAsUser}); 0 is root} Unset: the image's user. */
  Optional<Long> runAsUser();

  /**
   * {@return the rest of the container's security context} ({@code securityContext}: runAsNonRoot,
   * runAsGroup, allowPrivilegeEscalation, readOnlyRootFilesystem, capabilities, seccomp and
   * AppArmor profiles, SELinux options), beside {@link #privileged()} and {@link #runAsUser()}.
   */
  Optional<ContainerSecurity> security();

  /** {@return working directory ({@code workingDir}); the image's by default} */
  Optional<String> workingDir();

  /**
   * Keep stdin open ({@code stdin}).
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> stdin();

  /**
   * Allocate a TTY ({@code tty}).
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> tty();

  /** {@return post-start hook ({@code lifecycle.postStart}): exec or httpGet} */
  Optional<Action> postStart();

  /** {@return pre-stop hook ({@code lifecycle.preStop}): exec or httpGet} */
  Optional<Action> preStop();

  /** {@return liveness probe} */
  Optional<Probe> livenessProbe();

  /** {@return readiness probe} */
  Optional<Probe> readinessProbe();

  /** {@return startup probe} */
  Optional<Probe> startupProbe();

  /** {@return environment variables, in order} */
  List<EnvVar> env();

  /** {@return whole ConfigMap/Secret imports, in order} */
  List<EnvFrom> envFrom();

  /** {@return volume mounts, in order} */
  List<VolumeMount> volumeMounts();

  /**
   * Checks the container when it is built.
   *
   * @throws SpecException naming the field that is missing or wrong
   */
  @Value.Check
  default void check() {
    for (Optional<Action> hook : List.of(postStart(), preStop())) {
      if (hook.isPresent() && !(hook.get() instanceof Action.Exec)
          && !(hook.get() instanceof Action.HttpGet)) {
        throw SpecException.inContainer(name(), "lifecycle", "a hook runs exec or httpGet only");
      }
    }
  }

  /**
   * A container named {@code name} running {@code image} (parsed by {@link Image#parse}).
   *
   * @param name the container name
   * @param image the image as one string, e.g. {@code mysql:5.7.31}
   * @return the container
   */
  static ContainerSpec of(String name, String image) {
    Image parsed;
    try {
      parsed = Image.parse(image);
    } catch (SpecException e) {
      throw SpecException.inContainer(name, e.path(), e.problem());
    }
    return builder().name(name).image(parsed).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContainerSpec}. */
  final class Builder extends ImmutableContainerSpec.Builder {
    /**
     * The image as one string, e.g. {@code mysql:5.7.31}.
     *
     * @param image the image as one string
     * @return this builder
     */
    public final Builder image(String image) {
      return image(Image.parse(image));
    }

    /**
     * The form's "always pull" checkbox. Under the hood: {@code imagePullPolicy: Always} when
     * checked, else {@code IfNotPresent}.
     *
     * @param always whether the box is ticked
     * @return this builder
     */
    public final Builder alwaysPull(boolean always) {
      return pullPolicy(always ? PullPolicy.ALWAYS : PullPolicy.IF_NOT_PRESENT);
    }

    /**
     * The start command as the form shows it, one line split as a shell splits words: {@code
     * commandLine("sh -c 'echo hi'")} is {@code command("sh", "-c", "echo hi")}.
     *
     * @param line the command line
     * @return this builder
     * @throws SpecException naming {@code command} when the line needs a shell (unbalanced quotes,
     *     {@code $(…)}, pipes, …): write a list instead
     */
    public final Builder commandLine(String line) {
      return command(split("command", line));
    }

    /**
     * The run parameters as one line, split as {@link #commandLine(String)} splits.
     *
     * @param line the parameters, e.g. {@code --port 8080 --name 'my server'}
     * @return this builder
     * @throws SpecException naming {@code args} when the line needs a shell
     */
    public final Builder argsLine(String line) {
      return args(split("args", line));
    }

    private static List<String> split(String field, String line) {
      try {
        return CommandLine.split(line);
      } catch (SpecException e) {
        SpecException s = new SpecException(field, e.problem());
        s.initCause(e);
        throw s;
      }
    }

    /**
     * CPU request and limit, e.g. {@code cpu("100m", "1")}.
     *
     * @param request the CPU request, a quantity
     * @param limit the CPU limit, a quantity
     * @return this builder
     */
    public final Builder cpu(String request, String limit) {
      return cpuRequest(Cpu.of(request)).cpuLimit(Cpu.of(limit));
    }

    /**
     * Memory request and limit, e.g. {@code memory("512Mi", "1Gi")}.
     *
     * @param request the memory request, a quantity
     * @param limit the memory limit, a quantity
     * @return this builder
     */
    public final Builder memory(String request, String limit) {
      return memoryRequest(Memory.of(request)).memoryLimit(Memory.of(limit));
    }
  }
}
