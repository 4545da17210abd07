/**
 * The Microsoft Teams surface: the Bot Connector protocol spoken directly (the Java Bot Framework SDK is retired).
 * Activities arrive on {@code POST /api/messages} with a JWT that is checked before anything else; replies, typing,
 * in-place progress and Adaptive Card questions go back to the activity's validated {@code serviceUrl}. The only
 * package that imports nimbus-jose-jwt ({@code com.nimbusds..}).
 */
package dev.triage.bot.chat.teams;
