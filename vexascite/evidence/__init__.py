"""Ranking works against a statement and scoring support: pure code over plain data."""
