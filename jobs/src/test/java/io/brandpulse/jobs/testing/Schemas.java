package io.brandpulse.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The topic contracts (JSON Schemas shipped in common), resolved from the classpath, with formats
 * asserted.
 */
public final class Schemas {
    private Schemas() {}

    public static JsonSchema load(String name) {
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V202012,
                        builder ->
                                builder.schemaMappers(
                                        mappers ->
                                                mappers.mapPrefix(
                                                        "https://brandpulse.io/schemas/",
                                                        "classpath:schemas/")));
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name)) {
            assertNotNull(in, "schema on the classpath: " + name);
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(
                errors.isEmpty(),
                () -> "breaks " + schema.getSchemaLocation() + ": " + errors + "\n" + json);
    }
}
