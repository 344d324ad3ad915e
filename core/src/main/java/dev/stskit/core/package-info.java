/** The Create StatefulSet form as immutable values, compiled to fabric8 objects and lifted back. */
@CoreStyle
package dev.stskit.core;

import dev.stskit.core.internal.CoreStyle;
