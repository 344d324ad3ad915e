package dev.stskit.validation.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule that validates the pod template. On update, all such rules are skipped when the
 * stored object's pod template already fails any of them, as {@code ValidateStatefulSetUpdate} skips
 * {@code ValidatePodTemplateSpec} for a stored template that is invalid (ratcheting, so that objects
 * created before Kubernetes v1.34 validated pod templates can still be updated). An annotation, not
 * an interface: a public rule class must not name an internal type among its supertypes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PodTemplateCheck {}
