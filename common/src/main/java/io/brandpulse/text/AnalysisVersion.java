package io.brandpulse.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which text analysis produced a record: a short hash of everything that decides what {@link
 * TextAnalyzer} says about a text: the model and lexicon files it loads, the compiled code of the
 * analysis and ingestion packages, and the Lucene version whose smartcn dictionaries segment.
 * Outputs name it as {@code analysisVersion}, so that a change of the analysis can be told from a
 * change in what customers say, and a record can be compared with the release that made it.
 *
 * <p>Hashing the code itself rather than naming a release number means two builds of the same
 * sources agree, and any change to the analysis, even one nobody remembered to announce, shows.
 */
public final class AnalysisVersion {
    /** The resources the analysis loads; a new one must be added here. */
    static final List<String> RESOURCES =
            List.of(
                    "/text/lexicon.tsv",
                    "/sentiment/model.bin",
                    "/sentiment/cues.tsv",
                    "/sentiment/emoticons.tsv",
                    "/spam/model.bin",
                    "/crisis/model.bin");

    /** The packages whose code decides the analysis (as class-file path prefixes). */
    static final List<String> CODE =
            List.of("io/brandpulse/text/", "io/brandpulse/ingest/", "io/brandpulse/model/");

    /** Hex characters kept of the SHA-256: 48 bits, plenty to tell releases apart. */
    static final int LENGTH = 12;

    private AnalysisVersion() {}

    /** The analysis version of the code and resources this JVM runs. */
    public static String current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        static final String CURRENT = compute();
    }

    static String compute() {
        TreeMap<String, byte[]> resources = new TreeMap<>();
        for (String resource : RESOURCES) {
            try (InputStream in = AnalysisVersion.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no " + resource + " on the classpath");
                }
                resources.put(resource, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return of(resources, codeFiles(), org.apache.lucene.util.Version.LATEST.toString());
    }

    /**
     * The version of these inputs: resources and class files by name (sorted maps: the order of a
     * jar's or a folder's listing must not matter), and the Lucene version.
     */
    static String of(
            TreeMap<String, byte[]> resources, TreeMap<String, byte[]> code, String lucene) {
        MessageDigest sha = sha256();
        resources.forEach((name, bytes) -> digestEntry(sha, name, bytes));
        code.forEach((name, bytes) -> digestEntry(sha, name, bytes));
        sha.update(lucene.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, LENGTH);
    }

    /** A name, its length and its bytes: no two different entries digest alike. */
    private static void digestEntry(MessageDigest sha, String name, byte[] bytes) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(8).putInt(utf8.length).putInt(bytes.length).array());
        sha.update(utf8);
        sha.update(bytes);
    }

    /**
     * The class files of {@link #CODE}, by name in sorted order (the order a jar or a directory
     * lists them in differs), read from where this class was loaded: the shaded job jar, the common
     * jar, or a build's classes folder.
     */
    static TreeMap<String, byte[]> codeFiles() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        CodeSource source = AnalysisVersion.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new IllegalStateException("cannot tell where the analysis code was loaded from");
        }
        try {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> classes = new ArrayList<>();
                    walk.filter(p -> p.toString().endsWith(".class")).forEach(classes::add);
                    for (Path p : classes) {
                        String name = path.relativize(p).toString().replace('\\', '/');
                        if (inCode(name)) files.put(name, Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (entry.getName().endsWith(".class") && inCode(entry.getName())) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the analysis code at " + location, e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the analysis code at " + location, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no analysis classes found at " + location);
        }
        return files;
    }

    private static boolean inCode(String classFile) {
        for (String prefix : CODE) {
            if (classFile.startsWith(prefix)) return true;
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
