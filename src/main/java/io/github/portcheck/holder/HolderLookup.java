package io.github.portcheck.holder;

import java.util.Map;
import java.util.Set;

/** Names the processes that hold ports; asked once per check, and only to explain conflicts. */
public interface HolderLookup {

    /** The holder of each port that this lookup could explain; ports it cannot explain are absent. */
    Map<Integer, Holder> find(Set<Integer> ports);

    /** For systems without a way to look: explains nothing. */
    HolderLookup NONE = ports -> java.util.Collections.emptyMap();
}
