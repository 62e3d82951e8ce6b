package io.github.portcheck.check;

import io.github.portcheck.allocation.Claim;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortLease;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.probe.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Leases each port, then probes it: the lease decides between modules and builds, the probe what else holds the
 * port. A port this check leased already (the same fixed port on two hosts) is only probed. Connect targets probe a
 * batch of ports at once and give back the leases of free ports the walk did not choose.
 */
final class LeaseThenProbe implements PortChooser.Tester {
    /** Ports per round for targets that probe many ports at once. */
    static final int BATCH = 64;

    private final ProbeTarget target;
    private final LeaseBook leases;
    private final LeaseOwner owner;
    private final Set<Integer> leasedHere;
    private final Set<Integer> heldElsewhere;
    private final Map<Integer, PortLease> taken = new HashMap<>();

    /**
     * @param leasedHere    the ports this check holds, shared by the testers of all its entries
     * @param heldElsewhere receives the ports another process holds, whose holders the check names at its end
     */
    LeaseThenProbe(ProbeTarget target, LeaseBook leases, LeaseOwner owner, Set<Integer> leasedHere,
            Set<Integer> heldElsewhere) {
        this.target = target;
        this.leases = leases;
        this.owner = owner;
        this.leasedHere = leasedHere;
        this.heldElsewhere = heldElsewhere;
    }

    @Override
    public Verdict test(int port) {
        return testAll(new int[] {port})[0];
    }

    @Override
    public Verdict[] testAll(int[] ports) {
        Verdict[] verdicts = new Verdict[ports.length];
        int[] claimed = new int[ports.length];
        int n = 0;
        for (int i = 0; i < ports.length; i++) {
            if (leasedHere.contains(ports[i])) {
                claimed[n++] = i;
                continue;
            }
            Claim claim;
            try {
                claim = leases.claim(ports[i], owner);
            } catch (LeaseDirectoryException e) {
                throw new LeasesUnusable(e);
            }
            if (claim.granted()) {
                taken.put(ports[i], claim.lease());
                claimed[n++] = i;
            } else {
                verdicts[i] = new Verdict(Status.LEASED, null, ports[i], claim.heldBy());
                if (claim.heldByAnotherProcess()) {
                    heldElsewhere.add(ports[i]);
                }
            }
        }
        int[] toProbe = new int[n];
        for (int k = 0; k < n; k++) {
            toProbe[k] = ports[claimed[k]];
        }
        Verdict[] probed = n == 1 ? new Verdict[] {target.probe(toProbe[0])} : target.probeAll(toProbe);
        for (int k = 0; k < n; k++) {
            verdicts[claimed[k]] = probed[k];
            if (probed[k].isFree()) {
                leasedHere.add(toProbe[k]);
            } else {
                giveBack(toProbe[k]);
            }
        }
        return verdicts;
    }

    @Override
    public void giveBack(int port) {
        PortLease lease = taken.remove(port);
        if (lease != null) {
            lease.release();
            leasedHere.remove(port);
        }
    }

    @Override
    public int batch() {
        return target.batches() ? BATCH : 1;
    }

    /** The lease file failed: no port can be leased, so the whole check ends (see {@link PortCheck#run}). */
    static final class LeasesUnusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeasesUnusable(LeaseDirectoryException cause) {
            super(cause.getMessage(), cause);
        }

        LeaseDirectoryException cause() {
            return (LeaseDirectoryException) getCause();
        }
    }
}
