package io.brandpulse.model;

import java.util.Objects;

/** Who wrote a mention, as the collector saw it. Flink POJO: public fields, no-arg constructor. */
public class Author {
    /** Platform-specific id; never leaves the system (see {@code privacy.Pseudonymizer}). */
    public String id;

    public String name;
    public Long followers;
    public Boolean verified;

    public Author() {}

    public Author(String id, String name, Long followers, Boolean verified) {
        this.id = id;
        this.name = name;
        this.followers = followers;
        this.verified = verified;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Author a
                && Objects.equals(id, a.id)
                && Objects.equals(name, a.name)
                && Objects.equals(followers, a.followers)
                && Objects.equals(verified, a.verified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, followers, verified);
    }
}
