package io.github.portcheck.allocation;

import java.nio.channels.FileLock;

/**
 * A port this build holds until the module that took it ends: an OS lock on the port's bytes in the lease file,
 * which the operating system releases when the process ends, even by kill -9. A lease the same module already held
 * (a second execution on the same port) holds nothing of its own: the first one ends with the module.
 */
public final class PortLease {
    private final int port;
    private final LeaseOwner owner;
    private final FileLock lock;
    private final LeaseBook book;

    PortLease(int port, LeaseOwner owner, FileLock lock, LeaseBook book) {
        this.port = port;
        this.owner = owner;
        this.lock = lock;
        this.book = book;
    }

    static PortLease heldAlready(int port, LeaseOwner owner) {
        return new PortLease(port, owner, null, null);
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

    /** Releases the OS lock; the lock file stays open. */
    void unlock() {
        if (lock != null) {
            LockFile.release(lock);
        }
    }
}
