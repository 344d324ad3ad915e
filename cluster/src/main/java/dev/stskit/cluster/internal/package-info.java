/** Helpers of the cluster module; not API. */
package dev.stskit.cluster.internal;
