/** Create and operate StatefulSets on real clusters (fabric8 kubernetes-client). */
package dev.stskit.cluster;
