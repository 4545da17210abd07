/** Internal: the in-memory Lucene index of the articles and the analyzer that keeps error codes whole. */
package dev.triage.knowledge.internal.index;
