"""Choose the FallbackClassifier threshold on a validation split, not by hand.

The NLU training data (``data/nlu``) is split once, stratified by intent (80 % to train,
20 % to validate, seed 1; the evaluation sets under ``tests/sets`` play no part). A model
trained on the 80 % reads the 20 %, and for each candidate threshold the script prints
how many validation messages would be accepted (confidence at or above it) and how many
of those are read right. A message below the threshold gets "say that another way" (a
turn lost); above it, a wrong reading sends the conversation the wrong way, which costs
more (``WRONG_COST`` turns: a wrong answer kept, or a wrong branch to come back from). The
threshold chosen is the one with the lowest expected cost per message (the lowest such
threshold on a tie). Messages whose reading the safety union set
(a red flag, or a possible one: confidence 1) are counted apart: no threshold touches them.

    .venv/bin/python -m bench.calibrate
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from tests.support.paths import ROOT

WRONG_COST = 2.0
CANDIDATES = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
FALLBACK = "nlu_fallback"


def accepted_precision(
    readings: Sequence[tuple[str, str, float]], threshold: float
) -> tuple[int, float]:
    """How many (true intent, read intent, confidence) readings a threshold accepts, and
    the share of them read right (1.0 when it accepts none)."""
    accepted = [(t, r) for t, r, c in readings if c >= threshold]
    right = sum(1 for t, r in accepted if t == r)
    return len(accepted), (right / len(accepted) if accepted else 1.0)


def expected_cost(
    readings: Sequence[tuple[str, str, float]], threshold: float, wrong_cost: float = WRONG_COST
) -> float:
    """Turns lost per message: 1 for each message asked again, ``wrong_cost`` for each read
    wrong."""
    accepted, precision = accepted_precision(readings, threshold)
    wrong = accepted * (1 - precision)
    return ((len(readings) - accepted) + wrong_cost * wrong) / len(readings)


def choose(readings: Sequence[tuple[str, str, float]], wrong_cost: float = WRONG_COST) -> float:
    """The candidate with the lowest expected cost (the lowest threshold on a tie)."""
    return min(CANDIDATES, key=lambda t: (round(expected_cost(readings, t, wrong_cost), 9), t))


def _readings(
    model: str, examples: list[tuple[str, str]]
) -> tuple[list[tuple[str, str, float]], int]:
    """The readings the threshold decides, and how many the safety union decided."""
    from rasa.core.agent import Agent

    agent = Agent.load(model)

    async def read_all() -> tuple[list[tuple[str, str, float]], int]:
        out, by_safety = [], 0
        for text, intent in examples:
            parsed = await agent.parse_message(text)
            if any(e.get("extractor") == "SafetyUnion" for e in parsed.get("entities", [])):
                by_safety += 1
                continue
            ranking = [r for r in parsed.get("intent_ranking", []) if r["name"] != FALLBACK]
            top = ranking[0] if ranking else {"name": FALLBACK, "confidence": 0.0}
            out.append((intent, str(top["name"]), float(top["confidence"])))
        return out, by_safety

    return asyncio.run(read_all())


def main(argv: list[str] | None = None) -> int:
    """Train on 80 % of data/nlu, read the other 20 %, print the sweep and the choice."""
    parser = argparse.ArgumentParser(prog="bench.calibrate", description=main.__doc__)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    args = parser.parse_args(argv)

    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    train, validation = data.train_test_split(train_frac=0.8, random_seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        train_file = Path(tmp) / "train.yml"
        train_file.write_text(RasaYAMLWriter().dumps(train), encoding="utf-8")
        model = train_nlu(str(args.config), str(train_file), tmp, fixed_model_name="calibrate")
        assert model, "training failed"
        examples = [
            (m.get("text"), m.get("intent"))
            for m in validation.intent_examples
            if m.get("text") and m.get("intent")
        ]
        readings, by_safety = _readings(model, examples)

    print(
        f"{len(examples)} validation messages ({by_safety} read by the safety union, "
        f"{len(readings)} by the model), {len(train.intent_examples)} to train"
    )
    print(f"{'threshold':>9}  {'accepted':>8}  {'read right':>10}  {'cost':>5}")
    for threshold in CANDIDATES:
        n, precision = accepted_precision(readings, threshold)
        cost = expected_cost(readings, threshold)
        print(f"{threshold:>9.2f}  {n / len(readings):>8.1%}  {precision:>10.1%}  {cost:>5.3f}")
    wrong = Counter((t, r) for t, r, _ in readings if t != r)
    pairs = ", ".join(f"{t}->{r} {n}" for (t, r), n in wrong.most_common(8))
    print(f"most often read wrong: {pairs}")
    chosen = choose(readings)
    print(f"chosen: {chosen} (lowest expected cost, a wrong reading costing {WRONG_COST:g} turns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
