package dev.ferry.demos.regions;

/** Character error rate: the edits (insertions, deletions, substitutions) from the truth to what was read, over the truth's length. */
public record CharacterErrors(long edits, long characters) {
    public static CharacterErrors of(String truth, String read) {
        int[] previous = new int[read.length() + 1];
        int[] current = new int[read.length() + 1];
        for (int j = 0; j <= read.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= truth.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= read.length(); j++) {
                int substitute = previous[j - 1] + (truth.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return new CharacterErrors(previous[read.length()], truth.length());
    }

    public CharacterErrors plus(CharacterErrors other) {
        return new CharacterErrors(edits + other.edits, characters + other.characters);
    }

    public double rate() {
        return characters == 0 ? 0 : (double) edits / characters;
    }
}
