package dev.stskit.validation.internal;

/**
 * Marks a rule that validates the pod template. On update, all such rules are skipped when the
 * stored object's pod template already fails any of them, as {@code ValidateStatefulSetUpdate} skips
 * {@code ValidatePodTemplateSpec} for a stored template that is invalid (ratcheting, so that objects
 * created before Kubernetes v1.34 validated pod templates can still be updated).
 */
public interface PodTemplateCheck {}
