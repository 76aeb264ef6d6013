package io.brandpulse.tools.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code scripts/report}: a self-contained HTML page per run (the JSON-lines files {@code
 * scripts/run-file} writes), one section per brand: volume and net sentiment over time with alert
 * markers and incident spans, complaint categories over time, share of voice, driver terms,
 * response times, engagement tiers and top customers (pseudonymous). The charting library (Apache
 * ECharts, from npm) is inlined: the page needs no network.
 */
public final class BrandReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrandReport() {}

    public static void main(String[] args) throws IOException {
        ToolArguments a = ToolArguments.parse(args, Set.of("--in", "--out", "--echarts"), Set.of());
        if (a.help || !a.has("--in") || !a.has("--out") || !a.has("--echarts")) {
            System.err.println(
                    "usage: BrandReport --in DIR --out report.html --echarts echarts.min.js");
            System.exit(a.help ? 0 : 2);
            return;
        }
        Path in = Path.of(a.get("--in", "."));
        if (!Files.isRegularFile(in.resolve("brand-metrics.jsonl"))) {
            System.err.println(
                    "error: "
                            + in
                            + " has no brand-metrics.jsonl: give the folder scripts/run-file --out"
                            + " wrote");
            System.exit(1);
            return;
        }
        String html =
                render(
                        data(in),
                        Files.readString(Path.of(a.get("--echarts", "")), StandardCharsets.UTF_8),
                        in.toAbsolutePath().normalize().getFileName().toString());
        Files.writeString(Path.of(a.get("--out", "report.html")), html, StandardCharsets.UTF_8);
        System.err.println("report: " + a.get("--out", "report.html"));
    }

    /**
     * Everything the page shows, per brand, from the run's output files (latest record per window
     * or customer).
     */
    static ObjectNode data(Path dir) throws IOException {
        Map<String, TreeMap<Long, JsonNode>> windows = new TreeMap<>();
        for (JsonNode m : read(dir.resolve("brand-metrics.jsonl"))) {
            windows.computeIfAbsent(m.path("brand").asText(), b -> new TreeMap<>())
                    .put(m.path("window").path("startMillis").asLong(), m);
        }
        Map<String, List<JsonNode>> alerts = new HashMap<>();
        for (JsonNode alert : read(dir.resolve("alerts.jsonl"))) {
            alerts.computeIfAbsent(alert.path("brand").asText(), b -> new ArrayList<>()).add(alert);
        }
        Map<String, JsonNode> customers = new LinkedHashMap<>();
        for (JsonNode c : read(dir.resolve("customer-engagement.jsonl"))) {
            String customer = c.path("customerKey").asText();
            if (c.path("deleted").asBoolean()) {
                // An opted-out customer: everything about them goes (a Kafka tombstone names no
                // brand).
                customers.keySet().removeIf(k -> k.startsWith(customer + "/"));
            } else {
                customers.put(customer + "/" + c.path("brand").asText(), c);
            }
        }
        TreeSet<String> brands = new TreeSet<>(windows.keySet());
        brands.addAll(alerts.keySet());
        ObjectNode data = JSON.createObjectNode();
        ArrayNode out = data.putArray("brands");
        for (String brand : brands) {
            out.add(
                    brand(
                            brand,
                            windows.getOrDefault(brand, new TreeMap<>()),
                            alerts.getOrDefault(brand, List.of()),
                            customers.values().stream()
                                    .filter(c -> c.path("brand").asText().equals(brand))
                                    .toList()));
        }
        return data;
    }

    private static ObjectNode brand(
            String brand,
            TreeMap<Long, JsonNode> windows,
            List<JsonNode> alerts,
            List<JsonNode> customers) {
        ObjectNode b = JSON.createObjectNode();
        b.put("brand", brand);
        ArrayNode time = b.putArray("time");
        ArrayNode volume = b.putArray("volume");
        ArrayNode net = b.putArray("net");
        ArrayNode negative = b.putArray("negative");
        ArrayNode share = b.putArray("shareOfVoice");
        ArrayNode p50 = b.putArray("p50");
        ArrayNode p90 = b.putArray("p90");
        Map<String, ArrayNode> categories = new TreeMap<>();
        Map<String, Long> drivers = new HashMap<>();
        long totalVolume = 0;
        long totalNegative = 0;
        int index = 0;
        for (JsonNode m : windows.values()) {
            time.add(m.path("window").path("start").asText());
            volume.add(m.path("volume").asLong());
            net.add(m.path("sentiment").path("net").asDouble());
            negative.add(m.path("sentiment").path("negative").asLong());
            totalVolume += m.path("volume").asLong();
            totalNegative += m.path("sentiment").path("negative").asLong();
            share.add(m.path("shareOfVoice").isNumber() ? m.path("shareOfVoice") : null);
            JsonNode r = m.path("responses");
            p50.add(r.path("p50Minutes").isNumber() ? r.path("p50Minutes") : null);
            p90.add(r.path("p90Minutes").isNumber() ? r.path("p90Minutes") : null);
            final int at = index;
            m.path("complaintCategories")
                    .fields()
                    .forEachRemaining(
                            e -> {
                                ArrayNode series =
                                        categories.computeIfAbsent(
                                                e.getKey(), k -> JSON.createArrayNode());
                                while (series.size() < at) {
                                    series.add(0);
                                }
                                series.add(e.getValue().asLong());
                            });
            for (JsonNode t : m.path("driverTerms")) {
                drivers.merge(t.path("term").asText(), t.path("count").asLong(), Long::sum);
            }
            index++;
        }
        ObjectNode complaintSeries = b.putObject("complaints");
        categories.forEach(
                (category, series) -> {
                    while (series.size() < windows.size()) {
                        series.add(0);
                    }
                    complaintSeries.set(category, series);
                });
        b.put("totalVolume", totalVolume);
        b.put("totalNegative", totalNegative);
        ArrayNode driverTerms = b.putArray("driverTerms");
        drivers.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .forEach(e -> driverTerms.addArray().add(e.getKey()).add(e.getValue()));
        ArrayNode alertList = b.putArray("alerts");
        Map<String, ObjectNode> incidents = new LinkedHashMap<>();
        for (JsonNode a : alerts) {
            alertList
                    .addObject()
                    .put("time", a.path("detectedAt").asText())
                    .put("type", a.path("type").asText())
                    .put("severity", a.path("severity").asText())
                    .put("status", a.path("status").asText())
                    .put("summary", a.path("summary").asText());
            ObjectNode span =
                    incidents.computeIfAbsent(
                            a.path("incidentId").asText(),
                            id ->
                                    JSON.createObjectNode()
                                            .put("type", a.path("type").asText())
                                            .put("start", a.path("firstSeen").asText()));
            span.put("end", a.path("detectedAt").asText());
            span.put("resolved", a.path("status").asText().equals("RESOLVED"));
        }
        ArrayNode spans = b.putArray("incidents");
        incidents.values().forEach(spans::add);
        ObjectNode tiers = b.putObject("tiers");
        customers.forEach(
                c ->
                        tiers.put(
                                c.path("tier").asText(),
                                tiers.path(c.path("tier").asText()).asLong() + 1));
        ArrayNode top = b.putArray("topCustomers");
        customers.stream()
                .sorted(Comparator.comparingDouble((JsonNode c) -> -c.path("score").asDouble()))
                .limit(10)
                .forEach(
                        c ->
                                top.addObject()
                                        .put(
                                                "customer",
                                                c.path("customerKey").asText().substring(0, 12))
                                        .put("score", c.path("score").asDouble())
                                        .put("tier", c.path("tier").asText())
                                        .put("interactions", c.path("interactions").asLong())
                                        .put("churnRisk", c.path("churnRisk").asDouble()));
        return b;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                records.add(JSON.readTree(line)); // a JSON-lines file of scripts/run-file
            } else if (line.contains("\t")) {
                // "key<TAB>value" from scripts/tail --with-key (--from-kafka): a tombstone erases
                // the key's customer
                String key = line.substring(0, line.indexOf('\t'));
                String value = line.substring(line.indexOf('\t') + 1);
                records.add(
                        value.startsWith("{")
                                ? JSON.readTree(value)
                                : JSON.createObjectNode()
                                        .put("customerKey", key)
                                        .put("deleted", true));
            }
        }
        return records;
    }

    static String render(ObjectNode data, String echarts, String title) throws IOException {
        String page =
                new String(
                        BrandReport.class.getResourceAsStream("/report/report.html").readAllBytes(),
                        StandardCharsets.UTF_8);
        // The data goes into a JSON script element: "</" is escaped so no text can close it early.
        String json = JSON.writeValueAsString(data).replace("</", "<\\/");
        return page.replace("{{title}}", escape(title))
                .replace("{{echarts}}", echarts.replace("</script", "<\\/script"))
                .replace("{{data}}", json);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
