/** Implementation of the core module: compiler, lifter, tree diff and JSON plumbing; not API. */
package dev.stskit.core.internal;
