"""The suite's vocabulary: the people, what they do, the checks of what they see, the words steps take."""
