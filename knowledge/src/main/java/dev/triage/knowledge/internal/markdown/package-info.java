/**
 * Internal: parses and validates one article file (UTF-8, YAML front matter read with SnakeYAML's safe constructor,
 * level-2 sections, numbered steps). Every problem names the file and the field.
 */
package dev.triage.knowledge.internal.markdown;
