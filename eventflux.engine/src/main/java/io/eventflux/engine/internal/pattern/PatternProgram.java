package io.eventflux.engine.internal.pattern;

import io.eventflux.sql.plan.PatternInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pattern compiled into a chain of steps: the states of its state machine. A partial match waits at one
 * step; it leaves a step when the step's element(s) matched (or, for an absent step, when its time passed).
 * EVERY on one step makes that step fork a new partial match per matching event; EVERY on a group of steps
 * puts a fresh partial match at the group's first step when one leaves its last step (or dies inside it).
 */
final class PatternProgram {
    enum Kind { SINGLE, LOGICAL, ABSENT }

    /** One state. */
    static final class Step {
        final int index;
        final Kind kind;
        /** SINGLE / ABSENT: the element; LOGICAL: the left element. */
        final int element;
        /** LOGICAL: the right element. */
        final int right;
        final boolean and;
        final int min;
        final int max;
        final boolean counted;
        final long forMillis;
        boolean forkOnEntry;
        int[] restartOnLeave = new int[0];
        /** The first step of the innermost EVERY group that contains this step after its first, or -1. */
        int groupStart = -1;

        Step(int index, Kind kind, int element, int right, boolean and, PatternInput.Element e) {
            this.index = index;
            this.kind = kind;
            this.element = element;
            this.right = right;
            this.and = and;
            this.min = kind == Kind.SINGLE ? e.min() : 1;
            this.max = kind == Kind.SINGLE ? e.max() : 1;
            this.counted = kind == Kind.SINGLE && e.counted();
            this.forMillis = e.forMillis();
        }
    }

    private final List<Step> steps = new ArrayList<>();
    /** The steps, for lookups per event. */
    private final Step[] byIndex;
    private final int[] stepOfElement;

    PatternProgram(PatternInput input) {
        stepOfElement = new int[input.elements().size()];
        compile(input.root(), input);
        byIndex = steps.toArray(new Step[0]);
    }

    Step step(int i) {
        return byIndex[i];
    }

    int size() {
        return byIndex.length;
    }

    int stepOf(int element) {
        return stepOfElement[element];
    }

    /** Appends the steps of a node; returns {first, last}. */
    private int[] compile(PatternInput.Node node, PatternInput input) {
        if (node instanceof PatternInput.Step s) {
            PatternInput.Element e = input.elements().get(s.element());
            return add(new Step(steps.size(), e.absent() ? Kind.ABSENT : Kind.SINGLE, s.element(), -1, false, e));
        }
        if (node instanceof PatternInput.Logical l) {
            PatternInput.Element e = input.elements().get(l.left().element());
            Step step = new Step(steps.size(), Kind.LOGICAL, l.left().element(), l.right().element(), l.and(), e);
            stepOfElement[l.right().element()] = step.index;
            return add(step);
        }
        if (node instanceof PatternInput.FollowedBy f) {
            int first = -1;
            int last = -1;
            for (PatternInput.Node n : f.steps()) {
                int[] range = compile(n, input);
                first = first < 0 ? range[0] : first;
                last = range[1];
            }
            return new int[] {first, last};
        }
        int[] range = compile(((PatternInput.Every) node).inner(), input);
        if (range[0] == range[1]) {
            steps.get(range[0]).forkOnEntry = true;
        } else {
            Step end = steps.get(range[1]);
            end.restartOnLeave = Arrays.copyOf(end.restartOnLeave, end.restartOnLeave.length + 1);
            end.restartOnLeave[end.restartOnLeave.length - 1] = range[0];
            for (int i = range[0] + 1; i <= range[1]; i++) {
                if (steps.get(i).groupStart < range[0]) {
                    steps.get(i).groupStart = range[0];
                }
            }
        }
        return range;
    }

    private int[] add(Step step) {
        steps.add(step);
        stepOfElement[step.element] = step.index;
        return new int[] {step.index, step.index};
    }
}
