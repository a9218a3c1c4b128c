// The engine's hot loops (the weekly pass runs every system for every customer, every week) rely on three habits of
// the JavaScript engines, explained here once and referred to where they are used ("hot-loop.ts").
//
// 1. Doubles from the start. V8 stores a numeric field as a small integer until a fraction is first written to
//    it, then widens it, which throws away the optimised code of every function that read the old layout. A
//    fractional field of an object the pass reads (store figures, tally, plan, week context, block results) is
//    therefore created holding DOUBLE_ZERO (−0, which only a double can hold) and, where it must start at +0 or a
//    scenario's value, set to that value right after: the field is a double from its first moment and holds
//    exactly what it would hold without the habit. Arithmetic treats −0 as 0 (−0 + x = x), and no −0 reaches the
//    state or a hash: every such field is set before it is read.
// 2. One shape per object kind. Objects the pass reads are built in one place, with every field in one order
//    (decisions are re-parsed, starting states are copied into fresh objects rather than spread).
// 3. Reused result objects. Functions called for every purchase hand back their results in a module-level object
//    (an "out" object) instead of allocating one per call; the caller reads it at once, before the next call.
//
// None of this changes a result: tests/sim/determinism.test.ts and the golden traces pin the outcomes, and
// `npm run bench` measures the speed.

/** −0: a zero only a double can hold (habit 1 above). */
export const DOUBLE_ZERO = -0;
