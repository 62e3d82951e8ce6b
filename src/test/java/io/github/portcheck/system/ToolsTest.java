package io.github.portcheck.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The system's tools as processes: output, a tool that is not there, a tool that takes too long. */
class ToolsTest {
    private final Tools tools = Tools.processes(500);

    @Test
    void printsTheToolsLinesAndExitCode() {
        Tools.Output out = tools.run(List.of("sh", "-c", "echo one; echo two; exit 3"));
        assertEquals(List.of("one", "two"), out.lines());
        assertEquals(3, out.exit());
        assertEquals(null, out.failure());
    }

    @Test
    void aMissingToolIsAReasonNotAnError() {
        Tools.Output out = tools.run(List.of("portcheck-no-such-tool", "-v"));
        assertTrue(out.failure().startsWith("portcheck-no-such-tool is not installed or cannot run"), out.failure());
        assertEquals(List.of(), out.lines());
    }

    @Test
    void aSlowToolIsEndedAtItsTimeLimit() {
        long start = System.nanoTime();
        Tools.Output out = tools.run(List.of("sleep", "30"));
        assertEquals("sleep gave no answer within 500 ms", out.failure());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "ended long before the tool would have");
    }
}
