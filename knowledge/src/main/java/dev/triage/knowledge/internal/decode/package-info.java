/**
 * Internal: the error-code tables (TSV resources next to these classes, each naming its source, rows optionally
 * pointing at causes) and the decoder that finds codes in pasted text and picks the table from the label in front of
 * them; Windows errors and OpenSSL errors are decoded by their structure (facility, packing) before their tables.
 */
package dev.triage.knowledge.internal.decode;
