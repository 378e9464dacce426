"""The data sets of the labs and their generators (``python -m assets.make_reviews`` and so on, from the repo root)."""
