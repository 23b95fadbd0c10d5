package io.eventflux.extension.support.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.testing.ManualContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionTableTest {
    private final FunctionTable table = new FunctionTable("demo")
            .add("twice", call -> {
                call.arity(1, 1);
                AttributeType t = call.numeric(0);
                return DefinedFunction.of(t == AttributeType.INT ? AttributeType.LONG : AttributeType.DOUBLE,
                        a -> a[0] == null ? null : t == AttributeType.INT
                                ? (Object) (2L * (Integer) a[0]) : (Object) (2 * ((Number) a[0]).doubleValue()));
            })
            .add("clockNow", call -> {
                call.arity(0, 0);
                return new DefinedFunction(AttributeType.LONG, context -> a -> context.clock().now());
            })
            .add("shout", call -> {
                call.exactly(0, AttributeType.STRING);
                call.integral(1);
                return DefinedFunction.of(AttributeType.STRING, a -> a[0] + "!");
            });

    private static FunctionSpec spec(String name, Argument... args) {
        return new FunctionSpec(name, List.of(args));
    }

    @Test
    void aDefinedFunctionsTextIsItsReturnTypeTheSameInEveryCompile() {
        // an app's plan text fingerprints its stored snapshots: the factory lambda's text (class name,
        // identity hash) must not be part of it
        FunctionDefinition a = table.define(spec("twice", Argument.attribute("x", 0, AttributeType.INT)));
        FunctionDefinition b = table.define(spec("twice", Argument.attribute("x", 0, AttributeType.INT)));
        assertThat(a.toString()).isEqualTo(b.toString()).isEqualTo("DefinedFunction[returnType=LONG]");
    }

    @Test
    void namesKeepTheirSpellingAndLookupsIgnoreCase() {
        assertThat(table.names()).containsExactly("twice", "clockNow", "shout");
        FunctionDefinition d = table.define(spec("TWICE", Argument.attribute("x", 0, AttributeType.INT)));
        assertThat(d.returnType()).isEqualTo(AttributeType.LONG);
        assertThat(d.create(new ManualContext()).apply(new Object[] {21})).isEqualTo(42L);
        assertThatThrownBy(() -> table.add("Twice", call -> null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.define(spec("nope"))).isInstanceOf(ExtensionException.class)
                .hasMessage("function library 'demo' has no function 'nope'");
    }

    @Test
    void contextFunctionsGetTheQueryInstancesContext() {
        ManualContext context = new ManualContext();
        context.now = 1234;
        assertThat(table.define(spec("clockNow")).create(context).apply(new Object[0])).isEqualTo(1234L);
    }

    @Test
    void argumentChecksNameThePositionAndTheTypeFound() {
        Argument text = Argument.attribute("s", 0, AttributeType.STRING);
        Argument number = Argument.attribute("n", 1, AttributeType.DOUBLE);
        Argument nullLiteral = Argument.constant(AttributeType.STRING, null, false);
        assertThatThrownBy(() -> table.define(spec("twice", text))).isInstanceOf(ExtensionException.class)
                .hasMessage("function 'twice' argument 1 must be numeric, was STRING");
        assertThat(table.define(spec("twice", nullLiteral)).returnType())
                .as("a NULL literal counts as INT").isEqualTo(AttributeType.LONG);
        assertThatThrownBy(() -> table.define(spec("shout", text, number)))
                .hasMessage("function 'shout' argument 2 must be INT or LONG, was DOUBLE");
        assertThatThrownBy(() -> table.define(spec("shout", number, number)))
                .hasMessage("function 'shout' argument 1 must be STRING, was DOUBLE");
        assertThatThrownBy(() -> table.define(spec("clockNow", text))).isInstanceOf(ExtensionException.class);
    }
}
