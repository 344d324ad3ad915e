package dev.stskit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Tells Immutables that a map attribute may hold {@code null} values (JSON null). */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
@interface AllowNulls {}
