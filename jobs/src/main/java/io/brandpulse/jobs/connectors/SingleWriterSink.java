package io.brandpulse.jobs.connectors;

/**
 * A sink that must run as one instance (one file, in order): the workflow sets its parallelism to
 * 1.
 */
public interface SingleWriterSink {}
