/** Mappers for HAMi on NVIDIA cards: vGPU slices and HAMi's dynamic MIG. */
package dev.stskit.gpu.hami;
