/** The Create StatefulSet form as immutable values, compiled to fabric8 objects and lifted back. */
package dev.stskit.core;
