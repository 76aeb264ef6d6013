package io.brandpulse.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.Utility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * smartcn's word and bigram dictionaries ({@code coredict.mem}, {@code bigramdict.mem} from the
 * smartcn jar), as primitive arrays for {@link FastSegmenter}. smartcn's own dictionary classes are
 * package-private, so the same resources are read a second time, once per JVM.
 *
 * <p>The lookups reproduce smartcn 9.12.3's ({@code WordDictionary}, {@code BigramDictionary}) step
 * for step, quirks included: a binary search that is not the textbook one, hashes with
 * operator-precedence accidents, bigrams identified by hash only (two bigrams with the same hash
 * share a frequency). Whatever smartcn answers, this answers; that is the point. What can be
 * answered once per character or per dictionary entry is answered at load time.
 */
final class SmartcnDictionary {
    private static final Logger LOG = LoggerFactory.getLogger(SmartcnDictionary.class);

    private static final String RESOURCES = "/org/apache/lucene/analysis/cn/smart/hhmm/";

    static final int HANZI_FIRST = 0x4E00;
    static final int HANZI_LAST = 0x9FA5;

    /** smartcn's CharType constants. */
    static final byte DELIMITER = 0;

    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte HANZI = 3;
    static final byte SPACE_LIKE = 4;
    static final byte FULLWIDTH_LETTER = 5;
    static final byte FULLWIDTH_DIGIT = 6;
    static final byte OTHER = 7;
    static final byte SURROGATE = 8;

    static final int MAX_FREQUENCY = Utility.MAX_FREQUENCE;

    static final char WORD_SEGMENT_CHAR = '@';
    static final char[] STRING_CHARS = "未##串".toCharArray();
    static final char[] NUMBER_CHARS = "未##数".toCharArray();
    static final char[] BEGIN_CHARS = "始##始".toCharArray();
    static final char[] END_CHARS = "末##末".toCharArray();

    private static final int PRIME_INDEX_LENGTH = 12071;
    private static final int PRIME_BIGRAM_LENGTH = 402137;
    static final long FNV_PRIME = 1099511628211L;
    static final long FNV_OFFSET = 0xcbf29ce484222325L;
    static final int DJB_START = 5381;

    /** smartcn's character type of every UTF-16 unit, from smartcn's own function. */
    final byte[] charType = new byte[Character.MAX_VALUE + 1];

    /** Word table of each Hanzi ({@code c - HANZI_FIRST}), or -1 when it starts no word. */
    final int[] hanziTable = new int[HANZI_LAST - HANZI_FIRST + 1];

    /** smartcn's frequency of each Hanzi on its own. */
    final int[] hanziFrequency = new int[HANZI_LAST - HANZI_FIRST + 1];

    /** smartcn's first prefix match of each Hanzi on its own (-1: none). */
    final int[] hanziPrefixMatch = new int[HANZI_LAST - HANZI_FIRST + 1];

    /** No dictionary word starts with this Hanzi. */
    static final int NO_WORDS = -1;

    /**
     * This Hanzi's table is not sorted: only smartcn's own binary search answers as smartcn does.
     */
    static final int UNSORTED = -2;

    /**
     * Per Hanzi: the root of its words in the trie, or {@link #NO_WORDS} or {@link #UNSORTED}.
     *
     * <p>smartcn extends a word while its binary search finds an entry with that prefix, and adds
     * the word when the first such entry is the word itself. In a sorted table (checked, for every
     * table, at load) the entries with a given prefix are contiguous and the word itself comes
     * first, so "some entry has this prefix" is "this trie node exists" and "the first one is the
     * word" is "this node ends an entry": a trie answers exactly as the binary search does, in one
     * hash probe per character instead of a dozen scattered array reads.
     */
    final int[] hanziRoot = new int[HANZI_LAST - HANZI_FIRST + 1];

    /** Per trie node: smartcn's frequency of the word it spells, or {@link #NOT_A_WORD}. */
    private int[] nodeFrequency = new int[1 << 16];

    static final int NOT_A_WORD = Integer.MIN_VALUE;

    private int nodes;

    /**
     * Trie edges by open addressing, two longs a slot so that one cache line answers: the key (node
     * << 16 | char) + 1, 0 for a free slot; then the target node << 32 | its frequency.
     */
    private final long[] edges;

    private final int edgeMask;

    /** Per word table: the entries (each word without its first character, sorted; may be null). */
    final char[][][] items;

    /** Per word table and entry: smartcn's frequency of that word (its binary search's answer). */
    final int[][] itemFrequency;

    final int stringFrequency;
    final int numberFrequency;
    final int beginFrequency;

    private final long[] bigramHashTable;
    private final int[] bigramFrequencyTable;

    /**
     * A Bloom filter of the hashes in smartcn's bigram table (two bits in one 64-bit word). The
     * table is 82% full, so smartcn's search for an absent bigram, the usual case, reads about five
     * scattered slots; its answer is 0 whenever the hash is nowhere in the table, which this 1 MB
     * filter says with one read, and never wrongly.
     */
    private final long[] bigramFilter = new long[1 << 17];

    // the word dictionary's hash index and frequencies, as smartcn loads them
    private final short[] wordIndexTable;
    private final char[] charIndexTable;
    private final int[][] frequencyTable;

    private static final class Holder {
        static final SmartcnDictionary INSTANCE = load();
    }

    /** The dictionaries, loaded on first use (a second or so) and kept for the JVM. */
    static SmartcnDictionary get() {
        return Holder.INSTANCE;
    }

    private static SmartcnDictionary load() {
        long started = System.nanoTime();
        try (ObjectInputStream core = open("coredict.mem");
                ObjectInputStream bigram = open("bigramdict.mem")) {
            SmartcnDictionary dictionary =
                    new SmartcnDictionary(
                            (short[]) core.readObject(),
                            (char[]) core.readObject(),
                            (char[][][]) core.readObject(),
                            (int[][]) core.readObject(),
                            (long[]) bigram.readObject(),
                            (int[]) bigram.readObject());
            LOG.info(
                    "smartcn dictionaries loaded for the fast segmenter in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
            return dictionary;
        } catch (IOException e) {
            throw new UncheckedIOException("reading smartcn's dictionaries failed", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("smartcn's dictionaries hold an unknown class", e);
        }
    }

    private static ObjectInputStream open(String name) throws IOException {
        InputStream raw = HMMChineseTokenizer.class.getResourceAsStream(RESOURCES + name);
        if (raw == null) {
            throw new IOException("no " + RESOURCES + name + " on the class path (smartcn jar)");
        }
        ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(raw, 1 << 16));
        // the files are arrays of primitives; anything else is not smartcn's data
        in.setObjectInputFilter(
                info -> {
                    Class<?> type = info.serialClass();
                    if (type == null) {
                        return ObjectInputFilter.Status.UNDECIDED;
                    }
                    while (type.isArray()) {
                        type = type.getComponentType();
                    }
                    return type.isPrimitive()
                            ? ObjectInputFilter.Status.ALLOWED
                            : ObjectInputFilter.Status.REJECTED;
                });
        return in;
    }

    private SmartcnDictionary(
            short[] wordIndexTable,
            char[] charIndexTable,
            char[][][] items,
            int[][] frequencyTable,
            long[] bigramHashTable,
            int[] bigramFrequencyTable) {
        this.wordIndexTable = wordIndexTable;
        this.charIndexTable = charIndexTable;
        this.items = items;
        this.frequencyTable = frequencyTable;
        this.bigramHashTable = bigramHashTable;
        this.bigramFrequencyTable = bigramFrequencyTable;

        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            charType[c] = (byte) Utility.getCharType((char) c);
        }
        for (int c = HANZI_FIRST; c <= HANZI_LAST; c++) {
            char[] single = {(char) c};
            int slot = wordItemTableIndex((char) c);
            hanziTable[c - HANZI_FIRST] = slot == -1 ? -1 : wordIndexTable[slot];
            hanziFrequency[c - HANZI_FIRST] = frequency(single);
            hanziPrefixMatch[c - HANZI_FIRST] = slot == -1 ? -1 : prefixMatch0(single);
        }
        itemFrequency = new int[items.length][];
        for (int t = 0; t < items.length; t++) {
            char[][] table = items[t];
            if (table == null) {
                continue;
            }
            itemFrequency[t] = new int[table.length];
            for (int k = 0; k < table.length; k++) {
                if (table[k] != null) {
                    int found = findInTable(table, table[k], 0);
                    itemFrequency[t][k] = found == -1 ? 0 : frequencyTable[t][found];
                }
            }
        }
        int tablesUnsorted = 0;
        int entryChars = 0;
        for (char[][] table : items) {
            if (table != null) {
                for (char[] entry : table) {
                    entryChars += entry == null ? 0 : entry.length;
                }
            }
        }
        // at most one edge per entry character; at most half full
        int capacity = Integer.highestOneBit(Math.max(16, entryChars) * 2) * 2;
        edges = new long[2 * capacity];
        edgeMask = capacity - 1;
        int[] tableRoot = new int[items.length];
        for (int t = 0; t < items.length; t++) {
            char[][] table = items[t];
            if (table == null || table.length == 0) {
                tableRoot[t] = NO_WORDS;
            } else if (!sorted(table)) {
                tableRoot[t] = UNSORTED;
                tablesUnsorted++;
            } else {
                int root = newNode();
                tableRoot[t] = root;
                for (int k = 0; k < table.length; k++) {
                    char[] entry = table[k];
                    if (entry == null || entry.length == 0) {
                        continue;
                    }
                    int node = root;
                    for (char ch : entry) {
                        // while building, an edge's value is its target alone
                        long found = child(node, ch);
                        int next = (int) found;
                        if (next == -1) {
                            next = newNode();
                            addEdge(node, ch, next);
                        }
                        node = next;
                    }
                    nodeFrequency[node] = itemFrequency[t][k];
                }
            }
        }
        for (int slot = 0; slot <= edgeMask; slot++) {
            if (edges[2 * slot] != 0) {
                int target = (int) edges[2 * slot + 1];
                edges[2 * slot + 1] = (long) target << 32 | (nodeFrequency[target] & 0xFFFFFFFFL);
            }
        }
        for (int c = HANZI_FIRST; c <= HANZI_LAST; c++) {
            int table = hanziTable[c - HANZI_FIRST];
            hanziRoot[c - HANZI_FIRST] = table == -1 ? NO_WORDS : tableRoot[table];
            if (hanziRoot[c - HANZI_FIRST] >= 0 && hanziPrefixMatch[c - HANZI_FIRST] == -1) {
                throw new AssertionError("a sorted non-empty table has a prefix match");
            }
        }
        if (tablesUnsorted > 0) {
            LOG.warn(
                    "{} of smartcn's word tables are not sorted; words starting with their"
                            + " characters are looked up the slow way",
                    tablesUnsorted);
        }

        for (long hash : bigramHashTable) {
            if (hash != 0) {
                long mix = hash * 0x9E3779B97F4A7C15L;
                bigramFilter[(int) (mix >>> 47)] |= filterBits(mix);
            }
        }

        stringFrequency = frequency(STRING_CHARS);
        numberFrequency = frequency(NUMBER_CHARS);
        beginFrequency = frequency(BEGIN_CHARS);
    }

    private static boolean sorted(char[][] table) {
        for (int k = 1; k < table.length; k++) {
            if (Utility.compareArray(table[k - 1], 0, table[k], 0) > 0) {
                return false;
            }
        }
        return true;
    }

    private int newNode() {
        if (nodes == nodeFrequency.length) {
            nodeFrequency = java.util.Arrays.copyOf(nodeFrequency, nodes * 2);
        }
        nodeFrequency[nodes] = NOT_A_WORD;
        return nodes++;
    }

    private void addEdge(int node, char ch, int target) {
        long key = ((long) node << 16 | ch) + 1;
        int slot = slot(key);
        while (edges[2 * slot] != 0) {
            slot = (slot + 1) & edgeMask;
        }
        edges[2 * slot] = key;
        edges[2 * slot + 1] = target;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & edgeMask;
    }

    /**
     * The trie node spelling {@code node}'s word plus {@code ch} and smartcn's frequency of that
     * word ({@link #target}, {@link #childFrequency}), or -1 if no entry starts with it.
     */
    long child(int node, char ch) {
        long key = ((long) node << 16 | ch) + 1;
        long[] e = edges;
        int slot = slot(key);
        while (true) {
            long k = e[2 * slot];
            if (k == key) {
                return e[2 * slot + 1];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & edgeMask;
        }
    }

    static int target(long child) {
        return (int) (child >>> 32);
    }

    /** smartcn's frequency of the word a {@link #child} spells, or {@link #NOT_A_WORD}. */
    static int childFrequency(long child) {
        return (int) child;
    }

    private static long filterBits(long mix) {
        return 1L << (int) (mix >>> 41) | 1L << (int) (mix >>> 35);
    }

    // ---- the word dictionary's lookups, as smartcn does them (load time only) ----

    private static long hash1(char c) {
        long hash = FNV_OFFSET;
        hash = (hash ^ (c & 0x00FF)) * FNV_PRIME;
        hash = (hash ^ (c >> 8)) * FNV_PRIME;
        hash += hash << 13;
        hash ^= hash >> 7;
        hash += hash << 3;
        hash ^= hash >> 17;
        hash += hash << 5;
        return hash;
    }

    private static int hash2(char c) {
        int hash = DJB_START;
        hash = ((hash << 5) + hash) + c & 0x00FF;
        hash = ((hash << 5) + hash) + c >> 8;
        return hash;
    }

    private int wordItemTableIndex(char c) {
        int hash1 = (int) (hash1(c) % PRIME_INDEX_LENGTH);
        int hash2 = hash2(c) % PRIME_INDEX_LENGTH;
        if (hash1 < 0) {
            hash1 = PRIME_INDEX_LENGTH + hash1;
        }
        if (hash2 < 0) {
            hash2 = PRIME_INDEX_LENGTH + hash2;
        }
        int index = hash1;
        int i = 1;
        while (charIndexTable[index] != 0 && charIndexTable[index] != c && i < PRIME_INDEX_LENGTH) {
            index = (hash1 + i * hash2) % PRIME_INDEX_LENGTH;
            i++;
        }
        return i < PRIME_INDEX_LENGTH && charIndexTable[index] == c ? index : -1;
    }

    /** smartcn's binary search for {@code word} (its entry holds {@code word[from..]}). */
    private static int findInTable(char[][] table, char[] word, int from) {
        int start = 0;
        int end = table.length - 1;
        int mid = (start + end) / 2;
        while (start <= end) {
            int cmp = compareArray(table[mid], 0, word, from);
            if (cmp == 0) {
                return mid;
            } else if (cmp < 0) {
                start = mid + 1;
            } else {
                end = mid - 1;
            }
            mid = (start + end) / 2;
        }
        return -1;
    }

    private static int compareArray(char[] left, int leftStart, char[] right, int rightStart) {
        return Utility.compareArray(left, leftStart, right, rightStart);
    }

    private int frequency(char[] word) {
        int slot = wordItemTableIndex(word[0]);
        if (slot == -1) {
            return 0;
        }
        int table = wordIndexTable[slot];
        int found = findInTable(items[table], word, 1);
        return found == -1 ? 0 : frequencyTable[table][found];
    }

    private int prefixMatch0(char[] word) {
        int slot = wordItemTableIndex(word[0]);
        char[][] table = items[wordIndexTable[slot]];
        int start = 0;
        int end = table.length - 1;
        int mid = (start + end) / 2;
        while (start <= end) {
            int cmp = Utility.compareArrayByPrefix(word, 1, table[mid], 0);
            if (cmp == 0) {
                while (mid >= 0 && Utility.compareArrayByPrefix(word, 1, table[mid], 0) == 0) {
                    mid--;
                }
                return mid + 1;
            } else if (cmp < 0) {
                end = mid - 1;
            } else {
                start = mid + 1;
            }
            mid = (start + end) / 2;
        }
        return -1;
    }

    // ---- run time ----

    /**
     * smartcn's {@code getPrefixMatch(word, knownStart)} for {@code word[0..length)} in {@code
     * table}: the first entry that {@code word[1..length)} is a prefix of, or -1.
     */
    int prefixMatch(int table, char[] word, int length, int knownStart) {
        char[][] entries = items[table];
        int start = knownStart;
        int end = entries.length - 1;
        int mid = (start + end) / 2;
        while (start <= end) {
            int cmp = compareByPrefix(word, length, entries[mid]);
            if (cmp == 0) {
                while (mid >= 0 && compareByPrefix(word, length, entries[mid]) == 0) {
                    mid--;
                }
                return mid + 1;
            } else if (cmp < 0) {
                end = mid - 1;
            } else {
                start = mid + 1;
            }
            mid = (start + end) / 2;
        }
        return -1;
    }

    /** {@code Utility.compareArrayByPrefix(word, 1, entry, 0)} on the used part of the buffer. */
    private static int compareByPrefix(char[] word, int length, char[] entry) {
        if (entry == null) {
            return 1 < length ? 1 : 0;
        }
        int si = 1;
        int li = 0;
        while (si < length && li < entry.length && word[si] == entry[li]) {
            si++;
            li++;
        }
        if (si == length) {
            return 0;
        }
        if (li == entry.length) {
            return 1;
        }
        return word[si] > entry[li] ? 1 : -1;
    }

    /** smartcn's {@code isEqual(word, index)}: is the entry exactly {@code word[1..length)}. */
    boolean isEqual(int table, char[] word, int length, int index) {
        char[] entry = items[table][index];
        if (entry == null) {
            return length <= 1;
        }
        int li = 1;
        int ri = 0;
        while (li < length && ri < entry.length && word[li] == entry[ri]) {
            li++;
            ri++;
        }
        return li == length && ri == entry.length;
    }

    /** {@link #bigramFrequency}, with the filter's shortcut for hashes that are not there. */
    int bigramFrequencyFiltered(long hashId, int hash2) {
        long mix = hashId * 0x9E3779B97F4A7C15L;
        long bits = filterBits(mix);
        // a hash of 0 matches every free slot: only smartcn's search knows what it answers
        if ((bigramFilter[(int) (mix >>> 47)] & bits) != bits && hashId != 0) {
            return 0;
        }
        return bigramFrequency(hashId, hash2);
    }

    /**
     * smartcn's bigram frequency for the bigram whose FNV hash is {@code hashId} and djb2 hash is
     * {@code hash2}: open addressing by double hashing, matched on the hash alone.
     */
    int bigramFrequency(long hashId, int hash2) {
        int h1 = (int) (hashId % PRIME_BIGRAM_LENGTH);
        int h2 = hash2 % PRIME_BIGRAM_LENGTH;
        if (h1 < 0) {
            h1 = PRIME_BIGRAM_LENGTH + h1;
        }
        if (h2 < 0) {
            h2 = PRIME_BIGRAM_LENGTH + h2;
        }
        long[] hashes = bigramHashTable;
        int index = h1;
        if (h2 == 0) {
            // the probe would stand still for PRIME_BIGRAM_LENGTH steps; its answer is this one
            return hashes[index] == hashId ? bigramFrequencyTable[index] : 0;
        }
        int i = 1;
        while (hashes[index] != 0 && hashes[index] != hashId && i < PRIME_BIGRAM_LENGTH) {
            index = (h1 + i * h2) % PRIME_BIGRAM_LENGTH;
            i++;
        }
        return i < PRIME_BIGRAM_LENGTH && hashes[index] == hashId ? bigramFrequencyTable[index] : 0;
    }
}
