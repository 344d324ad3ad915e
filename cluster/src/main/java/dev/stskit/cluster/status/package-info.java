/**
 * The platform's five workload statuses, derived by a pure function ({@link
 * dev.stskit.cluster.status.StatusDerivation}) from recorded objects: the StatefulSet, its pods,
 * their events and nodes.
 */
package dev.stskit.cluster.status;
