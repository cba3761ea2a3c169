"""Which scenarios a change can affect.

A map of the lines each scenario ran (recording.py, map.py), and the choice made from it
for a change since a commit (changes.py, selection.py).
"""
