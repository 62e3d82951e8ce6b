package io.github.portcheck.maven;

import io.github.portcheck.config.Setting;
import io.github.portcheck.config.SettingNames;

/**
 * How a setting is called in Maven: the goal's parameter of the same name, and its user property {@code
 * portcheck.NAME}. The one place of this wording; a test holds it to the plugin descriptor.
 */
final class MavenParameters {
    static final SettingNames NAMES = setting -> "parameter " + setting.key()
            + (property(setting) == null ? "" : " (" + property(setting) + ")");

    private MavenParameters() {
    }

    /** The user property, or null for a parameter that has none (a map cannot be given on the command line). */
    static String property(Setting setting) {
        switch (setting) {
            case ENVIRONMENT:
                return null;
            case START_TIMEOUT:
                return "portcheck.start.timeout";
            default:
                return "portcheck." + setting.key();
        }
    }
}
