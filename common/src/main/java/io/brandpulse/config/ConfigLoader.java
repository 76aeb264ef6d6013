package io.brandpulse.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one YAML configuration file, applies command-line overrides ({@code key.path=value}),
 * resolves secret references ({@code ${env:NAME}}, {@code ${env:NAME:-default}}, {@code
 * ${file:/path}}) and validates the result. Every error names the key that is wrong. Values are
 * typed here, once: durations ({@code 30s}, {@code 5m}, see {@link Durations}) become {@link
 * Duration}s and closed sets enums, written as their {@code toString()}.
 */
public final class ConfigLoader {
    private static final Pattern SECRET_REF =
            Pattern.compile("\\$\\{(env|file):([^}]*?)(?::-([^}]*))?}");
    private static final Pattern ACCOUNT = Pattern.compile("[^:\\s]+:\\S+");
    private static final int MIN_PSEUDONYM_KEY_LENGTH = 16;

    /**
     * Unknown keys are errors. A key left empty ({@code optOut:} with its entries commented out)
     * means an empty list or a section of defaults, not a crash; an empty required value is caught
     * by validation. One mapper for every loader of the JVM (thread-safe once built): each operator
     * that follows the control topic has its own loader, and Jackson builds its deserializers once
     * per mapper, which cost the first change of a burst in each of them.
     */
    private static final ObjectMapper yaml =
            YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                    .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY))
                    .addModule(
                            new SimpleModule("durations")
                                    .addDeserializer(Duration.class, new DurationDeserializer())
                                    .addSerializer(Duration.class, ToStringSerializer.instance))
                    .build();

    /**
     * What reads a control record's definition: JSON, as the topic's contract says. The YAML mapper
     * read it before and let through what is YAML but not JSON ({@code id: x}); its parser was also
     * a third of what reading a definition cost.
     */
    private static final ObjectMapper definitionReader =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final UnaryOperator<String> environment;
    private boolean secretsOptional;

    public ConfigLoader() {
        this(System::getenv);
    }

    /**
     * A loader for tools that read only the brands and terms of a configuration (scripts/analyze,
     * scripts/segment): a secret reference that cannot be resolved here becomes a placeholder
     * instead of an error.
     */
    public static ConfigLoader withoutSecrets() {
        ConfigLoader loader = new ConfigLoader();
        loader.secretsOptional = true;
        return loader;
    }

    /** For tests: a stand-in for the process environment. */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public ListeningConfig load(Path file, List<String> overrides) {
        String source = file.toString();
        JsonNode tree;
        try {
            tree = yaml.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
        return fromTree(source, tree, overrides);
    }

    public ListeningConfig parse(String source, String yamlText, List<String> overrides) {
        try {
            return fromTree(source, yaml.readTree(yamlText), overrides);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * One brand's definition as the control topic carries it (JSON, the shape of a {@code brands[]}
     * entry), read and checked by the same rules, with the same errors, as a brand of the file, for
     * the deployment it joins: its {@code detectors} go on top of that deployment's {@code
     * alerts.detectors}, and its competitors must be among {@code brandIds}. Error keys are paths
     * inside the definition ({@code keywords[2]}, {@code detectors.negativeSurge.span}).
     *
     * @throws ConfigException naming the first problem and its path
     */
    public BrandSettings brand(
            String source, String json, ListeningConfig deployment, Set<String> brandIds) {
        BrandKey key = new BrandKey(fingerprint(deployment), json, Set.copyOf(brandIds));
        if (BRANDS_READ.size() > BRANDS_KEPT) {
            BRANDS_READ.clear(); // what is in force is read again once, then kept again
        }
        // operators apply the same record at the same moment in their own threads: the first
        // reads it, the others wait for that reading instead of repeating it
        return BRANDS_READ.computeIfAbsent(key, k -> readBrand(source, json, deployment, brandIds));
    }

    private static final int BRANDS_KEPT = 256;

    /**
     * Brand definitions read and found valid, shared by every operator of the JVM: each operator
     * that follows the control topic reads every definition (seven of them per parallel instance),
     * and a definition read once need not be read again. Only what was accepted is kept; the
     * deployment's detectors and window, and the brand ids in force, are part of the key.
     */
    private static final Map<BrandKey, BrandSettings> BRANDS_READ = new ConcurrentHashMap<>();

    /** What of a deployment a brand's reading depends on, by deployment (kept while it lives). */
    private static final Map<ListeningConfig, String> FINGERPRINTS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private record BrandKey(String deployment, String json, Set<String> brandIds) {}

    private String fingerprint(ListeningConfig deployment) {
        return FINGERPRINTS.computeIfAbsent(
                deployment,
                d -> yaml.valueToTree(d.alerts.detectors).toString() + " " + d.metrics.window);
    }

    private BrandSettings readBrand(
            String source, String json, ListeningConfig deployment, Set<String> brandIds) {
        JsonNode definition;
        try {
            definition = definitionReader.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(definition instanceof ObjectNode)) {
            throw new ConfigException(source + ": a brand's definition must be a JSON object");
        }
        ObjectNode root = yaml.createObjectNode();
        root.set(
                "alerts",
                yaml.createObjectNode()
                        .set("detectors", yaml.valueToTree(deployment.alerts.detectors)));
        root.putArray("brands").add(definition);
        try {
            // No ${env:...} or ${file:...} here: a brand has no secrets, and a record on a topic
            // must not make the job read its environment or files into outputs.
            checkTypes(source, root);
            bind(source, root);
            mergeBrandDetectors(root);
            BrandSettings brand = bind(source, root).brands.get(0);
            Validation v = new Validation(source);
            validateBrand(v, "brands[0]", brand, deployment.metrics.window);
            for (String competitor : brand.competitors) {
                v.require(
                        brandIds.contains(competitor) && !competitor.equals(brand.id),
                        "brands[0].competitors",
                        "'" + competitor + "' is not the id of another configured brand");
            }
            return brand;
        } catch (ConfigException e) {
            // the definition is the whole record: its keys are paths inside it
            throw new ConfigException(
                    e.getMessage()
                            .replace("key 'brands[0].", "key '")
                            .replace("'brands[0]'", "the definition"),
                    e);
        }
    }

    private ListeningConfig fromTree(String source, JsonNode tree, List<String> overrides) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = yaml.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new ConfigException(source + ": the top level must be a mapping of keys");
        }
        for (String override : overrides) {
            applyOverride(source, (ObjectNode) tree, override);
        }
        resolveSecrets(source, tree, "");
        checkTypes(source, tree);
        bind(
                source,
                tree); // first as written, so that an error names the key where the user wrote it
        mergeBrandDetectors((ObjectNode) tree);
        ListeningConfig config = bind(source, tree);
        validate(source, config);
        return config;
    }

    /**
     * Durations and enums are checked in the file as written, before binding, at the key paths of
     * the reference's own walk ({@link ConfigReference#walk}), so the error names the key and says
     * what to write; binding then parses each value once, and nothing parses it again at run time.
     */
    private static void checkTypes(String source, JsonNode tree) {
        Validation v = new Validation(source);
        ConfigReference.walk(
                tree,
                (key, field, value) -> {
                    if (value instanceof JsonNode node
                            && !node.isContainerNode()) { // a mapping or list here: Jackson says
                        // "wrong type"
                        if (field.getType() == Duration.class) {
                            v.duration(key, node.isNull() ? null : node.asText());
                        } else if (field.getType().isEnum()) {
                            v.oneOf(
                                    key,
                                    field.getType().getEnumConstants(),
                                    node.isNull() ? "" : node.asText());
                        }
                    }
                });
    }

    /**
     * A duration as people write it ({@link Durations}), not ISO-8601 only as
     * jackson-datatype-jsr310 reads it.
     */
    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Durations.parse(text == null ? "" : text);
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, e.getMessage());
            }
        }
    }

    private ListeningConfig bind(String source, JsonNode tree) {
        ListeningConfig config;
        try {
            config = yaml.treeToValue(tree, ListeningConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known =
                    e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw new ConfigException(
                    source + ": unknown key '" + keyPath(e) + "' (known keys here: " + known + ")",
                    e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(
                    source
                            + ": key '"
                            + keyPath(e)
                            + "' has the wrong type: "
                            + e.getOriginalMessage(),
                    e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
        return config;
    }

    /**
     * Each brand's {@code detectors} become the global {@code alerts.detectors} with the brand's
     * values on top, so a brand overrides one threshold without repeating the others.
     */
    private void mergeBrandDetectors(ObjectNode root) {
        JsonNode alerts = root.get("alerts");
        JsonNode global =
                alerts != null && alerts.get("detectors") instanceof ObjectNode d
                        ? d
                        : yaml.createObjectNode();
        if (!(root.get("brands") instanceof ArrayNode brands)) {
            return;
        }
        for (JsonNode brand : brands) {
            if (brand instanceof ObjectNode b) {
                JsonNode own = b.get("detectors");
                if (own == null || own.isNull() || own instanceof ObjectNode) {
                    b.set("detectors", deepMerge(global.deepCopy(), own));
                }
            }
        }
    }

    private static JsonNode deepMerge(JsonNode base, JsonNode top) {
        if (!(base instanceof ObjectNode b) || !(top instanceof ObjectNode t)) {
            return top == null || top.isNull() ? base : top;
        }
        t.fields()
                .forEachRemaining(
                        field ->
                                b.set(
                                        field.getKey(),
                                        deepMerge(b.get(field.getKey()), field.getValue())));
        return b;
    }

    private void applyOverride(String source, ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override '" + override + "' must look like key.path=value");
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        String value = override.substring(eq + 1);
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(path[i]);
            } else if (!child.isObject()) {
                throw new ConfigException(
                        source
                                + ": override '"
                                + override
                                + "': '"
                                + path[i]
                                + "' is not a mapping");
            }
            node = (ObjectNode) child;
        }
        JsonNode parsedValue;
        try {
            parsedValue = yaml.readTree(value);
        } catch (JsonProcessingException e) {
            parsedValue = TextNode.valueOf(value);
        }
        node.set(
                path[path.length - 1],
                parsedValue == null || parsedValue.isMissingNode()
                        ? TextNode.valueOf(value)
                        : parsedValue);
    }

    private void resolveSecrets(String source, JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getValue().isTextual()) {
                    field.setValue(
                            TextNode.valueOf(
                                    resolve(source, childPath, field.getValue().textValue())));
                } else {
                    resolveSecrets(source, field.getValue(), childPath);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(
                            i,
                            TextNode.valueOf(resolve(source, childPath, array.get(i).textValue())));
                } else {
                    resolveSecrets(source, array.get(i), childPath);
                }
            }
        }
    }

    private String resolve(String source, String key, String value) {
        Matcher m = SECRET_REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String name = m.group(2).trim();
            String fallback = m.group(3);
            String resolved;
            if (kind.equals("env")) {
                resolved = environment.apply(name);
                if (resolved == null || resolved.isEmpty()) {
                    resolved = fallback;
                }
                if (resolved == null && secretsOptional) {
                    resolved = "<unresolved secret " + name + ">";
                }
                if (resolved == null) {
                    throw new ConfigException(
                            source
                                    + ": key '"
                                    + key
                                    + "' refers to environment variable "
                                    + name
                                    + ", which is not set");
                }
            } else {
                try {
                    resolved = Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    if (secretsOptional) {
                        m.appendReplacement(
                                out, Matcher.quoteReplacement("<unresolved secret " + name + ">"));
                        continue;
                    }
                    throw new ConfigException(
                            source
                                    + ": key '"
                                    + key
                                    + "' refers to file "
                                    + name
                                    + ", which cannot be read");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String keyPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static void validateAlerts(Validation v, ListeningConfig c) {
        v.require(
                c.alerts != null && c.alerts.detectors != null && c.alerts.webhook != null,
                "alerts",
                "must be a mapping");
        if (c.alerts == null || c.alerts.detectors == null || c.alerts.webhook == null) {
            return;
        }
        validateDetectors(v, "alerts.detectors", c.alerts.detectors, c.metrics.window);
        for (int i = 0; i < c.brands.size(); i++) {
            if (c.brands.get(i) != null && c.brands.get(i).detectors != null) {
                validateDetectors(
                        v,
                        "brands[" + i + "].detectors",
                        c.brands.get(i).detectors,
                        c.metrics.window);
            }
        }
        WebhookSettings w = c.alerts.webhook;
        if (w.enabled()) {
            // The URL may hold a token: the message never repeats it.
            v.require(
                    w.url.matches("(?i)https?://[^\\s/?#]+[^\\s]*"),
                    "alerts.webhook.url",
                    "must be an http:// or https:// URL");
        }
        v.require(w.maxAttempts >= 1, "alerts.webhook.maxAttempts", "must be at least 1");
        v.require(w.maxInFlight >= 1, "alerts.webhook.maxInFlight", "must be at least 1");
    }

    private static void validateDetectors(
            Validation v, String key, DetectorSettings d, Duration window) {
        v.require(
                d.baselineDays >= 1 && d.baselineDays <= 28,
                key + ".baselineDays",
                "must be between 1 and 28");
        v.require(
                d.volumeSpike != null
                        && d.negativeSurge != null
                        && d.complaintBurst != null
                        && d.crisisKeyword != null,
                key,
                "volumeSpike, negativeSurge, complaintBurst and crisisKeyword must be mappings");
        if (d.volumeSpike == null
                || d.negativeSurge == null
                || d.complaintBurst == null
                || d.crisisKeyword == null) {
            return;
        }
        v.require(
                d.volumeSpike.minVolume >= 1, key + ".volumeSpike.minVolume", "must be at least 1");
        v.require(d.volumeSpike.minRatio >= 1, key + ".volumeSpike.minRatio", "must be at least 1");
        v.spanOfWindows(key + ".negativeSurge.span", d.negativeSurge.span, window);
        v.require(
                d.negativeSurge.minNegative >= 1,
                key + ".negativeSurge.minNegative",
                "must be at least 1");
        v.require(
                d.negativeSurge.minShare > 0 && d.negativeSurge.minShare <= 1,
                key + ".negativeSurge.minShare",
                "must be in (0, 1]");
        v.spanOfWindows(key + ".complaintBurst.span", d.complaintBurst.span, window);
        v.require(
                d.complaintBurst.minCount >= 1,
                key + ".complaintBurst.minCount",
                "must be at least 1");
        v.require(
                d.crisisKeyword.minAuthors >= 1,
                key + ".crisisKeyword.minAuthors",
                "must be at least 1");
        v.require(
                d.crisisKeyword.burstRatio >= 0,
                key + ".crisisKeyword.burstRatio",
                "must not be negative");
        v.require(
                d.crisisKeyword.warmUpFactor >= 1,
                key + ".crisisKeyword.warmUpFactor",
                "must be at least 1");
    }

    private static void validate(String source, ListeningConfig c) {
        Validation v = new Validation(source);
        v.require(c.job != null, "job", "must be a mapping");
        v.require(c.kafka != null && c.kafka.topics != null, "kafka", "must be a mapping");
        v.require(c.ingestion != null, "ingestion", "must be a mapping");
        v.require(
                c.analysis != null
                        && ("fast".equals(c.analysis.segmenter)
                                || "smartcn".equals(c.analysis.segmenter)),
                "analysis.segmenter",
                "must be fast or smartcn");
        v.require(c.metrics != null, "metrics", "must be a mapping");
        v.require(c.privacy != null, "privacy", "must be a mapping");
        v.require(c.brands != null, "brands", "must be a list");

        v.require(
                c.job.parallelism == null || c.job.parallelism > 0,
                "job.parallelism",
                "must be at least 1");

        v.notBlank("kafka.bootstrapServers", c.kafka.bootstrapServers);
        v.notBlank("kafka.groupId", c.kafka.groupId);
        v.notBlank("kafka.transactionalIdPrefix", c.kafka.transactionalIdPrefix);
        KafkaSettings.Topics t = c.kafka.topics;
        for (Map.Entry<String, String> topic :
                Map.of(
                                "mentions",
                                nz(t.mentions),
                                "enrichedMentions",
                                nz(t.enrichedMentions),
                                "deadLetters",
                                nz(t.deadLetters),
                                "alerts",
                                nz(t.alerts),
                                "brandMetrics",
                                nz(t.brandMetrics),
                                "customerEngagement",
                                nz(t.customerEngagement),
                                "optOuts",
                                nz(t.optOuts),
                                "control",
                                nz(t.control))
                        .entrySet()) {
            v.notBlank("kafka.topics." + topic.getKey(), topic.getValue());
        }

        v.require(c.ingestion.maxRecordBytes > 0, "ingestion.maxRecordBytes", "must be positive");
        v.require(c.ingestion.maxTextChars > 0, "ingestion.maxTextChars", "must be positive");
        v.require(
                c.ingestion.maxJsonDepth >= 3,
                "ingestion.maxJsonDepth",
                "must be at least 3 (the contract nests objects)");
        v.require(!c.metrics.window.isZero(), "metrics.window", "must be longer than 0");
        validateAlerts(v, c);
        v.require(c.engagement != null, "engagement", "must be a mapping");
        v.require(!c.engagement.halfLife.isZero(), "engagement.halfLife", "must be longer than 0");
        v.require(
                c.engagement.forgetAfter.compareTo(c.engagement.dormantAfter) > 0,
                "engagement.forgetAfter",
                "must be longer than engagement.dormantAfter");
        v.require(
                c.engagement.minScoreChange >= 0,
                "engagement.minScoreChange",
                "must not be negative");
        v.require(c.responses != null, "responses", "must be a mapping");

        v.require(
                c.privacy.pseudonymKey != null
                        && c.privacy.pseudonymKey.length() >= MIN_PSEUDONYM_KEY_LENGTH,
                "privacy.pseudonymKey",
                "must be set, at least "
                        + MIN_PSEUDONYM_KEY_LENGTH
                        + " characters (use ${env:NAME} or ${file:/path})");
        for (int i = 0; i < c.privacy.optOut.size(); i++) {
            v.account("privacy.optOut[" + i + "]", c.privacy.optOut.get(i));
        }

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.brands.size(); i++) {
            BrandSettings b = c.brands.get(i);
            String key = "brands[" + i + "]";
            v.require(b != null, key, "must be a mapping");
            v.require(
                    b.id == null || ids.add(b.id),
                    key + ".id",
                    "'" + b.id + "' is configured twice");
            validateBrand(v, key, b, null);
        }
        for (int i = 0; i < c.brands.size(); i++) {
            for (String competitor : c.brands.get(i).competitors) {
                v.require(
                        ids.contains(competitor),
                        "brands[" + i + "].competitors",
                        "'" + competitor + "' is not the id of a configured brand");
            }
        }
    }

    /**
     * What one brand must be, in the file or on the control topic; its detectors too when {@code
     * window} is given (the file's are checked with the global ones in {@link #validateAlerts}).
     */
    private static void validateBrand(Validation v, String key, BrandSettings b, Duration window) {
        v.notBlank(key + ".id", b.id);
        v.require(
                b.names != null && !b.names.isEmpty(),
                key + ".names",
                "must list at least one name");
        for (int j = 0; b.names != null && j < b.names.size(); j++) {
            v.notBlank(key + ".names[" + j + "]", b.names.get(j));
        }
        for (int j = 0; j < b.officialAccounts.size(); j++) {
            v.account(key + ".officialAccounts[" + j + "]", b.officialAccounts.get(j));
        }
        if (window != null && b.detectors != null) {
            validateDetectors(v, key + ".detectors", b.detectors, window);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Collects the first violation with its key. */
    private record Validation(String source) {
        void require(boolean ok, String key, String problem) {
            if (!ok) {
                throw new ConfigException(source + ": key '" + key + "' " + problem);
            }
        }

        void notBlank(String key, String value) {
            require(value != null && !value.isBlank(), key, "must not be empty");
        }

        void duration(String key, String value) {
            notBlank(key, value);
            try {
                Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": key '" + key + "': " + e.getMessage());
            }
        }

        /** One of an enum's values, as written in YAML (its {@code toString()}). */
        void oneOf(String key, Object[] allowed, String value) {
            List<String> names = Arrays.stream(allowed).map(Object::toString).toList();
            String choices =
                    String.join(", ", names.subList(0, names.size() - 1))
                            + " or "
                            + names.get(names.size() - 1);
            require(
                    names.contains(value),
                    key,
                    "must be " + choices + (value.isEmpty() ? "" : ", not '" + value + "'"));
        }

        /** A detector span: a whole number of metrics windows, since it sums the last windows. */
        void spanOfWindows(String key, Duration span, Duration window) {
            long length = window.toMillis();
            require(
                    span.toMillis() >= length && span.toMillis() % length == 0,
                    key,
                    "must be a whole number of metrics windows (metrics.window = "
                            + Durations.format(window)
                            + ")");
        }

        void account(String key, String value) {
            require(
                    value != null && ACCOUNT.matcher(value).matches(),
                    key,
                    "must look like platform:authorId, not '" + value + "'");
        }
    }
}
