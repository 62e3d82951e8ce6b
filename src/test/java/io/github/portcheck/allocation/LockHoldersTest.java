package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holders as /proc/locks lists them, read from files shaped as the kernel writes it. */
class LockHoldersTest {
    @TempDir
    Path dir;

    /** st_dev 64769 is major 0xfd, minor 0x01 (glibc's major() and minor()); inode 1234567. */
    private static final String FILE = "64769:1234567";

    private Map<Long, Long> holders(List<String> lines, long... offsets) throws Exception {
        Path locks = Files.write(dir.resolve("locks"), lines);
        List<Long> wanted = new ArrayList<>();
        for (long offset : offsets) {
            wanted.add(offset);
        }
        return new LockHolders.ProcLocks(locks).holders(FILE, wanted);
    }

    @Test
    void aPosixLockNamesItsProcessAndAnOfdLockNoneAndWaitersAndOtherFilesDoNotCount() throws Exception {
        List<String> lines = List.of(
                "1: POSIX  ADVISORY  WRITE 999 fd:01:7654321 320000 320015",
                "2: -> POSIX  ADVISORY  WRITE 998 fd:01:1234567 320000 320015",
                "3: FLOCK  ADVISORY  WRITE 997 fd:01:1234567 0 EOF",
                "4: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 320000 320015",
                "5: OFDLCK ADVISORY  WRITE -1 fd:01:1234567 368016 368031");
        assertEquals(Map.of(320000L, 4242L, 368016L, LockHolders.NO_PROCESS), holders(lines, 320000, 368016, 400000));
    }

    @Test
    void theReadStopsAfterAMegabyteHoweverLongAnotherUserMakesTheList() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) { // about 1.6 MB of other files' locks, as any user can take
            lines.add(i + ": POSIX  ADVISORY  WRITE 1000 fd:01:7654321 " + 2 * i + " " + 2 * i);
        }
        lines.add("30001: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 320000 320015");
        assertEquals(Map.of(), holders(lines, 320000), "past the cap: unknown, not read");
        assertEquals(Map.of(320000L, 4242L), holders(lines.subList(16_000, lines.size()), 320000), "within the cap");
    }
}
