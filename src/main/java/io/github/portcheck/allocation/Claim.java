package io.github.portcheck.allocation;

/** The answer to "may this build have port n?": a lease, or who holds it. */
public final class Claim {
    private final PortLease lease;
    private final String heldBy;

    private Claim(PortLease lease, String heldBy) {
        this.lease = lease;
        this.heldBy = heldBy;
    }

    static Claim granted(PortLease lease) {
        return new Claim(lease, null);
    }

    static Claim refused(String heldBy) {
        return new Claim(null, heldBy);
    }

    public boolean granted() {
        return lease != null;
    }

    public PortLease lease() {
        return lease;
    }

    /** E.g. "leased by another build (PID 4242)" or "leased by this build (module-a)". */
    public String heldBy() {
        return heldBy;
    }
}
