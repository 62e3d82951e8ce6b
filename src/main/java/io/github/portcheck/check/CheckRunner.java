package io.github.portcheck.check;

import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;

/** A check-ports run, made from its settings by {@link PortChecks}: all a front end does is run it. */
@FunctionalInterface
public interface CheckRunner {
    /**
     * @throws HostNotFoundException   where a host of the entries does not resolve
     * @throws NotLocalHostException   where the bind detector is asked for another machine's address
     * @throws LeaseDirectoryException where the lease file proved unusable: no port could be leased
     */
    CheckResult run() throws HostNotFoundException, NotLocalHostException, LeaseDirectoryException;
}
