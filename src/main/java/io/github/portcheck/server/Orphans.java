package io.github.portcheck.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers that builds killed with {@code kill -9} (a CI timeout, a closed terminal) left running: the next
 * {@code start} or {@code check-ports} of the same project stops each one that is provably the server it recorded
 * (same PID, same start time) and whose build is gone. A process that is not provably one is never touched.
 */
public final class Orphans {
    private final ServerRecords records;
    private final ServerStopper stopper;

    Orphans(ServerRecords records, ServerStopper stopper) {
        this.records = records;
        this.stopper = stopper;
    }

    public static Orphans of(ServerRecords records) {
        return new Orphans(records, ServerStopper.ofThisSystem());
    }

    /**
     * Stops the orphans of {@code project}; forgets the records of servers that are gone.
     *
     * @return each orphan stopped, with how it ended
     */
    public List<Stopped> stopFor(String project, long timeoutMillis) {
        List<Stopped> stopped = new ArrayList<>();
        for (Map.Entry<Path, ServerRecord> e : records.all().entrySet()) {
            ServerRecord record = e.getValue();
            if (records.ownerMayRun(record)) {
                continue; // a living build's server
            }
            if (!records.stillRuns(record)) {
                records.remove(e.getKey()); // gone, or its PID now someone else's
                continue;
            }
            if (record.project().equals(project)) {
                stopped.add(new Stopped(record, stopper.stop(null, record.pid(), record.started(), record.cookie(),
                        record.ports(), timeoutMillis)));
                records.remove(e.getKey());
            }
        }
        return stopped;
    }

    /** The servers of this user that earlier builds left running, still running, by PID: to name a port's holder. */
    public Map<Long, ServerRecord> leftRunning() {
        Map<Long, ServerRecord> running = new HashMap<>();
        for (ServerRecord record : records.all().values()) {
            if (!records.ownerMayRun(record) && records.stillRuns(record)) {
                running.put(record.pid(), record);
            }
        }
        return running;
    }

    /** An orphan that was stopped. */
    public static final class Stopped {
        private final ServerRecord record;
        private final StopResult result;

        Stopped(ServerRecord record, StopResult result) {
            this.record = record;
            this.result = result;
        }

        public ServerRecord record() {
            return record;
        }

        public StopResult result() {
            return result;
        }
    }
}
