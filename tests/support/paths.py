"""Where the checkout's files are, for the tests (the package itself never looks there)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "step5-stretch-and-exercise.txt"
SAFETY_SETS = ROOT / "tests" / "sets" / "safety"
