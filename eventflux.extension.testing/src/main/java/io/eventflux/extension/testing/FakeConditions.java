package io.eventflux.extension.testing;

import io.eventflux.api.Event;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.ConditionState;
import io.eventflux.api.window.WindowCondition;
import io.eventflux.api.window.WindowConditions;
import io.eventflux.api.window.WindowContext;
import java.io.Serializable;

/**
 * Stands in for the engine's condition compiler: understands {@code count() <= n}, {@code sum(price) <= n}
 * and {@code span <= n} (the newest minus the oldest timestamp) over events of {@link WindowHarness#SCHEMA},
 * and counts how often it is evaluated.
 */
public final class FakeConditions implements WindowConditions {
    private int evaluations;

    /** How often a condition was evaluated. */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public WindowCondition compile(String expression) {
        String[] parts = expression.split("<=");
        if (parts.length != 2) {
            throw new ExtensionException("condition '" + expression + "' does not compile");
        }
        String what = parts[0].trim();
        double limit = Double.parseDouble(parts[1].trim());
        if (!what.equals("count()") && !what.equals("sum(price)") && !what.equals("span")) {
            throw new ExtensionException("condition '" + expression + "': unknown '" + what + "'");
        }
        return new WindowCondition() {
            @Override
            public String expression() {
                return expression;
            }

            @Override
            public ConditionState create(WindowContext context) {
                return new State(what, limit);
            }
        };
    }

    private final class State implements ConditionState {
        private final String what;
        private final double limit;
        private long count;
        private double sum;

        State(String what, double limit) {
            this.what = what;
            this.limit = limit;
        }

        @Override
        public void add(Event event) {
            count++;
            sum += (Double) event.get(1);
        }

        @Override
        public void remove(Event event) {
            count--;
            sum -= (Double) event.get(1);
        }

        @Override
        public void reset() {
            count = 0;
            sum = 0;
        }

        @Override
        public boolean holds(Event first, Event last) {
            evaluations++;
            return switch (what) {
                case "count()" -> count <= limit;
                case "sum(price)" -> sum <= limit;
                default -> first == null || last.timestamp() - first.timestamp() <= limit;
            };
        }

        @Override
        public Serializable snapshot() {
            return new double[] {count, sum};
        }

        @Override
        public void restore(Serializable state) {
            double[] s = (double[]) state;
            count = (long) s[0];
            sum = s[1];
        }
    }
}
