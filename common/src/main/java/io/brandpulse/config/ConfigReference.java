package io.brandpulse.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/config-reference}: every configuration key, its default and its meaning, as a
 * Markdown table. The keys and defaults come from the configuration classes themselves (a
 * default-constructed {@link ListeningConfig}); the meanings from the comments of {@code
 * config/example.yaml}, which a test keeps complete. Its {@link #walk} over the keys is also the
 * one {@link ConfigLoader} checks the typed values of a file with, so both name keys alike.
 */
public final class ConfigReference {
    private static final Pattern KEY_LINE =
            Pattern.compile("^(\\s*)(- )?([A-Za-z][A-Za-z0-9]*):(.*)$");

    private ConfigReference() {}

    /**
     * One key: its path ({@code brands[].names}), its default as text, and its meaning (null when
     * undocumented).
     */
    public record Key(String path, String defaultValue, String meaning) {}

    /** What {@link #walk} meets at each leaf key. */
    @FunctionalInterface
    interface KeyVisitor {
        /**
         * A leaf key: its path ({@code brands[0].detectors.warmUp}), the field declaring it, its
         * value where walked.
         */
        void leaf(String path, Field field, Object value);
    }

    public static void main(String[] args) throws IOException {
        Path example = Path.of(args.length > 0 ? args[0] : "config/example.yaml");
        StringBuilder out = new StringBuilder("| key | default | meaning |\n| --- | --- | --- |\n");
        for (Key k : keys(Files.readAllLines(example, StandardCharsets.UTF_8))) {
            out.append("| `")
                    .append(k.path())
                    .append("` | ")
                    .append(k.defaultValue().isEmpty() ? "" : "`" + k.defaultValue() + "`")
                    .append(" | ")
                    .append(k.meaning() == null ? "" : k.meaning().replace("|", "\\|"))
                    .append(" |\n");
        }
        System.out.print(out);
    }

    /**
     * Every leaf key of the configuration classes, with the meaning found in the example file's
     * comments.
     */
    public static List<Key> keys(List<String> exampleLines) {
        Map<String, String> written = new LinkedHashMap<>();
        Map<String, String> meanings = meanings(exampleLines, written);
        List<Key> keys = new ArrayList<>();
        walk(
                new ListeningConfig(),
                (path, field, value) ->
                        keys.add(
                                new Key(
                                        path,
                                        render(value, written.get(path)),
                                        meanings.get(path))));
        return List.copyOf(keys);
    }

    /**
     * The one walk over the configuration's keys: the public fields of the configuration classes,
     * with their values in {@code config}, either a {@link ListeningConfig} (its defaults, for this
     * reference) or a file as read, a Jackson tree not yet bound (for {@link ConfigLoader}, so that
     * a bad value is named where it is written). A list of sections is walked element by element
     * ({@code brands[0]}, {@code brands[1]}), or once with the element's defaults as {@code
     * brands[]} when it is empty; a section a tree leaves out, with its defaults. A brand's {@code
     * detectors}, when absent, is one key: it holds the same keys as {@code alerts.detectors}.
     */
    static void walk(Object config, KeyVisitor visitor) {
        walk("", config, ListeningConfig.class, visitor);
    }

    private static void walk(String prefix, Object owner, Class<?> type, KeyVisitor visitor) {
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String path = prefix.isEmpty() ? f.getName() : prefix + "." + f.getName();
            Object value = get(f, owner);
            Class<?> element = listElement(f);
            if (isSection(f.getType())) {
                if (value == null && f.getType() == DetectorSettings.class) {
                    visitor.leaf(
                            path, f,
                            null); // a brand's own detectors: the same keys as alerts.detectors
                    continue;
                }
                walk(path, value != null ? value : instance(f.getType()), f.getType(), visitor);
            } else if (element != null && isSection(element)) {
                List<?> items =
                        value instanceof List<?> list
                                ? list
                                : value instanceof ArrayNode array ? toList(array) : List.of();
                if (items.isEmpty()) {
                    walk(path + "[]", instance(element), element, visitor);
                }
                for (int i = 0; i < items.size(); i++) {
                    walk(path + "[" + i + "]", items.get(i), element, visitor);
                }
            } else {
                visitor.leaf(path, f, value);
            }
        }
    }

    /**
     * Key paths and the comment on their line (or, for a commented-out optional key, on that line);
     * {@code written} gets each key's value as the line writes it.
     */
    static Map<String, String> meanings(List<String> lines, Map<String, String> written) {
        Map<String, String> meanings = new LinkedHashMap<>();
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        for (String raw : lines) {
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0 && line.substring(0, hash).isBlank()) {
                line =
                        line.substring(0, hash)
                                + line.substring(hash + 1)
                                        .replaceFirst("^ ", ""); // "# key: value  # meaning"
            }
            Matcher m = KEY_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length() + (m.group(2) != null ? 2 : 0);
            if (m.group(2) != null && !names.isEmpty() && !names.peek().endsWith("[]")) {
                String list = names.pop();
                names.push(list + "[]");
            }
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                names.pop();
            }
            String rest = m.group(4);
            int comment = commentStart(rest);
            String value = (comment >= 0 ? rest.substring(0, comment) : rest).strip();
            String meaning = comment >= 0 ? rest.substring(comment + 1).strip() : null;
            StringBuilder path = new StringBuilder();
            names.descendingIterator().forEachRemaining(n -> path.append(n).append('.'));
            path.append(m.group(3));
            if (!value.isEmpty()) {
                written.putIfAbsent(path.toString(), value);
            }
            if (meaning != null && !meaning.isEmpty()) {
                meanings.putIfAbsent(path.toString(), meaning);
                if (value.startsWith("{")) { // a flow mapping: its keys share the line's comment
                    Matcher inner = Pattern.compile("([A-Za-z][A-Za-z0-9]*):").matcher(value);
                    while (inner.find()) {
                        meanings.putIfAbsent(path + "." + inner.group(1), meaning);
                    }
                }
            }
            if (value.isEmpty()) {
                indents.push(new int[] {indent});
                names.push(m.group(3));
            }
        }
        return meanings;
    }

    /** Where a YAML comment starts: a '#' after white space, outside ${...} and quotes. */
    private static int commentStart(String rest) {
        boolean quoted = false;
        int braces = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '#'
                    && !quoted
                    && braces <= 0
                    && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSection(Class<?> type) {
        return type.getPackageName().equals(ConfigReference.class.getPackageName())
                && !type.isEnum();
    }

    private static Class<?> listElement(Field f) {
        if (List.class.isAssignableFrom(f.getType())
                && f.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    /** The field's value in a configuration object, or its node in a tree (null when absent). */
    private static Object get(Field f, Object owner) {
        if (owner instanceof JsonNode node) {
            return node.get(f.getName());
        }
        try {
            return owner == null ? null : f.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object instance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a public no-argument constructor", e);
        }
    }

    private static Duration parsedOrNull(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A default as text: a duration as the example writes it when that is the same duration ({@code
     * 1d}, {@code 24h}).
     */
    private static String render(Object value, String written) {
        if (value == null) {
            return "";
        }
        if (value instanceof Duration d) {
            return written != null && d.equals(parsedOrNull(written))
                    ? written
                    : Durations.format(d);
        }
        return value instanceof List<?> list && list.isEmpty()
                ? "[]"
                : value instanceof Map<?, ?> map && map.isEmpty() ? "{}" : value.toString();
    }
}
