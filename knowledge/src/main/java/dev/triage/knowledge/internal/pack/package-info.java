/** Internal: reads folders of packs from the file system or from inside the jar, and collects the check report. */
package dev.triage.knowledge.internal.pack;
