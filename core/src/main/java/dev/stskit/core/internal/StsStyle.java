package dev.stskit.core.internal;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import dev.stskit.core.MissingFieldsException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The Immutables style of every sts-kit core value: package-private implementations hidden behind
 * the abstract type, depluralized adders ({@code addContainer}), and a {@link MissingFieldsException}
 * naming the missing fields when a builder is incomplete.
 */
@Target({PACKAGE, TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    depluralizeDictionary = {"alias:aliases", "search:searches"},
    // a public type: users catch what the builders throw
    throwForInvalidImmutableState = MissingFieldsException.class,
    // no @org.immutables.value.Generated on generated classes: value-annotations is "provided",
    // and modules compiling against core would otherwise warn (and -Werror fail) on it
    allowedClasspathAnnotations = {Override.class})
public @interface StsStyle {}
