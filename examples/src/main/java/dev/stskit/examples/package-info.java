/** Runnable examples, one per real use of the SDK. */
package dev.stskit.examples;
