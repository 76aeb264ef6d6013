package io.brandpulse.ingest;

import io.brandpulse.model.DeadLetter;
import io.brandpulse.model.Mention;

/** Either a valid mention or a dead letter, never both. */
public record ParseOutcome(Mention mention, DeadLetter deadLetter) {
    public static ParseOutcome valid(Mention mention) {
        return new ParseOutcome(mention, null);
    }

    public static ParseOutcome rejected(DeadLetter deadLetter) {
        return new ParseOutcome(null, deadLetter);
    }

    public boolean isValid() {
        return mention != null;
    }
}
