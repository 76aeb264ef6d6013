package io.brandpulse.tools.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small labelled CSV ({@code label,text}) of short reviews whose polarity one word decides: what
 * a commercial user brings to the trainer, for the tests of the trainer and its evaluators.
 */
public final class SmallLabelledCsv {
    private SmallLabelledCsv() {}

    /** Writes {@code rows} reviews, alternately positive and negative, to {@code dir/name}. */
    public static Path write(Path dir, String name, int rows, long seed) throws IOException {
        String[] pos = {"很好", "非常满意", "质量不错", "推荐购买", "服务周到", "物流很快", "喜欢", "超值"};
        String[] neg = {"很差", "非常失望", "质量太差", "不推荐", "服务恶劣", "物流太慢", "讨厌", "坑人"};
        String[] filler = {"这次买的东西", "客服说", "总的来说", "用了一周", "家里人觉得"};
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("label,text"));
        for (int i = 0; i < rows; i++) {
            boolean p = i % 2 == 0;
            String w = (p ? pos : neg)[r.nextInt(8)];
            lines.add((p ? "1" : "0") + "," + filler[r.nextInt(filler.length)] + w + "，" + i);
        }
        Path csv = dir.resolve(name);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }
}
