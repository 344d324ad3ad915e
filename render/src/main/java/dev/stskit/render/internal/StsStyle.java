package dev.stskit.render.internal;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/** The Immutables style of the render module's value types. */
@Target({PACKAGE, TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true, depluralize = true,
    // no @org.immutables.value.Generated on generated classes: value-annotations is "provided", and
    // javac warns (failing consumers that compile with -Xlint:all -Werror) on a missing annotation
    allowedClasspathAnnotations = {Override.class})
public @interface StsStyle {}
