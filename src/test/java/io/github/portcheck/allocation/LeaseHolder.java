package io.github.portcheck.allocation;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.EntryResult;
import io.github.portcheck.check.PortCheck;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.Owners;
import io.github.portcheck.testing.Requests;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A child JVM for {@link ConcurrentBuildsTest}: at a given instant it checks COUNT entries of one range (blocks
 * of SIZE ports when SIZE is given), leasing from a shared directory, prints "PORTS p1 p2 ..." (the ports of
 * every entry that got its ports), and holds its leases until its input closes.
 * Arguments: lease directory, range, count, start time in epoch milliseconds, [size].
 */
public final class LeaseHolder {
    public static void main(String[] args) throws Exception {
        PortRange range = PortRange.of(Integer.parseInt(args[1].split("-")[0]), Integer.parseInt(args[1].split("-")[1]));
        int count = Integer.parseInt(args[2]);
        long startAt = Long.parseLong(args[3]);
        int blockSize = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add("port" + i + (blockSize > 1 ? "/" + blockSize : "") + "=" + range);
        }
        PortCheck check = new PortCheck(new HostResolver(new BindDetector(), new ConnectDetector(500)),
                new PortChooser(PortPool.of(range, Collections.emptyList()), size -> 0), HolderLookup.NONE)
                .leasingFrom(Leases.in(Paths.get(args[0])), Owners.module("child"));
        while (System.currentTimeMillis() < startAt) {
            Thread.onSpinWait(); // every child claims at the same instant
        }
        CheckResult result = check.run(Requests.of(entries), "localhost", DetectorChoice.BIND, ConflictPolicy.FAIL);
        StringBuilder line = new StringBuilder("PORTS");
        for (EntryResult e : result.entries()) {
            if (e.outcome() == EntryResult.Outcome.FREE) {
                e.ports().forEach(p -> line.append(' ').append(p));
            }
        }
        System.out.println(line);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the leases until the parent closes our input or kills us
        }
    }
}
