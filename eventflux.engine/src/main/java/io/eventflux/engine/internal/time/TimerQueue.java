package io.eventflux.engine.internal.time;

import java.util.PriorityQueue;

/**
 * The app's pending timers, earliest first. Timers due at one time fire by {@link Order}, then by their
 * schedulers' ids: the order the schedulers were made in (the app's operators in build order, then each
 * partition instance's as its key appeared, which a restored instance takes back, see {@link #mark()}),
 * not the order they were scheduled in: a restored app schedules its pending timers again in the order of
 * its snapshot, and must still fire them as the app that took it would have. Owned by the writer thread:
 * no locking. In wall-clock mode a {@link Waker} is told when the earliest timer changes.
 */
public final class TimerQueue {
    /** Arranges for the writer thread to look at the queue again at {@code time} (wall clock only). */
    public interface Waker {
        void wakeAt(long time);
    }

    /**
     * Which of the timers due at one time fire first: output rate limiters close their period before
     * windows report what happens at that time (rows made at a period's end belong to the next period,
     * as events stamped with it do); snapshots fire last, so they see the state after everything due.
     */
    public enum Order { PERIOD_END, NORMAL, AFTER_ALL }

    record Entry(long time, int order, long seq, OperatorScheduler owner) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(time, o.time);
            if (c == 0) {
                c = Integer.compare(order, o.order);
            }
            if (c == 0) {
                c = Long.compare(owner.id(), o.owner.id());
            }
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final Waker waker;
    private long seq;
    private long schedulers;
    private long nextDue = Long.MAX_VALUE;

    public TimerQueue(Waker waker) {
        this.waker = waker;
    }

    /** A scheduler for one operator instance; bind its target before the first timer fires. */
    public OperatorScheduler newScheduler() {
        return newScheduler(Order.NORMAL);
    }

    /** A scheduler whose timers fire, among those due at one time, in the given {@link Order}. */
    public OperatorScheduler newScheduler(Order order) {
        return new OperatorScheduler(this, order, schedulers++);
    }

    /**
     * A scheduler with a given id: a group of operators made at {@link #mark()} {@code m} (a partition
     * instance) gives its schedulers ids {@code m + 1, m + 2, ...}, then and when restored from a snapshot
     * that kept {@code m}. Later schedulers get higher ids.
     */
    public OperatorScheduler newScheduler(Order order, long id) {
        schedulers = Math.max(schedulers, id + 1);
        return new OperatorScheduler(this, order, id);
    }

    /** Takes the next id as the place of a group of operators about to be made (see above). */
    public long mark() {
        return schedulers++;
    }

    /** Puts a restored {@link #mark()} back: later marks and schedulers come after it. */
    public void remark(long mark) {
        schedulers = Math.max(schedulers, mark + 1);
    }

    void add(OperatorScheduler owner, long time) {
        queue.add(new Entry(time, owner.order().ordinal(), seq++, owner));
        if (time < nextDue) {
            nextDue = time;
            if (waker != null) {
                waker.wakeAt(time);
            }
        }
    }

    /** The time of the earliest timer, or Long.MAX_VALUE. */
    public long nextDue() {
        return nextDue;
    }

    /** Fires the earliest timer if it is due at or before {@code upTo}; returns its time or Long.MIN_VALUE. */
    Entry pollDue(long upTo) {
        if (nextDue > upTo) {
            return null;
        }
        Entry e = queue.poll();
        Entry head = queue.peek();
        nextDue = head == null ? Long.MAX_VALUE : head.time();
        return e;
    }

    /** Tells the waker about the earliest timer again (after a wake-up). */
    void rearm() {
        if (waker != null && nextDue != Long.MAX_VALUE) {
            waker.wakeAt(nextDue);
        }
    }

    public int size() {
        return queue.size();
    }
}
