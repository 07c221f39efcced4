/**
 * Bounds on time for everything that calls a network service: {@link io.servicedocs.net.NetworkLimits}
 * (connect, read, request and call timeouts and a deadline per run, each with its command-line
 * option), {@link io.servicedocs.net.Deadline} (the run's budget, and a watchdog for steps no
 * timeout reaches), {@link io.servicedocs.net.AwsSdkLimits} (the limits on AWS SDK clients) and
 * {@link io.servicedocs.net.HttpAttemptCounter} (every HTTP request, retries included).
 */
package io.servicedocs.net;
