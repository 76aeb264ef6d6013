package io.brandpulse.model;

import java.util.Objects;

/** Reactions a mention received ({@code metrics} in the contract). Absent counts are 0. */
public class Engagement {
    public long likes;
    public long reposts;
    public long comments;

    public Engagement() {}

    public Engagement(long likes, long reposts, long comments) {
        this.likes = likes;
        this.reposts = reposts;
        this.comments = comments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Engagement e
                && likes == e.likes
                && reposts == e.reposts
                && comments == e.comments;
    }

    @Override
    public int hashCode() {
        return Objects.hash(likes, reposts, comments);
    }
}
