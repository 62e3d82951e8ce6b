package io.github.portcheck.config;

import java.util.Map;

/** The properties of the build an entry may name, as the front end knows them. */
public interface BuildProperties {
    /** None: no build around, as in a test. */
    BuildProperties NONE = new BuildProperties() {
        @Override
        public String commandLine(String name) {
            return null;
        }

        @Override
        public String value(String name) {
            return null;
        }
    };

    /** The value given on the command line ({@code -Dname=value}), which wins over anything a goal exports; or null. */
    String commandLine(String name);

    /** The value the build has now: given on the command line, set in the pom, or exported earlier; or null. */
    String value(String name);

    /** These properties with {@code values} over them, such as the ports a goal has just chosen. */
    default BuildProperties with(Map<String, String> values) {
        BuildProperties under = this;
        return new BuildProperties() {
            @Override
            public String commandLine(String name) {
                return under.commandLine(name);
            }

            @Override
            public String value(String name) {
                return values.containsKey(name) ? values.get(name) : under.value(name);
            }
        };
    }
}
