package io.github.portcheck.report;

import io.github.portcheck.check.EntryResult;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import java.util.List;
import java.util.Optional;

/** The words for a verdict, shared by the table and the failure message so both say the same. */
final class Wording {
    static final String NOT_CHECKED = "not checked (skipped)";

    private Wording() {
    }

    /** E.g. "in use by PID 812: postgres", "permission denied", "no answer within 1000 ms". */
    static String verdict(Verdict v, Optional<Holder> holder) {
        switch (v.status()) {
            case IN_USE:
                return "in use " + holderText(holder);
            case RESERVED: // the system's own list says why
                return v.reason() + holder.filter(Holder::isKnown).map(h -> ", held by " + h.describe()).orElse("");
            case DENIED: // a refused bind alone does not say why
                return "permission denied (a privileged port, or one the system excludes)"
                        + holder.filter(Holder::isKnown).map(h -> ", held by " + h.describe()).orElse("");
            case NO_ANSWER:
                return v.reason() + " (a listener that does not accept, or a firewall), so not known to be free"
                        + holder.filter(Holder::isKnown).map(h -> "; held by " + h.describe()).orElse("");
            case UNAVAILABLE:
                return "not probed: " + v.reason();
            default:
                return v.reason();
        }
    }

    private static String holderText(Optional<Holder> holder) {
        if (!holder.isPresent()) {
            return "(holder unknown)";
        }
        return holder.get().isKnown() ? "by " + holder.get().describe() : "by a process this user cannot see";
    }

    /** The verdict column of the table for one entry. */
    static String outcome(EntryResult e) {
        switch (e.outcome()) {
            case FREE:
                return e.verdict().get().reason() + passedOver(e);
            case UNCHECKED:
                return NOT_CHECKED;
            case REASSIGNED:
                return "reassigned from " + configured(e) + " ("
                        + e.conflict().map(v -> verdict(v, e.holder())).orElse("none free") + alsoNotFree(e) + ")";
            default:
                return e.conflict().map(v -> verdict(v, e.holder()) + alsoNotFree(e)).orElse(noneFree(e));
        }
    }

    /** E.g. " (passed over: 18100 leased by another build (PID 4242), 18101 in use, 5 more)", or "". */
    private static String passedOver(EntryResult e) {
        if (e.passedOver().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (passed over: ");
        for (Verdict v : e.passedOver()) {
            text.append(v.port()).append(' ').append(v.reason()).append(", ");
        }
        int more = e.notFree() - e.passedOver().size();
        return more > 0 ? text.append(more).append(" more)").toString()
                : text.replace(text.length() - 2, text.length(), ")").toString();
    }

    /** For a fixed block: its other ports that are not free, e.g. "; also not free: 7002 in use", or "". */
    private static String alsoNotFree(EntryResult e) {
        StringBuilder text = new StringBuilder();
        for (Verdict v : e.conflicts().subList(Math.min(1, e.conflicts().size()), e.conflicts().size())) {
            text.append(text.length() == 0 ? "; also not free: " : ", ").append(v.port()).append(' ')
                    .append(v.reason());
        }
        return text.toString();
    }

    /** The ports the entry asked for: a port, a range, or a block's range. */
    private static String configured(EntryResult e) {
        return e.request().range().map(Object::toString).orElse("any");
    }

    /** The PORT column: the port, a block's first-last, or what was asked for when nothing was found. */
    static String ports(EntryResult e) {
        List<Integer> ports = e.ports();
        if (ports.isEmpty()) {
            return configured(e) + (e.request().isBlock() && !e.request().range().isPresent() ? " (" + e.request().count() + ")" : "");
        }
        return ports.size() == 1 ? ports.get(0).toString() : ports.get(0) + "-" + ports.get(ports.size() - 1);
    }

    /**
     * One line of the failure message for a taken entry.
     *
     * @param anyPool where an entry without a range searched, named when it found nothing
     */
    static String conflict(EntryResult e, List<PortRange> anyPool) {
        String name = e.request().name().map(n -> " (" + n + ")").orElse("");
        if (e.conflict().isPresent()) {
            Verdict v = e.conflict().get();
            // "is in use by ...", "is leased by ..." read as a sentence; any other verdict follows a colon
            boolean sentence = v.status() == Status.IN_USE || v.status() == Status.LEASED;
            return "port " + v.port() + name + " on " + e.host() + (sentence ? " is " : ": ") + verdict(v, e.holder())
                    + alsoNotFree(e);
        }
        String where = e.request().range().map(r -> "in " + r).orElse(anyPool.isEmpty() ? "left to choose from"
                : "in " + ranges(anyPool));
        String what = e.request().isBlock() ? "no " + e.request().count() + " contiguous free ports " : "no free port ";
        return what + where + name + " on " + e.host() + ": " + noneFree(e);
    }

    /** E.g. "10000-32767, 61000-65535"; a pool that exclusions cut into many ranges is cut short. */
    private static String ranges(List<PortRange> pool) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(pool.size(), 4); i++) {
            text.append(i == 0 ? "" : ", ").append(pool.get(i));
        }
        return pool.size() > 4 ? text.append(" and ").append(pool.size() - 4).append(" more ranges").toString()
                : text.toString();
    }

    private static String noneFree(EntryResult e) {
        return "none free (" + e.tried() + " tried)";
    }
}
