package io.brandpulse.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An acknowledgement from the control topic: who, an optional note, nothing else. */
class AcknowledgementTest {
    @Test
    void namesTheIncidentWhoAndWhy() {
        Acknowledgement a =
                Acknowledgement.parse("ack:fa1c06f5", "{\"by\":\" li.wei \",\"note\":\"on it\"}");
        assertEquals("fa1c06f5", a.incidentId());
        assertEquals("li.wei", a.by());
        assertEquals("on it", a.note());
        assertNull(Acknowledgement.parse("ack:x", "{\"by\":\"ops\"}").note());
    }

    @Test
    void recordsThatDoNotHoldAreRefusedWithTheirKey() {
        assertTrue(refused("ack:x", "{\"note\":\"n\"}").contains("key 'by'"));
        assertTrue(
                refused("ack:x", "{\"by\":\"b\",\"until\":\"x\"}").contains("unknown key 'until'"));
        assertTrue(refused("ack:x", "{\"by\":\"b\",\"note\":3}").contains("key 'note'"));
        assertTrue(refused("ack:", "{\"by\":\"b\"}").contains("ack:<incidentId>"));
        assertTrue(refused("ack:x", "nope").contains("not valid JSON"));
    }

    private static String refused(String key, String value) {
        return assertThrows(ConfigException.class, () -> Acknowledgement.parse(key, value))
                .getMessage();
    }
}
