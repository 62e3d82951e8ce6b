package io.github.portcheck.check;

import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.ConflictPolicy;
import io.github.portcheck.spec.PortRange;
import io.github.portcheck.spec.PortSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * What a skipped check still owes later plugins: no probe and no lease, but a port for every named entry, so
 * that {@code ${name}} resolves. A fixed port is exported as configured (or as given for it on the command
 * line), a range as its first port, and "any free port" as the value the property already has; an entry that
 * has none fails the goal at once, every such entry named.
 */
public final class UncheckedPorts {
    static final String NOT_CHECKED = "not checked (skipped)";

    private UncheckedPorts() {
    }

    /**
     * @param defaultHost the host of entries that name none
     * @param values      the value a property already has in the build, or null
     */
    public static CheckResult of(List<PortSpec> specs, String defaultHost, Function<String, String> values)
            throws ConfigurationException {
        List<EntryResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PortSpec spec : specs) {
            Integer port = spec.range().map(r -> r.first()).orElse(null);
            // A block's ports are known by its first: NAME.first, as the check would export it.
            String property = spec.isBlock() ? spec.name().get() + PortSpec.FIRST : spec.name().orElse(null);
            if (port == null && property != null) {
                port = asPort(values.apply(property));
            }
            if (port == null || port + spec.count() - 1 > PortRange.MAX_PORT) {
                missing.add(property);
                continue;
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (int p = port; p < port + spec.count(); p++) {
                verdicts.add(new Verdict(Status.UNAVAILABLE, null, p, NOT_CHECKED));
            }
            results.add(new EntryResult(spec, spec.host().orElse(defaultHost), "-", Outcome.UNCHECKED, verdicts,
                    Collections.<Verdict>emptyList(), 0, Collections.<Verdict>emptyList(), 0));
        }
        if (!missing.isEmpty()) {
            StringBuilder give = new StringBuilder();
            for (String name : missing) {
                give.append(give.length() == 0 ? "" : " ").append("-D").append(name).append("=PORT");
            }
            throw new ConfigurationException("The port check is skipped, so " + (missing.size() == 1
                    ? "entry '" + missing.get(0) + "' gets no port: it asks for any free port, which only the check"
                    : missing.size() + " entries get no port: " + quoted(missing) + " ask for any free port, which"
                            + " only the check") + " can find. Give " + (missing.size() == 1 ? "it" : "each")
                    + " a port on the command line (" + give + "), or do not skip the check.");
        }
        return new CheckResult(results, ConflictPolicy.WARN, Collections.<String>emptyList(),
                Collections.<PortRange>emptyList());
    }

    private static Integer asPort(String value) {
        try {
            int port = Integer.parseInt(String.valueOf(value).trim());
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String quoted(List<String> names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(text.length() == 0 ? "'" : ", '").append(name).append('\'');
        }
        return text.toString();
    }
}
