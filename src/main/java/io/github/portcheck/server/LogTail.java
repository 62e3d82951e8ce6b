package io.github.portcheck.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The server's output as it grows in its log file: read when asked (each look of the readiness wait), line by line,
 * matched against the line that shows readiness, the last lines kept for a failure's message. The file is the
 * server's own output, so nothing blocks the server, and it outlives the build.
 */
final class LogTail {
    /** Lines kept for a failure's message. */
    static final int KEPT = 20;
    /** A longer line is cut: a server that prints without newlines must not fill the heap. */
    private static final int MAX_LINE = 64 * 1024;

    private final Path file;
    private final Pattern ready;
    private final CharsetDecoder decoder;
    private final Deque<String> last = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private long offset;
    private String matched;

    /** @param ready the line to look for; null for none */
    LogTail(Path file, Pattern ready, Charset charset) {
        this.file = file;
        this.ready = ready;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Reads what the server wrote since the last call; true once a line matched. */
    synchronized boolean readyLineSeen() {
        readNew();
        return matched != null;
    }

    /** The line that matched, or null. */
    synchronized String matchedLine() {
        return matched;
    }

    /** The last lines of output, the one being written included. */
    synchronized List<String> lastLines() {
        readNew();
        List<String> lines = new ArrayList<>(last);
        if (partial.length() > 0) {
            lines.add(partial.toString());
        }
        return lines.subList(Math.max(0, lines.size() - KEPT), lines.size());
    }

    private void readNew() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line(partial.toString());
                    partial.setLength(0);
                } else if (c != '\r' && partial.length() < MAX_LINE) {
                    partial.append(c);
                }
            }
        } catch (IOException e) {
            // not written yet
        }
    }

    private void line(String line) {
        last.addLast(line);
        if (last.size() > KEPT) {
            last.removeFirst();
        }
        if (matched == null && ready != null && ready.matcher(line).find()) {
            matched = line;
        }
    }
}
