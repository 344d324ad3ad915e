/** The sts-kit command line: render, import, validate. */
package dev.stskit.cli;
