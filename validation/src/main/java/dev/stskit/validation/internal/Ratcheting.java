package dev.stskit.validation.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule that, on update, is skipped when the stored object already fails it (the apiserver's
 * ratcheting validation, e.g. {@code StatefulSetValidationOptions.AllowInvalidServiceName}). An
 * annotation, not an interface: a public rule class must not name an internal type among its
 * supertypes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Ratcheting {}
