"""Quotations and reported speech attributed to the people and organisations who said them, and `/quote NAME`."""
