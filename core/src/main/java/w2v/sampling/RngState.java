package w2v.sampling;

/*
 * The generator state with a cache line of padding on each side. HotSpot lays out a superclass's fields before
 * its subclass's, so `state` sits between RngPad's eight longs and Rng's eight. Every worker draws several
 * numbers per word; when the garbage collector copied two workers' generators next to each other, both cores
 * wrote the same cache line millions of times a second (2 threads: 1.78M words/sec steady against 2.0M padded).
 */
abstract class RngPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

abstract class RngState extends RngPad {
    long state;
}
