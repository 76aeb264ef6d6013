package io.brandpulse.jobs.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds mention JSON lines for tests. */
public final class Mentions {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public static final long T0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    private Mentions() {}

    public static ObjectNode mention(String id, String authorId, String text, long createdAt) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("id", id);
        m.put("platform", "weibo");
        m.put("createdAt", createdAt);
        m.putObject("author").put("id", authorId);
        m.put("text", text);
        return m;
    }

    public static String line(String id, String authorId, String text, long createdAt) {
        return mention(id, authorId, text, createdAt).toString();
    }
}
