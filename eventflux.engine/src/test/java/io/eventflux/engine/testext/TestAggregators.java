package io.eventflux.engine.testext;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import java.io.Serializable;
import java.util.function.Supplier;

/** Test-only aggregators: count, sum, avg. */
public final class TestAggregators {
    private TestAggregators() {
    }

    static AggregatorDefinition definition(AttributeType type, Supplier<Aggregator> factory) {
        return new AggregatorDefinition() {
            @Override
            public AttributeType returnType() {
                return type;
            }

            @Override
            public Aggregator create() {
                return factory.get();
            }
        };
    }

    /** count() / count(x). */
    @Extension(type = Extension.AGGREGATOR, name = "count")
    public static final class Count implements AggregatorFactory {
        @Override
        public AggregatorDefinition define(AggregatorSpec spec) {
            boolean all = spec.arguments().isEmpty();
            return definition(AttributeType.LONG, () -> new Aggregator() {
                long n;

                @Override
                public void add(Object value) {
                    if (all || value != null) {
                        n++;
                    }
                }

                @Override
                public void remove(Object value) {
                    if (all || value != null) {
                        n--;
                    }
                }

                @Override
                public void reset() {
                    n = 0;
                }

                @Override
                public Object value() {
                    return n;
                }

                @Override
                public Serializable snapshot() {
                    return n;
                }

                @Override
                public void restore(Serializable state) {
                    n = (Long) state;
                }
            });
        }
    }

    /** sum(x): LONG for integers, DOUBLE otherwise; NULL when empty. */
    @Extension(type = Extension.AGGREGATOR, name = "sum")
    public static final class Sum implements AggregatorFactory {
        @Override
        public AggregatorDefinition define(AggregatorSpec spec) {
            AttributeType in = spec.arguments().get(0).type();
            boolean integral = in == AttributeType.INT || in == AttributeType.LONG;
            return definition(integral ? AttributeType.LONG : AttributeType.DOUBLE, () -> new Aggregator() {
                long count;
                long lsum;
                double dsum;

                @Override
                public void add(Object value) {
                    if (value != null) {
                        count++;
                        lsum += ((Number) value).longValue();
                        dsum += ((Number) value).doubleValue();
                    }
                }

                @Override
                public void remove(Object value) {
                    if (value != null) {
                        count--;
                        lsum -= ((Number) value).longValue();
                        dsum -= ((Number) value).doubleValue();
                    }
                }

                @Override
                public void reset() {
                    count = 0;
                    lsum = 0;
                    dsum = 0;
                }

                @Override
                public Object value() {
                    return count == 0 ? null : integral ? (Object) lsum : (Object) dsum;
                }

                @Override
                public Serializable snapshot() {
                    return new long[] {count, lsum, Double.doubleToLongBits(dsum)};
                }

                @Override
                public void restore(Serializable state) {
                    long[] s = (long[]) state;
                    count = s[0];
                    lsum = s[1];
                    dsum = Double.longBitsToDouble(s[2]);
                }
            });
        }
    }

    /** avg(x): DOUBLE; NULL when empty. */
    @Extension(type = Extension.AGGREGATOR, name = "avg")
    public static final class Avg implements AggregatorFactory {
        @Override
        public AggregatorDefinition define(AggregatorSpec spec) {
            return definition(AttributeType.DOUBLE, () -> new Aggregator() {
                long count;
                double sum;

                @Override
                public void add(Object value) {
                    if (value != null) {
                        count++;
                        sum += ((Number) value).doubleValue();
                    }
                }

                @Override
                public void remove(Object value) {
                    if (value != null) {
                        count--;
                        sum -= ((Number) value).doubleValue();
                    }
                }

                @Override
                public void reset() {
                    count = 0;
                    sum = 0;
                }

                @Override
                public Object value() {
                    return count == 0 ? null : sum / count;
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
            });
        }
    }
}
