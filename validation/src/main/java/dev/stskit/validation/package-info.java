/** Findings, the rule SPI and the built-in rule sets. */
package dev.stskit.validation;
