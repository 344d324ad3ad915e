/** Scheduling intents of the form: toleration time, node affinity, workload (anti-)affinity. */
@StsStyle
package dev.stskit.core.scheduling;

import dev.stskit.core.internal.StsStyle;
