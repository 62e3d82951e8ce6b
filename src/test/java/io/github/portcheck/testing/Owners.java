package io.github.portcheck.testing;

import io.github.portcheck.allocation.LeaseOwner;

/** Lease owners for tests: modules of one test build. */
public final class Owners {
    public static final LeaseOwner BUILD = LeaseOwner.of("test-build", "-", "this build");

    private Owners() {
    }

    public static LeaseOwner module(String name) {
        return LeaseOwner.of(BUILD.build(), "it:" + name, name);
    }
}
