"""Accuracy of flashpoint against gold data sets (``flashpoint eval``)."""
