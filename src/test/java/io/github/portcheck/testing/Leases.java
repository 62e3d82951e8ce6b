package io.github.portcheck.testing;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import java.nio.file.Path;

/** Lease books for tests, of directories the tests made. */
public final class Leases {
    private Leases() {
    }

    /** The book of {@code directory}'s lock file, checked as a build checks it. */
    public static LeaseBook in(Path directory) {
        try {
            return LeaseBook.in(LeaseDirectory.check(directory));
        } catch (LeaseDirectoryException e) {
            throw new AssertionError("the test's lease directory is refused: " + e.getMessage(), e);
        }
    }
}
