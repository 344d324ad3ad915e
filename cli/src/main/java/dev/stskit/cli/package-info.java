/** The sts-kit command line: render, import, validate, per the CLI contract in the README. */
package dev.stskit.cli;
