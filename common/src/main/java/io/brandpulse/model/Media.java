package io.brandpulse.model;

import java.util.Objects;

/** How many images and videos a mention carries ({@code media} in the contract). */
public class Media {
    public int images;
    public int videos;

    public Media() {}

    public Media(int images, int videos) {
        this.images = images;
        this.videos = videos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Media m && images == m.images && videos == m.videos;
    }

    @Override
    public int hashCode() {
        return Objects.hash(images, videos);
    }
}
