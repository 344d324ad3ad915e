package dev.stskit.style;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of sts-kit's value types, put on a package ({@code package-info.java}) or a
 * type: implementations package-private and hidden behind the abstract type
 * ({@code ImmutableX} never appears in the API), depluralized adders ({@code addContainer},
 * {@code addAlias}, {@code addSearch}), and no {@code @Generated} or other annotation from the
 * Immutables jar on generated classes, so consumers without that jar compile with
 * {@code -Xlint:all -Werror}. An incomplete builder throws Immutables' {@code IllegalStateException}
 * naming the missing attributes; core's values, whose builders throw its public
 * {@code MissingFieldsException}, use core's own style with these same settings (a style cannot name
 * a type of a module above it, and Immutables does not merge styles).
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
    allowedClasspathAnnotations = {Override.class})
public @interface StsStyle {}
