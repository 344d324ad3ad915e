/** Implementation of the renderer and reader: type tables, the YAML and JSON emitters, the YAML tree and the binder. */
package dev.stskit.render.internal;
