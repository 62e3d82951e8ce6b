package io.github.portcheck.allocation;

import java.nio.channels.FileLock;
import java.util.Collections;
import java.util.List;

/**
 * A port this build holds until the module that took it ends: OS locks on the port's bytes in the lease directory's
 * lock files, which the operating system releases when the process ends, even by kill -9. A lease the same module
 * already held (a second execution on the same port) holds nothing of its own: the first one ends with the module.
 */
public final class PortLease {
    private final int port;
    private final LeaseOwner owner;
    private final List<FileLock> locks;
    private final LeaseBook book;

    PortLease(int port, LeaseOwner owner, List<FileLock> locks, LeaseBook book) {
        this.port = port;
        this.owner = owner;
        this.locks = locks;
        this.book = book;
    }

    static PortLease heldAlready(int port, LeaseOwner owner) {
        return new PortLease(port, owner, Collections.<FileLock>emptyList(), null);
    }

    public int port() {
        return port;
    }

    public LeaseOwner owner() {
        return owner;
    }

    /** Gives the port back, e.g. when the probe found it taken after all. */
    public void release() {
        if (book != null) {
            book.release(this);
        }
    }

    List<FileLock> locks() {
        return locks;
    }
}
