/**
 * Writing files of the repository safely: all or none, each through a temporary file beside it
 * and one atomic rename, every failure naming its file, and no temporary file left to pile up
 * ({@link io.servicedocs.write.StagedFiles}, {@link io.servicedocs.write.TemporaryFiles}).
 */
package io.servicedocs.write;
