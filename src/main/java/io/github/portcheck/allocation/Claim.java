package io.github.portcheck.allocation;

/** The answer to "may this build have port n?": a lease, or who holds it. */
public final class Claim {
    /** The words of a lease held by another process, whose PID {@link LeaseBook#holders} finds when needed. */
    public static final String ANOTHER_BUILD = "leased by another build";

    private final PortLease lease;
    private final String heldBy;
    private final boolean elsewhere;

    private Claim(PortLease lease, String heldBy, boolean elsewhere) {
        this.lease = lease;
        this.heldBy = heldBy;
        this.elsewhere = elsewhere;
    }

    static Claim granted(PortLease lease) {
        return new Claim(lease, null, false);
    }

    /** Refused within this JVM: another module or realm holds the port. */
    static Claim refused(String heldBy) {
        return new Claim(null, heldBy, false);
    }

    /** Refused by another process's lock. */
    static Claim byAnotherProcess() {
        return new Claim(null, ANOTHER_BUILD, true);
    }

    /** Held by another process: its PID is looked up afterwards, for the ports a report shows. */
    public boolean heldByAnotherProcess() {
        return elsewhere;
    }

    public boolean granted() {
        return lease != null;
    }

    public PortLease lease() {
        return lease;
    }

    /** E.g. "leased by another build" or "leased by this build (module-a)". */
    public String heldBy() {
        return heldBy;
    }
}
