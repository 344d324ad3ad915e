/** Apply-ready YAML and JSON rendering of fabric8 objects, and the strict manifest reader. */
@StsStyle
package dev.stskit.render;

import dev.stskit.style.StsStyle;
