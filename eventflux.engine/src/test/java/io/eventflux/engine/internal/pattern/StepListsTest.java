package io.eventflux.engine.internal.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expiry of partial matches: started ones that expired go (in order or not), waiting ones stay. */
class StepListsTest {

    private static Partial started(int step, long ts) {
        Partial p = new Partial(2);
        p.step = step;
        p.bind(0, new Partial.Ev(ts, new Object[] {ts}), false, ts);
        return p;
    }

    private static final class Before implements StepLists.Expiry {
        final long limit;
        final List<Long> removed = new ArrayList<>();

        Before(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean expired(Partial p) {
            return p.startTs < limit;
        }

        @Override
        public void removed(Partial p) {
            removed.add(p.startTs);
        }
    }

    @Test
    void expiredPartialMatchesGoFromSortedAndUnsortedListsAndWaitingOnesStay() {
        StepLists lists = new StepLists(2);
        Partial waiting = new Partial(2);
        lists.add(waiting);
        for (long ts : new long[] {1, 2, 3, 10, 11}) {
            lists.add(started(0, ts)); // in order of their first events
        }
        for (long ts : new long[] {12, 4, 13, 5}) {
            lists.add(started(1, ts)); // out of order: every one is looked at
        }
        Before x = new Before(6);
        lists.expire(x);
        assertThat(x.removed).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<Partial> all = lists.all();
        assertThat(all).contains(waiting);
        assertThat(all.stream().filter(Partial::started).map(p -> p.startTs)).containsExactly(10L, 11L, 12L, 13L);
        Before none = new Before(0);
        lists.expire(none);
        assertThat(none.removed).isEmpty();
        assertThat(lists.size()).isEqualTo(5);
    }
}
