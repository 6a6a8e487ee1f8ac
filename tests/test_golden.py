"""Every answer, quote, summary and JSON line identical to tests/golden/ (bench/golden.py explains and rewrites
it): the proof that a refactor changed no answer, kept inside the repository."""

import pytest

from bench import golden

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_answers_are_the_golden_ones(real_encoder):
    differences = golden.compare(golden.collect())
    assert not differences, "\n".join(differences[:10])
