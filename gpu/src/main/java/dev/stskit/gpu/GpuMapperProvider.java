package dev.stskit.gpu;

/**
 * Creates a third-party {@link GpuMapper} for a profile; registered in
 * {@code META-INF/services/dev.stskit.gpu.GpuMapperProvider} and found only when asked for, by
 * {@link GpuMappers#discover(GpuProfile, ClassLoader)}.
 */
public interface GpuMapperProvider {
  /**
   * A mapper using {@code profile}'s names.
   *
   * @param profile the resource names the cluster uses
   * @return the mapper
   */
  GpuMapper create(GpuProfile profile);
}
