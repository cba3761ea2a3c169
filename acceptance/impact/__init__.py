"""Which scenarios a change can affect: a map recorded per scenario (recording.py, map.py), and the choice made from it (changes.py, selection.py)."""
