/** Implementation details of the validation module: defaulting, name and quantity checks, messages. */
package dev.stskit.validation.internal;
