package dev.losslab.app.web.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of rendered JSON answers, for endpoints whose answer depends
 * only on the request (a landscape for a surface, grid and window). Bounded by entries and by
 * bytes, so a client sweeping windows cannot grow it without limit. Answers are computed outside
 * the lock: two requests for the same new key may both compute it, which is harmless.
 *
 * @param <K> the request key: a record of everything the answer depends on
 */
public final class ResponseCache<K> {

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<K, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public ResponseCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The cached answer for {@code key}, or {@code compute}'s, which is then kept. */
    public byte[] get(K key, Supplier<byte[]> compute) {
        synchronized (this) {
            byte[] cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        byte[] answer = compute.get();
        if (answer.length <= maxBytes) {
            synchronized (this) {
                byte[] previous = entries.put(key, answer);
                bytes += answer.length - (previous == null ? 0 : previous.length);
                var eldest = entries.entrySet().iterator();
                while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
                    Map.Entry<K, byte[]> e = eldest.next();
                    bytes -= e.getValue().length;
                    eldest.remove();
                }
            }
        }
        return answer;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
