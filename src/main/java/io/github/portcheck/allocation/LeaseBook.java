package io.github.portcheck.allocation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The ports leased by this JVM in one lease directory: within the JVM a map (every module of the build, serial
 * or parallel, asks the same book), across processes a lock file per port. One book per directory and JVM:
 * opening and closing a second channel on a file this JVM has locked would silently drop the OS lock, so
 * nothing but this book ever opens a lease file.
 */
public final class LeaseBook {
    private static final Map<Path, LeaseBook> BOOKS = new HashMap<>();

    private final Path directory;
    private final Map<Integer, PortLease> leases = new HashMap<>();
    private Object build;

    private LeaseBook(Path directory) {
        this.directory = directory;
    }

    /**
     * The book of {@code directory} for one build. A JVM that outlives a build (a Maven daemon) starts the
     * next build with the previous build's leases released.
     *
     * @param build an object that is the same for every module of one build and new for the next build
     */
    public static LeaseBook forBuild(Path directory, Object build) throws IOException {
        Path dir = prepare(directory);
        synchronized (BOOKS) {
            LeaseBook book = BOOKS.computeIfAbsent(dir, LeaseBook::new);
            book.startBuild(build);
            return book;
        }
    }

    /** Creates the directory, open to every user so that all builds on the machine can share it. */
    private static Path prepare(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path dir = directory.toRealPath();
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + " is not writable");
        }
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX, or another user's directory that is already shared
        }
        return dir;
    }

    private synchronized void startBuild(Object next) {
        if (build != next) {
            releaseAll();
            build = next;
        }
    }

    public Path directory() {
        return directory;
    }

    /** Leases {@code port} to {@code owner}, unless this build or another process holds it. */
    public synchronized Claim claim(int port, String owner) {
        PortLease mine = leases.get(port);
        if (mine != null) {
            return Claim.refused("leased by this build (" + mine.owner() + ")");
        }
        Path file = directory.resolve("port-" + port + ".lock");
        FileChannel channel = null;
        try {
            channel = open(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                return Claim.refused("leased by another build (" + holder + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("PID " + pid() + " " + owner + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            PortLease lease = new PortLease(port, owner, channel, lock, this);
            leases.put(port, lease);
            return Claim.granted(lease);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            // Without a lease the port is not safe to hand out: another build may be taking it.
            return Claim.refused("lease file " + file + " unusable: " + e.getMessage());
        }
    }

    synchronized void release(PortLease lease) {
        if (leases.get(lease.port()) == lease) {
            leases.remove(lease.port());
            lease.close();
        }
    }

    /** Releases every lease of this book. */
    public synchronized void releaseAll() {
        for (PortLease lease : new ArrayList<>(leases.values())) {
            lease.close();
        }
        leases.clear();
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-")));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-")); // past the umask
        } catch (FileAlreadyExistsException e) {
            // leased before: the lock, not the file, says whether it is held
        } catch (UnsupportedOperationException e) {
            Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            int space = text.indexOf(' ', 4);
            return text.startsWith("PID ") ? (space > 0 ? text.substring(0, space) : text) : "PID unknown";
        } catch (IOException e) {
            return "PID unknown";
        }
    }

    /**
     * This JVM's PID, cheaply: /proc/self on Linux; ProcessHandle (Java 9+, by reflection since the plugin
     * targets Java 8); the RuntimeMXBean's "pid@host" last, as starting JMX costs tens of milliseconds.
     */
    static String pid() {
        String pid = PID;
        if (pid == null) {
            PID = pid = findPid();
        }
        return pid;
    }

    private static volatile String PID;

    private static String findPid() {
        try {
            return Files.readSymbolicLink(Paths.get("/proc/self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux
        }
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            return String.valueOf(handle.getMethod("pid").invoke(handle.getMethod("current").invoke(null)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Java 8
        }
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }
}
