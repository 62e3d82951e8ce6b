package io.github.portcheck.allocation;

import java.util.Objects;

/**
 * Who holds a lease: a module of a build. A lease ends when its module ends, so a module never conflicts with
 * itself (two executions on one port), while a sibling module of the same build does.
 */
public final class LeaseOwner {
    private final String build;
    private final String module;
    private final String label;
    private final String encoded;

    private LeaseOwner(String build, String module, String label) {
        this.build = Objects.requireNonNull(build);
        this.module = Objects.requireNonNull(module);
        this.label = Objects.requireNonNull(label);
        this.encoded = build + ' ' + module + ' ' + label;
    }

    /**
     * @param build  the same for every module of one build, and for every plugin realm in it
     * @param module e.g. groupId:artifactId
     * @param label  what messages call the module, e.g. its artifactId
     */
    public static LeaseOwner of(String build, String module, String label) {
        return new LeaseOwner(build.replace(' ', '_'), module.replace(' ', '_'), label);
    }

    public String build() {
        return build;
    }

    public String label() {
        return label;
    }

    public boolean sameModule(LeaseOwner other) {
        return build.equals(other.build) && module.equals(other.module);
    }

    public boolean sameBuild(LeaseOwner other) {
        return build.equals(other.build);
    }

    /** One line of text: the form in which other plugin realms of this JVM see it. */
    String encoded() {
        return encoded;
    }

    static LeaseOwner decode(String text) {
        String[] parts = text.split(" ", 3);
        return parts.length == 3 ? new LeaseOwner(parts[0], parts[1], parts[2]) : new LeaseOwner("?", "?", text);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
