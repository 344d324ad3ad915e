/** Implementation details of the GPU module: JSON forms, quantity parsing and YAML reading; not API. */
package dev.stskit.gpu.internal;
