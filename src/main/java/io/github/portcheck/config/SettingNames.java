package io.github.portcheck.config;

/** How a front end calls a setting in its messages, e.g. "parameter onConflict (portcheck.onConflict)". */
@FunctionalInterface
public interface SettingNames {
    /** Just the setting's name: for tests and for messages outside a front end. */
    SettingNames PLAIN = setting -> "setting " + setting.key();

    String of(Setting setting);
}
