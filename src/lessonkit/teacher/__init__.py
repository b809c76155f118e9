"""The teacher side: assign lessons, export quizzes to an LMS, grade saved answers."""
