package dev.ferry.demos.vectorization;

/** A part of a traced stroke that one straight line or one circle fits within the tolerance. */
sealed interface Piece {
    Points points();

    record Straight(Points points, LineFit fit) implements Piece {}

    record Curved(Points points, CircleFit fit) implements Piece {}
}
