package io.github.portcheck.server;

import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.system.ProcessTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The records of the servers this user's builds started, in {@code servers} beside the user's own leases (private:
 * mode 0700, checked as the lease directory is). A record lives while its server runs under a living build, and is
 * removed when the server is stopped.
 */
public final class ServerRecords {
    static final String SUFFIX = ".server";

    private final Path folder;
    private final ProcessTree tree;

    ServerRecords(Path folder, ProcessTree tree) {
        this.folder = folder;
        this.tree = tree;
    }

    /** This user's records: in the home directory's {@code .portcheck/servers}, else the temporary directory's. */
    public static ServerRecords ofThisUser() throws LeaseDirectoryException {
        return new ServerRecords(LeaseDirectory.privateFolder(LeaseDirectory.ofThisUser(
                Paths.get(System.getProperty("user.home")), Paths.get(System.getProperty("java.io.tmpdir")),
                System.getProperty("user.name"), new java.util.ArrayList<LeaseDirectoryException>()), "servers"),
                ProcessTree.forThisSystem());
    }

    /** Writes {@code record} whole (a file written aside, then moved into place); returns where. */
    Path write(ServerRecord record) throws IOException {
        String name = (record.execution() + "-" + record.pid()).replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = folder.resolve(name + SUFFIX);
        Path part = folder.resolve(name + ".part");
        record.write(part);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // looked at, and found stale, by the next build
        }
    }

    /** Every record that can be read, by file. */
    Map<Path, ServerRecord> all() {
        Map<Path, ServerRecord> records = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                ServerRecord record = ServerRecord.read(file);
                if (record != null) {
                    records.put(file, record);
                }
            }
        } catch (IOException e) {
            // none to be read
        }
        return records;
    }

    /**
     * Whether the process that {@code record} names still runs and is provably that server: the same PID and the
     * same start time. A process whose start time cannot be told is never taken for it.
     */
    boolean stillRuns(ServerRecord record) {
        return record.started() != null && record.started().equals(tree.startTime(record.pid()));
    }

    /**
     * Whether the build that started the server may still run: then the server is that build's, not an orphan. Where
     * the build's start time was not known, it may.
     */
    boolean ownerMayRun(ServerRecord record) {
        return record.ownerStarted() == null || record.ownerStarted().equals(tree.startTime(record.ownerPid()));
    }
}
