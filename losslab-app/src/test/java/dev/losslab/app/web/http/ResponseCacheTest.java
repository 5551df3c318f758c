package dev.losslab.app.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The LRU keeps recent answers within its entry and byte bounds. */
class ResponseCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedBeyondMaxEntries() {
        var cache = new ResponseCache<String>(2, 1000);
        byte[] a = {1};
        byte[] b = {2};
        cache.get("a", () -> a);
        cache.get("b", () -> b);
        cache.get("a", () -> new byte[] {9}); // a is now the most recent
        cache.get("c", () -> new byte[] {3}); // evicts b
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a", () -> new byte[] {9})).isSameAs(a);
        assertThat(cache.get("b", () -> new byte[] {8})).containsExactly(8);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void staysWithinMaxBytesAndSkipsAnswersLargerThanThat() {
        var cache = new ResponseCache<Integer>(100, 10);
        for (int k = 0; k < 5; k++) {
            cache.get(k, () -> new byte[4]);
        }
        assertThat(cache.size()).isEqualTo(2);
        byte[] huge = new byte[11];
        assertThat(cache.get(99, () -> huge)).isSameAs(huge);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(99, () -> new byte[1])).hasSize(1);
    }
}
