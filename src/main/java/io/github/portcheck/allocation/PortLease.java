package io.github.portcheck.allocation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * A port this build holds: an OS file lock on the port's lease file. The operating system releases it when
 * the process ends, even by kill -9, so a crashed build cannot leak its leases.
 */
public final class PortLease {
    private final int port;
    private final String owner;
    private final FileChannel channel;
    private final FileLock lock;
    private final LeaseBook book;

    PortLease(int port, String owner, FileChannel channel, FileLock lock, LeaseBook book) {
        this.port = port;
        this.owner = owner;
        this.channel = channel;
        this.lock = lock;
        this.book = book;
    }

    public int port() {
        return port;
    }

    /** Who in this build took it, e.g. the module's name. */
    public String owner() {
        return owner;
    }

    /** Gives the port back, e.g. when the probe found it taken after all. */
    public void release() {
        book.release(this);
    }

    void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do: the lock goes with the process at the latest
        }
    }
}
