"""Figures as plain plotly specs (timeline, stances, map) and their text alternatives."""
