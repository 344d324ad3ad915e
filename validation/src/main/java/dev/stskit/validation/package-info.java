/** Findings, the rule SPI and the validator that runs rule sets over Kubernetes objects. */
@StsStyle
package dev.stskit.validation;

import dev.stskit.style.StsStyle;
