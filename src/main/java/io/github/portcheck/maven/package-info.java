/**
 * The Maven layer: one Mojo per goal, each reading its parameters into the goal's raw settings, checking them
 * ({@code config}), building one runner from the checked settings and running it, then mapping the result to Maven:
 * log lines, project properties, and {@link org.apache.maven.plugin.MojoFailureException}s worded in pom terms by
 * {@code MojoFailures}. Nothing here decides; everything here is Maven's vocabulary.
 *
 * <p>Why what a build holds ends through a chained {@link org.apache.maven.execution.ExecutionListener}, and not
 * through an {@code AbstractMavenLifecycleParticipant}: a lifecycle participant is a component that Maven looks up
 * only in build extensions (a {@code <extensions>true</extensions>} plugin or {@code .mvn/extensions.xml}), so a
 * plain plugin's participant is never called, and asking users to declare this plugin as an extension would load it
 * into every build's core realm. The session's request, though, holds one execution listener that Maven reads at
 * every event, on every Maven from 3.6.3 to 4 ({@code DefaultExecutionEventCatapult}): a plugin can chain its own
 * listener in front of it, passing every event on, and so learns when each module and the build end, also in a JVM
 * that outlives the build (mvnd, an IDE), where a shutdown hook would never run.
 */
package io.github.portcheck.maven;
