/** Internal: the canonical spelling of error codes, shared by validation, analysis and decoding. */
package dev.triage.knowledge.internal.codes;
