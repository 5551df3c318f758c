package dev.losslab.core.field;

/** A labelled mark on a colour bar: the value and the shade (0..255) it sits at. */
public record Tick(double value, int shade) {}
