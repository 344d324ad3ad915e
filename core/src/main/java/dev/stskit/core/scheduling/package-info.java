/** Scheduling intents of the form: toleration time, node affinity, workload (anti-)affinity. */
@CoreStyle
package dev.stskit.core.scheduling;

import dev.stskit.core.internal.CoreStyle;
