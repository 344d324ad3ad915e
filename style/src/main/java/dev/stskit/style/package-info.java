/**
 * The Immutables style the sts-kit modules share ({@link dev.stskit.style.StsStyle}); needed to
 * compile them, not to use them.
 */
package dev.stskit.style;
