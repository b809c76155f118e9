"""The quiz: scoring, text matching, the student and responses files, HTML, inputs, the widget."""
