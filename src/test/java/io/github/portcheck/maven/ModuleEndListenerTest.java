package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.OpenFiles;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases end with their module and their build, told by Maven's execution events; every event still passes on. */
class ModuleEndListenerTest {
    private final List<String> passedOn = new ArrayList<>();
    private final ExecutionListener logger = (ExecutionListener) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ExecutionListener.class}, (proxy, method, args) -> passedOn.add(method.getName()));

    private static MavenProject project(String artifactId) {
        MavenProject project = new MavenProject();
        project.setGroupId("it");
        project.setArtifactId(artifactId);
        return project;
    }

    private static ExecutionEvent event(ExecutionEvent.Type type, MavenProject project) {
        return (ExecutionEvent) Proxy.newProxyInstance(ModuleEndListenerTest.class.getClassLoader(),
                new Class<?>[] {ExecutionEvent.class}, (proxy, method, args) ->
                        method.getName().equals("getType") ? type
                                : method.getName().equals("getProject") ? project : null);
    }

    @Test
    void aModulesLeasesEndWithTheModuleAndAllOfThemWithTheBuild(@TempDir Path dir) throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setStartTime(new Date());
        request.setExecutionListener(logger);
        MavenProject a = project("module-a");
        MavenProject b = project("module-b");
        LeaseOwner ownerA = ModuleEndListener.ownerFor(request, a);
        ExecutionListener chained = request.getExecutionListener();
        assertNotSame(logger, chained);
        LeaseOwner ownerB = ModuleEndListener.ownerFor(request, b);
        assertSame(chained, request.getExecutionListener(), "one listener per build");
        assertTrue(ownerA.sameBuild(ownerB) && !ownerA.sameModule(ownerB));

        LeaseBook book = Leases.in(dir);
        assertTrue(book.claim(21001, ownerA).granted());
        assertEquals("leased by this build (module-a)", book.claim(21001, ownerB).heldBy());
        chained.projectSucceeded(event(ExecutionEvent.Type.ProjectSucceeded, a));
        assertTrue(book.claim(21001, ownerB).granted(), "module-a ended, so its port is free for module-b");

        assertTrue(book.claim(21002, ModuleEndListener.ownerFor(request, a)).granted());
        chained.projectFailed(event(ExecutionEvent.Type.ProjectFailed, project("module-c")));
        Path file = dir.resolve(LeaseDirectory.FILE_NAME);
        assertEquals("locked", LockProbe.of(file, 21001), "another module's end ends no lease of these");
        assertEquals("locked", LockProbe.of(file, 21002));
        chained.sessionEnded(event(ExecutionEvent.Type.SessionEnded, null));
        assertEquals("unlocked", LockProbe.of(file, 21001));
        assertEquals("unlocked", LockProbe.of(file, 21002));
        assertEquals(0, OpenFiles.in(dir), "no lock file is left open");

        MavenExecutionRequest next = new DefaultMavenExecutionRequest().setStartTime(new Date());
        assertFalse(ModuleEndListener.ownerFor(next, a).sameBuild(ownerA), "the next build is another build");
    }

    @Test
    void everyEventPassesOnToTheListenerThatWasThere() throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setStartTime(new Date());
        request.setExecutionListener(logger);
        ModuleEndListener.ownerFor(request, project("module-a"));
        ExecutionListener chained = request.getExecutionListener();
        List<String> events = new ArrayList<>();
        for (Method m : ExecutionListener.class.getMethods()) {
            m.invoke(chained, event(null, project("module-x")));
            events.add(m.getName());
        }
        assertEquals(17, events.size());
        assertEquals(events, passedOn);
    }
}
