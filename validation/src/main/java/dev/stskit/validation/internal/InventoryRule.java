package dev.stskit.validation.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule that judges against a cluster GPU inventory; the {@code gpu} rule set builds it with
 * the caller's. An annotation, not an interface: a public rule class must not name an internal type
 * among its supertypes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InventoryRule {}
