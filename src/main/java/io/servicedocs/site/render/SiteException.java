package io.servicedocs.site.render;

/** The site could not be built from the repository's templates or content; the message says why. */
public final class SiteException extends Exception {

    public SiteException(String message, Throwable cause) {
        super(message, cause);
    }

    public SiteException(String message) {
        super(message);
    }
}
