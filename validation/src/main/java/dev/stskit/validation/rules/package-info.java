/** The built-in rules, one class per rule, and the rule sets they form. */
package dev.stskit.validation.rules;
