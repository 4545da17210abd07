/**
 * Operating several instances: readiness for load balancers, Prometheus metrics, draining on shutdown. The only
 * package that imports Micrometer.
 */
package dev.triage.bot.ops;
