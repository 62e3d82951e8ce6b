package io.github.portcheck.allocation;

import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.Owners;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A child JVM for {@link ConcurrentBuildsTest}: from a given instant and for a given time, leases a random port
 * of a small range, marks it held, ends the lease, over and over. Prints "HOLDS n VIOLATIONS v", v counting the
 * times its mark was already there: another holder of the same port at the same time.
 * Arguments: lease directory, mark directory, first port, number of ports, start (epoch ms), duration (ms).
 */
public final class LeaseChurner {
    public static void main(String[] args) throws Exception {
        LeaseBook book = Leases.in(Paths.get(args[0]));
        Path marks = Paths.get(args[1]);
        int first = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        long startAt = Long.parseLong(args[4]);
        long end = startAt + Long.parseLong(args[5]);
        LeaseOwner me = Owners.module("churner");
        while (System.currentTimeMillis() < startAt) {
            Thread.onSpinWait();
        }
        long holds = 0;
        long violations = 0;
        while (System.currentTimeMillis() < end) {
            int port = first + ThreadLocalRandom.current().nextInt(count);
            if (!book.claim(port, me).granted()) {
                continue;
            }
            holds++;
            Path mark = marks.resolve(Integer.toString(port));
            try {
                Files.createFile(mark);
                for (int i = 0; i < 100; i++) {
                    Thread.onSpinWait(); // hold it a moment, as a module would
                }
                Files.delete(mark);
            } catch (FileAlreadyExistsException e) {
                violations++;
            }
            LeaseBook.endModule(me);
        }
        System.out.println("HOLDS " + holds + " VIOLATIONS " + violations);
    }
}
