/** The mapper for other vendors' accelerators served by HAMi (Ascend, Cambricon, Hygon, Iluvatar, …). */
package dev.stskit.gpu.vendor;
