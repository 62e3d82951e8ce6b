package io.github.portcheck.testing;

import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entries of check-ports for tests, read as a build reads them: through the checked settings. */
public final class Requests {
    private Requests() {
    }

    public static List<PortRequest> of(String... entries) throws ConfigurationException {
        return of(Arrays.asList(entries));
    }

    public static List<PortRequest> of(List<String> entries) throws ConfigurationException {
        List<PortEntry> raw = new ArrayList<>();
        for (String entry : entries) {
            raw.add(PortEntry.of(entry));
        }
        return new RawCheckSettings().ports(raw).checked(BuildProperties.NONE).requests();
    }
}
