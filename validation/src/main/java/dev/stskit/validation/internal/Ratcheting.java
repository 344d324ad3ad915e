package dev.stskit.validation.internal;

/**
 * Marks a rule that, on update, is skipped when the stored object already fails it (the apiserver's
 * ratcheting validation, e.g. {@code StatefulSetValidationOptions.AllowInvalidServiceName}).
 */
public interface Ratcheting {}
