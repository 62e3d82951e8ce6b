package io.github.portcheck.allocation;

import java.nio.file.Paths;

/**
 * A child JVM for {@link LeaseDirectoryTest}, run as another user: checks a lease directory as a build of that user
 * would and prints "OK" and the lock file, or "REFUSED" and the message. Argument: the directory.
 */
public final class CheckLeaseDirectory {
    public static void main(String[] args) {
        try {
            System.out.println("OK " + LeaseDirectory.check(Paths.get(args[0])));
        } catch (LeaseDirectoryException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
