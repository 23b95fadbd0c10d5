package io.eventflux.engine.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
    private final TimeKeeper time = TimeKeeper.playback();
    private final List<String> fired = new ArrayList<>();

    private OperatorScheduler scheduler(String name, TimerQueue.Order order) {
        OperatorScheduler s = time.timers().newScheduler(order);
        s.bind(t -> fired.add(name + "@" + t));
        return s;
    }

    @Test
    void timersDueTogetherFireInTheOrderTheirSchedulersWereMadeWhateverOrderTheyWereScheduledIn() {
        OperatorScheduler first = scheduler("first", TimerQueue.Order.NORMAL);
        OperatorScheduler second = scheduler("second", TimerQueue.Order.NORMAL);
        // a restored app schedules its pending timers again in the order of its snapshot, which need not be
        // the order the app that took it scheduled them in: the firing order must not depend on it
        second.schedule(100);
        first.schedule(200);
        first.schedule(100);
        second.schedule(50);

        time.advanceTo(300);

        assertThat(fired).containsExactly("second@50", "first@100", "second@100", "first@200");
    }

    @Test
    void theOrderOfATimerStillComesFirstAmongThoseDueTogether() {
        OperatorScheduler snapshot = scheduler("snapshot", TimerQueue.Order.AFTER_ALL);
        OperatorScheduler window = scheduler("window", TimerQueue.Order.NORMAL);
        OperatorScheduler period = scheduler("period", TimerQueue.Order.PERIOD_END);
        snapshot.schedule(10);
        window.schedule(10);
        period.schedule(10);

        time.advanceTo(10);

        assertThat(fired).containsExactly("period@10", "window@10", "snapshot@10");
    }

    @Test
    void aGroupMadeAtAMarkKeepsItsPlaceWhenMadeAgainFromThatMark() {
        TimerQueue timers = time.timers();
        long p1 = timers.mark(); // as partition instances of two partitions made in turn
        OperatorScheduler a = group(p1, "a");
        long p2 = timers.mark();
        OperatorScheduler x = group(p2, "x");
        long p3 = timers.mark();
        OperatorScheduler b = group(p3, "b");
        assertThat(new long[] {p1, p2, p3}).isSorted();
        b.schedule(10);
        x.schedule(10);
        a.schedule(10);
        time.advanceTo(10);
        assertThat(fired).containsExactly("a@10", "x@10", "b@10");

        // restored partition by partition (a and b, then x), each from its mark: the same order
        TimeKeeper restored = TimeKeeper.playback();
        fired.clear();
        OperatorScheduler ra = group(restored.timers(), p1, "a");
        OperatorScheduler rb = group(restored.timers(), p3, "b");
        OperatorScheduler rx = group(restored.timers(), p2, "x");
        rb.schedule(10);
        rx.schedule(10);
        ra.schedule(10);
        restored.advanceTo(10);
        assertThat(fired).containsExactly("a@10", "x@10", "b@10");
        // what is made later comes after every restored group
        assertThat(restored.timers().mark()).isGreaterThan(p3 + 1);
    }

    private OperatorScheduler group(long mark, String name) {
        return group(time.timers(), mark, name);
    }

    private OperatorScheduler group(TimerQueue timers, long mark, String name) {
        timers.remark(mark);
        OperatorScheduler s = timers.newScheduler(TimerQueue.Order.NORMAL, mark + 1);
        s.bind(t -> fired.add(name + "@" + t));
        return s;
    }
}
