/** The platform's row-menu operations (scale, restart, rollback, delete) as pure transformations. */
package dev.stskit.core.lifecycle;
