package dev.stskit.core.internal;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import dev.stskit.core.MissingFieldsException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of core's values: the settings of the style every sts-kit module shares
 * ({@code dev.stskit.style.StsStyle}), plus a {@link MissingFieldsException} (a public
 * {@link dev.stskit.core.SpecException}) naming the missing fields when a builder is incomplete.
 * Immutables does not merge styles and the shared one, in a module below core, cannot name core's
 * exception, so core declares the whole style; {@code CoreStyleTest} fails when its settings and the
 * shared ones part.
 */
@Target({PACKAGE, TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    depluralizeDictionary = {"alias:aliases", "search:searches"},
    // no @org.immutables.value.Generated on generated classes: value-annotations is "provided", and
    // javac warns (failing consumers that compile with -Xlint:all -Werror) on a missing annotation
    allowedClasspathAnnotations = {Override.class},
    // a public type: users catch what the builders throw
    throwForInvalidImmutableState = MissingFieldsException.class)
public @interface CoreStyle {}
