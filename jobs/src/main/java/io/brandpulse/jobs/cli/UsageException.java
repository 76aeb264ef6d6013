package io.brandpulse.jobs.cli;

/** The command line is wrong; the message says how. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
