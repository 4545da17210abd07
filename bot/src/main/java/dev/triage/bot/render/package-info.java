/**
 * Renderings of a reply: the JSON contract, the terminal, the ticket Markdown and the case page. Everything a
 * user pasted or a probed server said is neutralised before it is shown.
 */
package dev.triage.bot.render;
