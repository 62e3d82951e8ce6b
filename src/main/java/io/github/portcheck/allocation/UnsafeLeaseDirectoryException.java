package io.github.portcheck.allocation;

import java.io.IOException;

/** A lease directory that other users could tamper with, or that cannot be used; the message says what to do. */
public final class UnsafeLeaseDirectoryException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeLeaseDirectoryException(String message) {
        super(message);
    }
}
