/**
 * Internal: the error-code tables (TSV resources next to these classes, each naming its source) and the decoder
 * that finds codes in pasted text and picks the table from the label in front of them.
 */
package dev.triage.knowledge.internal.decode;
