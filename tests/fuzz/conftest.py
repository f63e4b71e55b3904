"""Hypothesis profiles of the fuzz tests: a few hundred fixed examples in ``make test``, thousands in
``make fuzz``.

``suite`` (the default) is derandomized and keeps no example database, so ``make test`` runs the same
examples on every machine. ``fuzz`` draws new examples every run and keeps the failing ones in
``.hypothesis/`` (``make fuzz`` sets ``BESLUT_FUZZ_PROFILE=fuzz``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# No deadline: speed is measured in bench/, and a shared machine is slow at times. A hang is caught by
# the tests' own bound instead (see test_check_fuzz.py).
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("suite", max_examples=300, derandomize=True, database=None, **_COMMON)
settings.register_profile("fuzz", max_examples=5000, **_COMMON)
settings.load_profile(os.environ.get("BESLUT_FUZZ_PROFILE", "suite"))
