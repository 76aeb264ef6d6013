package io.brandpulse.model;

/** Why a record went to the dead-letter topic. Each reason has its own Flink counter. */
public enum DeadLetterReason {
    EMPTY_RECORD,
    TOO_LARGE,
    INVALID_UTF8,
    INVALID_JSON,
    TOO_DEEP,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_TIMESTAMP,
    TIMESTAMP_IN_FUTURE,
    EMPTY_TEXT,
    TEXT_TOO_LONG,
    DUPLICATE_ID,
    /**
     * An alert the webhook did not accept after every retry (the alert itself is in the alerts
     * topic).
     */
    WEBHOOK_UNDELIVERED,
    /**
     * A record of the control topic that was not applied (unknown key, invalid definition); the
     * detail names the key and the path of the problem, and the definition in force stays.
     */
    INVALID_CONTROL,
    /**
     * The parser failed in a way nobody foresaw; the detail names the exception. Report it as a
     * bug.
     */
    UNPARSEABLE
}
