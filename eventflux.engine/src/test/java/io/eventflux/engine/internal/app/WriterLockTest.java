package io.eventflux.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WriterLockTest {

    @Test
    void isReentrantAndReleasedOnlyByTheLastUnlock() throws Exception {
        WriterLock lock = new WriterLock();
        lock.lock();
        lock.lock();
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        boolean[] otherSawItHeld = new boolean[1];
        Thread other = new Thread(() -> otherSawItHeld[0] = !lock.isHeldByCurrentThread());
        other.start();
        other.join();
        assertThat(otherSawItHeld[0]).isTrue();
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void excludesOtherThreads() throws Exception {
        WriterLock lock = new WriterLock();
        int threads = 4;
        int rounds = 20_000;
        long[] counter = new long[1];
        boolean[] overlap = new boolean[1];
        int[] inside = new int[1];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < rounds; i++) {
                    lock.lock();
                    try {
                        if (++inside[0] != 1) {
                            overlap[0] = true;
                        }
                        counter[0]++; // a plain read-modify-write: only exclusion keeps it exact
                        inside[0]--;
                    } finally {
                        lock.unlock();
                    }
                }
            });
            th.start();
            all.add(th);
        }
        start.countDown();
        for (Thread th : all) {
            th.join();
        }
        lock.lock();
        try {
            assertThat(overlap[0]).isFalse();
            assertThat(counter[0]).isEqualTo((long) threads * rounds);
        } finally {
            lock.unlock();
        }
    }
}
