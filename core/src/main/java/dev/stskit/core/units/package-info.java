/** Typed Kubernetes quantities and port references used by the spec: CPU, memory, storage, ports. */
package dev.stskit.core.units;
