/** Apply-ready YAML and JSON rendering of fabric8 objects, and the strict manifest reader. */
package dev.stskit.render;
