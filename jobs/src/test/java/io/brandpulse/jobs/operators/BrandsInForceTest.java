package io.brandpulse.jobs.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brandpulse.config.ListeningConfig;
import io.brandpulse.jobs.testing.TestConfigs;
import io.brandpulse.model.Alert;
import io.brandpulse.model.ControlRecord;
import io.brandpulse.model.ListeningChange;
import io.brandpulse.model.Versioned;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/**
 * Every operator instance that follows the control topic checks each record against its state; the
 * check is worked out once per JVM and shared, and must never be shared where the answer differs.
 */
class BrandsInForceTest {
    private static long offset;

    /** One instance of an operator that follows the topic, with its own copy of the deployment. */
    private static BroadcastOperatorTestHarness<Versioned, ListeningChange, Versioned> instance(
            ListeningConfig deployment) throws Exception {
        ListeningConfig own =
                InstantiationUtil.clone(deployment, BrandsInForceTest.class.getClassLoader());
        var h =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new NameVersions<>(own), BrandsInForce.CONTROL);
        h.open();
        return h;
    }

    private static void send(
            BroadcastOperatorTestHarness<Versioned, ListeningChange, Versioned> h,
            String key,
            String value)
            throws Exception {
        h.processBroadcastElement(
                ListeningChange.of(new ControlRecord(key, value, "listening-control", 0, offset++)),
                0);
    }

    private static String rulesOf(
            BroadcastOperatorTestHarness<Versioned, ListeningChange, Versioned> h, String brand)
            throws Exception {
        Alert a = new Alert();
        a.brand = brand;
        h.processElement(a, 0);
        return h.extractOutputValues().get(h.extractOutputValues().size() - 1).rulesVersion;
    }

    /**
     * A brand's definition that names a competitor: valid only where the competitor is in force.
     */
    private static String namingACompetitor(String brand, String competitor) {
        return "{\"id\":\""
                + brand
                + "\",\"names\":[\""
                + brand
                + "\"],\"competitors\":[\""
                + competitor
                + "\"]}";
    }

    /** A brand of its own per test: the outcomes of other tests in this JVM do not answer it. */
    private static String newBrand() {
        return "brand-" + Long.toHexString(System.nanoTime());
    }

    @Test
    void instancesOfOneDeploymentCheckARecordOnceAndAllApplyIt() throws Exception {
        ListeningConfig deployment = TestConfigs.demo();
        String brand = newBrand();
        String definition = "{\"id\":\"" + brand + "\",\"names\":[\"" + brand + "\"]}";
        try (var a = instance(deployment);
                var b = instance(deployment);
                var c = instance(deployment)) {
            long before = BrandsInForce.checks();
            send(a, "brand:" + brand, definition);
            send(b, "brand:" + brand, definition);
            send(c, "brand:" + brand, definition);
            assertEquals(1, BrandsInForce.checks() - before, "one check for three instances");
            String rules = rulesOf(a, brand);
            assertNotNull(rules, "applied");
            assertEquals(rules, rulesOf(b, brand));
            assertEquals(rules, rulesOf(c, brand));

            // a record that does not validate: refused by every instance, checked once
            before = BrandsInForce.checks();
            send(a, "brand:" + brand, "{broken");
            send(b, "brand:" + brand, "{broken");
            assertEquals(1, BrandsInForce.checks() - before);
            assertEquals(rules, rulesOf(a, brand), "what was in force stays");
            assertEquals(rules, rulesOf(b, brand));
        }
    }

    @Test
    void anInstanceInAnotherStateChecksForItself() throws Exception {
        ListeningConfig deployment = TestConfigs.demo();
        String brand = newBrand();
        String competitor = newBrand() + "-rival";
        String definition = namingACompetitor(brand, competitor);
        try (var withRival = instance(deployment);
                var without = instance(deployment)) {
            send(
                    withRival,
                    "brand:" + competitor,
                    "{\"id\":\"" + competitor + "\",\"names\":[\"对手\"]}");
            long before = BrandsInForce.checks();
            send(withRival, "brand:" + brand, definition);
            send(without, "brand:" + brand, definition);
            assertEquals(2, BrandsInForce.checks() - before, "two states, two checks");
            assertNotNull(rulesOf(withRival, brand), "valid beside its competitor");
            assertNull(rulesOf(without, brand), "refused where its competitor is unknown");
        }
    }

    @Test
    void anotherDeploymentGetsItsOwnAnswer() throws Exception {
        ListeningConfig deployment = TestConfigs.demo();
        String first = deployment.brands.get(0).id;
        ListeningConfig withoutFirst = TestConfigs.demo();
        withoutFirst.brands.remove(0);
        withoutFirst.brands.forEach(b -> b.competitors.remove(first));
        String brand = newBrand();
        String definition = namingACompetitor(brand, first);
        try (var a = instance(deployment);
                var b = instance(withoutFirst)) {
            send(a, "brand:" + brand, definition);
            send(b, "brand:" + brand, definition);
            String rules = rulesOf(a, brand);
            assertNotNull(rules, "valid where its competitor is configured");
            assertNull(rulesOf(b, brand), "refused where it is not");
        }
    }
}
