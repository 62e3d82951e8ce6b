package io.github.portcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ExcludedPortsDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Requests;
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
        PortCheck check = new PortCheck(new HostResolver(ExcludedPortsDetector.of(new BindDetector(), List.of(excluded)),
                ExcludedPortsDetector.of(new ConnectDetector(500), List.of(excluded))), chooser,
                new ProcNetHolderLookup());
        int fixed = run.first() + 3;
        CheckResult result = check.run(Requests.of(List.of("db=" + fixed,
                "web=" + run.first() + "-" + run.last(), "any")), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL);
        String message = ConflictReport.message(result, SettingNames.PLAIN);
        assertTrue(message.startsWith("1 of 3 entries got no free port:\n  port " + fixed + " (db) on localhost: reserved"
                + " by the system (excluded port range " + excluded + ", e.g. for Hyper-V, WSL or Docker)\n"), message);
        int web = result.entries().get(1).ports().get(0);
        int any = result.entries().get(2).ports().get(0);
        assertTrue(web > excluded.last() && any > excluded.last() && web != any, web + " " + any);
    }
}
