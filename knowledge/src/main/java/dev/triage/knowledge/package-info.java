/**
 * Knowledge articles and error codes: {@link dev.triage.knowledge.KnowledgeBase} loads and validates Markdown
 * articles, searches them, and decodes the error codes users paste. All other types are immutable values.
 * Nothing in this package returns {@code null}; absent values are empty {@code Optional}s or empty lists.
 */
package dev.triage.knowledge;
