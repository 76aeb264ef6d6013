package io.brandpulse.jobs.operators;

import io.brandpulse.config.Accounts;
import io.brandpulse.config.PrivacySettings;
import io.brandpulse.model.OptOut;
import io.brandpulse.privacy.Pseudonymizer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/** Turns an opt-out's account into the customer's pseudonym, so that the raw id goes no further. */
public class PseudonymizeOptOuts extends RichFlatMapFunction<OptOut, OptOut> {
    private final PrivacySettings privacy;
    private transient Pseudonymizer pseudonymizer;

    public PseudonymizeOptOuts(PrivacySettings privacy) {
        this.privacy = privacy;
    }

    @Override
    public void open(OpenContext openContext) {
        pseudonymizer = new Pseudonymizer(privacy.pseudonymKey);
    }

    @Override
    public void flatMap(OptOut optOut, Collector<OptOut> out) {
        int colon = optOut.account == null ? -1 : optOut.account.indexOf(':');
        if (colon <= 0 || colon == optOut.account.length() - 1) {
            return; // not platform:authorId: nothing it could apply to (the deserializer logged the
            // bad ones)
        }
        String account = Accounts.canonical(optOut.account);
        int sep = account.indexOf(':');
        OptOut pseudonymous = new OptOut(null, optOut.optedOut);
        pseudonymous.customerKey =
                pseudonymizer.customerKey(account.substring(0, sep), account.substring(sep + 1));
        out.collect(pseudonymous);
    }
}
