/**
 * Security intents: the container and pod security contexts ({@link ContainerSecurity}, {@link
 * PodSecurity}) and the {@link SecurityPreset} that makes a spec meet a Pod Security Standard.
 */
@CoreStyle
package dev.stskit.core.security;

import dev.stskit.core.internal.CoreStyle;
