package dev.stskit.gpu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of accelerator memory, held as whole mebibytes (MiB): the unit HAMi's NVIDIA device
 * plugin registers and reads ({@code nvidia.com/gpumem}: "1 unit = 1 MiB", HAMi
 * {@code pkg/device-plugin/nvidiadevice/nvinternal/plugin/register.go} registers
 * {@code memory.Total / 1024 / 1024}).
 *
 * <p>Mappers convert it to the unit each device plugin expects (MiB for NVIDIA/HAMi, 256 MiB
 * units for Iluvatar, GiB for MetaX, …) and always write a bare integer: HAMi reads limits with
 * {@code Quantity.AsInt64()}, so a suffixed value such as {@code 3000M} would be read as
 * 3 000 000 000 (gpu/docs/facts.md §3).
 *
 * <p>Textual form: {@code 3000Mi}, {@code 4Gi}, {@code 1Ti} (binary suffixes only). Decimal
 * suffixes ({@code M}, {@code G}) and {@code MB} are refused because they are not whole MiB and
 * because they are exactly the values HAMi misreads.
 *
 * @param mebibytes the amount in MiB, at least 1
 */
public record GpuMemory(long mebibytes) implements Comparable<GpuMemory> {
  private static final Pattern TEXT = Pattern.compile("([0-9]{1,15})(Ki|Mi|Gi|Ti)?");

  /**
   * Checks the amount is positive.
   *
   * @param mebibytes the amount in MiB, at least 1
   */
  public GpuMemory {
    if (mebibytes < 1) {
      throw new IllegalArgumentException("GPU memory must be at least 1 MiB, got " + mebibytes);
    }
  }

  /**
   * {@code n} MiB.
   *
   * @param n the amount in MiB, ≥ 1
   * @return the amount
   */
  public static GpuMemory mebibytes(long n) {
    return new GpuMemory(n);
  }

  /**
   * {@code n} GiB = {@code n × 1024} MiB.
   *
   * @param n the amount in GiB, ≥ 1
   * @return the amount
   */
  public static GpuMemory gibibytes(long n) {
    return new GpuMemory(Math.multiplyExact(n, 1024L));
  }

  private static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " characters)";
  }

  /**
   * Parses {@code 3000Mi}, {@code 4Gi}, {@code 1Ti}, {@code 2048Ki} (whole MiB only) or a bare
   * integer, which is read as MiB (the unit of {@code nvidia.com/gpumem}).
   *
   * @param text a quantity or a bare number of MiB
   * @return the amount
   * @throws IllegalArgumentException for anything else (null included), with the reason (e.g. {@code 3000M})
   */
  public static GpuMemory parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("GPU memory is required: an amount like 3000Mi, 4Gi or 3000 (MiB), not null");
    }
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "GPU memory '" + clip(text) + "' is not an amount like 3000Mi, 4Gi or 3000 (MiB); decimal"
              + " suffixes such as M, G or MB are refused because HAMi reads '3000M' as 3000000000");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "Mi" : m.group(2);
    long mib;
    switch (unit) {
      case "Ki":
        if (n % 1024 != 0) {
          throw new IllegalArgumentException(
              "GPU memory '" + clip(text) + "' is not a whole number of MiB");
        }
        mib = n / 1024;
        break;
      case "Gi":
        mib = Math.multiplyExact(n, 1024L);
        break;
      case "Ti":
        mib = Math.multiplyExact(n, 1024L * 1024L);
        break;
      default:
        mib = n;
    }
    return new GpuMemory(mib);
  }

  /**
   * This amount in units of {@code unitMiB} MiB.
   *
   * @param unitMiB MiB per unit, e.g. 256 for a vendor counting in 256 MiB
   * @return how many such units this amount is
   * @throws IllegalArgumentException when it is not a whole number of such units
   */
  public long inUnitsOf(long unitMiB) {
    if (mebibytes % unitMiB != 0) {
      throw new IllegalArgumentException(
          "GPU memory " + this + " is not a whole number of " + new GpuMemory(unitMiB) + " units");
    }
    return mebibytes / unitMiB;
  }

  @Override
  public int compareTo(GpuMemory o) {
    return Long.compare(mebibytes, o.mebibytes);
  }

  /** The shortest exact binary form: {@code 4Gi}, {@code 3000Mi}. */
  @Override
  public String toString() {
    if (mebibytes % (1024L * 1024L) == 0) {
      return mebibytes / (1024L * 1024L) + "Ti";
    }
    if (mebibytes % 1024L == 0) {
      return mebibytes / 1024L + "Gi";
    }
    return mebibytes + "Mi";
  }
}
