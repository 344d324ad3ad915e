/** Mappers for NVIDIA's own device plugin: whole cards and MIG under the single and mixed strategies. */
package dev.stskit.gpu.nvidia;
