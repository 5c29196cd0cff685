"""Reads of the meals app, one module per subject: roster, day, counter, figures, history, retention."""
