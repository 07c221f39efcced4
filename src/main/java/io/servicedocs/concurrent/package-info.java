/** Helpers for the work the stages run on other threads (futures joined with their own failures). */
package io.servicedocs.concurrent;
