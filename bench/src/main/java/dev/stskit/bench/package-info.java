/** JMH benchmarks of sts-kit against fabric8, Jackson and SnakeYAML baselines. */
package dev.stskit.bench;
