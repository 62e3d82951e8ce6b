package io.github.portcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ExcludedPortsDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.spec.ConflictPolicy;
import io.github.portcheck.spec.DetectorChoice;
import io.github.portcheck.spec.PortRange;
import io.github.portcheck.spec.PortSpecParser;
import io.github.portcheck.spec.SettingNames;
import io.github.portcheck.testing.Loopback;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Windows machine's excluded port range, played on real loopback ports: a fixed port inside it is reported as
 * the system's, and ranges and "any free port" pass over it, although a bind there would succeed here.
 */
class ExcludedRangeCheckTest {

    @Test
    void aFixedPortInsideIsReservedByTheSystemRangesAndAnyPassOverIt() throws Exception {
        PortRange run = Loopback.freeRun(14);
        PortRange excluded = PortRange.of(run.first(), run.first() + 9);
        PortChooser chooser = new PortChooser(PortPool.of(run, List.of(excluded)), List.of(excluded), size -> 0);
        PortCheck check = new PortCheck(new HostResolver(DetectorChoice.AUTO,
                ExcludedPortsDetector.of(new BindDetector(), List.of(excluded)),
                ExcludedPortsDetector.of(new ConnectDetector(500), List.of(excluded))), chooser,
                new ProcNetHolderLookup());
        int fixed = run.first() + 3;
        CheckResult result = check.run(new PortSpecParser().parseTexts(List.of("db=" + fixed,
                "web=" + run.first() + "-" + run.last(), "any")), "localhost", ConflictPolicy.FAIL);
        String message = ConflictReport.message(result, SettingNames.PLAIN);
        assertTrue(message.startsWith("1 of 3 entries got no free port:\n  port " + fixed + " (db) on localhost: reserved"
                + " by the system (excluded port range " + excluded + ", e.g. for Hyper-V, WSL or Docker)\n"), message);
        int web = result.entries().get(1).ports().get(0);
        int any = result.entries().get(2).ports().get(0);
        assertTrue(web > excluded.last() && any > excluded.last() && web != any, web + " " + any);
    }
}
