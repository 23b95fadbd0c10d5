package io.eventflux.engine;

import io.eventflux.api.extension.Extension;
import io.eventflux.engine.testext.LengthBatchWindowFactory;
import io.eventflux.engine.testext.LengthWindowFactory;
import io.eventflux.engine.testext.TestAggregators;
import io.eventflux.engine.testext.TestFunctions;
import io.eventflux.engine.testext.TimeBatchWindowFactory;

/** A registry of the test-only extensions, added the way the ServiceLoader path adds them. */
final class TestEngines {
    private TestEngines() {
    }

    static ExtensionRegistry registry() {
        ExtensionRegistry r = new ExtensionRegistry();
        for (Object f : new Object[] {new LengthWindowFactory(), new LengthBatchWindowFactory(),
                new TimeBatchWindowFactory(), new TestAggregators.Count(), new TestAggregators.Sum(),
                new TestAggregators.Avg(), new TestFunctions()}) {
            r.add(f, f.getClass().getAnnotation(Extension.class));
        }
        return r;
    }

    static EventFluxRuntime runtime() {
        return new EventFluxRuntime(registry());
    }
}
