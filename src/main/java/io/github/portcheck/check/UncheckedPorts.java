package io.github.portcheck.check;

import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a skipped check still owes later plugins: no probe and no lease, but a port for every named entry, so that
 * {@code ${name}} resolves; the settings found each entry's port.
 */
final class UncheckedPorts implements CheckRunner {
    private final CheckSettings settings;

    UncheckedPorts(CheckSettings settings) {
        this.settings = settings;
    }

    @Override
    public CheckResult run() {
        List<EntryResult> results = new ArrayList<>();
        for (Map.Entry<PortRequest, Integer> e : settings.uncheckedPorts().entrySet()) {
            results.add(EntryResult.unchecked(e.getKey(), e.getKey().host().orElse(settings.host()), e.getValue()));
        }
        return CheckResult.skipped(results);
    }
}
