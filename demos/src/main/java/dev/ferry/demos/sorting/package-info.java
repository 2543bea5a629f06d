/**
 * The sorting demo: a robot arm's photos of its work area, taken at several rotations of its
 * base, turned into pick-and-drop commands in the arm's own servo pulse widths (after
 * SorterBot's cloud service, github.com/simonszalai/sorterbot_cloud), and the "after" photos
 * stitched into one panorama.
 */
package dev.ferry.demos.sorting;
