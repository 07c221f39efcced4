package io.servicedocs.cli;

/**
 * A command line that cannot run as given (a bad option value, a folder that is not what the
 * command needs). {@link Main} prints it as "servicedocs: MESSAGE", with the command's usage
 * when asked, and exits with status 2.
 */
final class UsageException extends Exception {

    private final boolean showUsage;

    UsageException(String message) {
        this(message, false);
    }

    private UsageException(String message, boolean showUsage) {
        super(message);
        this.showUsage = showUsage;
    }

    /** A usage error followed by the command's usage help. */
    static UsageException withUsage(String message) {
        return new UsageException(message, true);
    }

    boolean showUsage() {
        return showUsage;
    }
}
