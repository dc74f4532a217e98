"""The exercise library: one YAML file per regimen, read and checked once.

``bot/content/exercises/<regimen>.yml`` holds a regimen's exercises in our own words; this
module turns each into an :class:`Exercise` and refuses a file that is not complete,
naming the file and the field. Which regimen a person does is the programme's choice
(:mod:`bot.domain.programme`); here is only what each exercise is and how to do it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Literal, NoReturn

import yaml

from bot.domain.programme import Regimen
from bot.exercises.figure import PARTS

#: Step 4's regimen: not a Step 2 choice of the programme, but a library file all the same.
AEROBIC = "aerobic"
#: Every regimen the library has a file for, in the programme's order.
REGIMENS: tuple[str, ...] = (*(r.value for r in Regimen), AEROBIC)

PerformedBy = Literal["self", "practitioner"]
Motion = Literal["hold", "continuous"]
MIN_STEPS, MAX_STEPS = 3, 5
#: A purpose is one line: short enough to sit under the exercise's name.
MAX_PURPOSE_CHARS = 120


class ExerciseDataError(ValueError):
    """An exercise file is incomplete or malformed; the message names the file and field."""


@dataclass(frozen=True)
class Dose:
    """How much: holds, reps, sets and rest; or, for aerobic exercise, minutes and days.

    Aerobic ranges run from where to start to the goal (``minutes == (15, 30)``), built up
    week by week.
    """

    hold_seconds: int | None = None
    reps: int | None = None
    sets: int | None = None
    rest_seconds: int | None = None
    per_side: bool = False
    minutes: tuple[int, int] | None = None
    days_per_week: tuple[int, int] | None = None

    @property
    def aerobic(self) -> bool:
        """Whether the dose is in minutes and days rather than reps and sets."""
        return self.minutes is not None


@dataclass(frozen=True)
class Source:
    """Where the method comes from, and the seed passage the exercise serves."""

    method: str
    passage: str


@dataclass(frozen=True)
class Picture:
    """What to draw: the scene, the named poses (``poses.yml``) and how the animation moves.

    The still shows the first pose and the one half way round the list; the animation goes
    through every pose and back to the first, holding at each (``hold``) or not
    (``continuous``, for walking, cycling and swimming).
    """

    scene: str
    poses: tuple[str, ...]
    motion: Motion = "hold"
    #: Body parts that glow in the end pose: the muscles working when little else moves
    #: (a tummy brace).
    highlight: tuple[str, ...] = ()

    @property
    def still(self) -> tuple[str, str]:
        """The start and end poses of the still picture."""
        return self.poses[0], self.poses[len(self.poses) // 2]


@dataclass(frozen=True)
class Exercise:
    """One exercise, as a person (or their practitioner) is shown it."""

    id: str
    regimen: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    dose: Dose
    level: int
    feel: str
    stop: str
    #: When to stop any exercise of this regimen (for McKenzie: pain moving down the leg).
    regimen_stop: str
    performed_by: PerformedBy
    source: Source
    picture: Picture


@dataclass(frozen=True)
class Library:
    """Every exercise of every regimen, in the files' order."""

    exercises: tuple[Exercise, ...]

    def regimen(self, regimen: Regimen | str) -> tuple[Exercise, ...]:
        """A regimen's exercises, easiest first (``Regimen.MCKENZIE`` or ``"aerobic"``)."""
        name = regimen.value if isinstance(regimen, Regimen) else regimen
        if name not in REGIMENS:
            raise KeyError(f"no exercise regimen {name!r}")
        return tuple(e for e in self.exercises if e.regimen == name)

    def at_level(self, regimen: Regimen | str, level: int) -> tuple[Exercise, ...]:
        """A regimen's exercises of one level."""
        return tuple(e for e in self.regimen(regimen) if e.level == level)

    def levels(self, regimen: Regimen | str) -> tuple[int, ...]:
        """The levels a regimen has, lowest first."""
        return tuple(sorted({e.level for e in self.regimen(regimen)}))

    def get(self, exercise_id: str) -> Exercise:
        """An exercise by its id."""
        for e in self.exercises:
            if e.id == exercise_id:
                return e
        raise KeyError(f"no exercise {exercise_id!r}")


def default_directory() -> Traversable:
    """Where the library's files ship: ``bot/content/exercises/``."""
    return resources.files("bot.content").joinpath("exercises")


@cache
def exercise_library() -> Library:
    """The shipped library, read and checked once."""
    return load_library(default_directory())


def load_library(directory: Traversable | Path, regimens: Iterable[str] = REGIMENS) -> Library:
    """Read and check each regimen's file in ``directory``; ids must be unique overall."""
    exercises: list[Exercise] = []
    for regimen in regimens:
        path = directory.joinpath(f"{regimen}.yml")
        if not path.is_file():
            raise ExerciseDataError(f"{regimen}.yml: missing (every regimen has a file)")
        exercises += load_regimen(path.read_text("utf-8"), f"{regimen}.yml", regimen)
    seen: set[str] = set()
    for e in exercises:
        if e.id in seen:
            raise ExerciseDataError(f"{e.regimen}.yml: exercise id {e.id!r} is used twice")
        seen.add(e.id)
    return Library(tuple(exercises))


def load_regimen(text: str, file: str, regimen: str) -> tuple[Exercise, ...]:
    """One regimen file's exercises, checked; ``file`` names it in errors."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ExerciseDataError(f"{file}: not valid YAML ({error})") from error
    field = _Fields(file)
    top = field.mapping(raw, "")
    if field.text(top, "regimen") != regimen:
        raise ExerciseDataError(f"{file}: regimen must be {regimen!r}")
    performed_by = field.choice(top, "performed_by", ("self", "practitioner"))
    regimen_stop = field.text(top, "stop")
    items = top.get("exercises")
    if not isinstance(items, list) or not items:
        raise ExerciseDataError(f"{file}: exercises must be a non-empty list")
    exercises = tuple(
        _exercise(_Fields(file, f"exercises[{i}]"), item, regimen, performed_by, regimen_stop)
        for i, item in enumerate(items)
    )
    levels = [e.level for e in exercises]
    if levels != sorted(levels):
        raise ExerciseDataError(f"{file}: exercises must be listed easiest level first")
    return exercises


def _exercise(
    field: _Fields, raw: Any, regimen: str, performed_by: Any, regimen_stop: str
) -> Exercise:
    body = field.mapping(raw, "")
    exercise_id = field.text(body, "id")
    field = _Fields(field.file, f"{field.where} ({exercise_id})")
    purpose = field.text(body, "purpose")
    if "\n" in str(body["purpose"]).strip() or len(purpose) > MAX_PURPOSE_CHARS:
        field.fail("purpose", f"must be one line of at most {MAX_PURPOSE_CHARS} characters")
    steps = body.get("steps")
    if not isinstance(steps, list) or not MIN_STEPS <= len(steps) <= MAX_STEPS:
        field.fail("steps", f"must be a list of {MIN_STEPS} to {MAX_STEPS} short steps")
    source = field.mapping(body.get("source"), "source")
    picture = field.mapping(body.get("picture"), "picture")
    poses = picture.get("poses")
    if not isinstance(poses, list) or len(poses) < 2:
        field.fail("picture.poses", "must list at least two poses (start and end)")
    dose = _dose(field.at("dose"), field.mapping(body.get("dose"), "dose"), regimen)
    return Exercise(
        id=exercise_id,
        regimen=regimen,
        name=field.text(body, "name"),
        purpose=purpose,
        steps=tuple(field.text({"s": s}, "s", f"steps[{j}]") for j, s in enumerate(steps)),
        dose=dose,
        level=field.whole(body, "level"),
        feel=field.text(body, "feel"),
        stop=field.text(body, "stop"),
        regimen_stop=regimen_stop,
        performed_by=performed_by,
        source=Source(
            method=field.text(source, "method", "source.method"),
            passage=field.text(source, "passage", "source.passage"),
        ),
        picture=Picture(
            scene=field.text(picture, "scene", "picture.scene"),
            poses=tuple(
                field.text({"p": p}, "p", f"picture.poses[{j}]") for j, p in enumerate(poses)
            ),
            motion=field.choice(
                picture, "motion", ("hold", "continuous"), "picture.motion", "hold"
            ),
            highlight=_parts(field, picture.get("highlight", [])),
        ),
    )


def _parts(field: _Fields, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(p in PARTS for p in raw):
        field.fail("picture.highlight", f"must list body parts ({', '.join(PARTS)})")
    return tuple(raw)


def _dose(field: _Fields, raw: Mapping[str, Any], regimen: str) -> Dose:
    if regimen == AEROBIC:
        allowed = {"minutes", "days_per_week"}
        field.only(raw, allowed)
        return Dose(
            minutes=field.span(raw, "minutes"), days_per_week=field.span(raw, "days_per_week")
        )
    field.only(raw, {"hold_seconds", "reps", "sets", "rest_seconds", "per_side"})
    per_side = raw.get("per_side", False)
    if not isinstance(per_side, bool):
        field.fail("per_side", "must be true or false")
    return Dose(
        hold_seconds=field.whole(raw, "hold_seconds"),
        reps=field.whole(raw, "reps"),
        sets=field.whole(raw, "sets"),
        rest_seconds=field.whole(raw, "rest_seconds", minimum=0),
        per_side=per_side,
    )


@dataclass(frozen=True)
class _Fields:
    """Reads fields and says where a bad one is: ``file: exercises[2] (bridge).dose.reps``."""

    file: str
    where: str = ""

    def at(self, part: str) -> _Fields:
        return _Fields(self.file, f"{self.where}.{part}" if self.where else part)

    def fail(self, name: str, problem: str) -> NoReturn:
        place = ".".join(p for p in (self.where, name) if p)
        raise ExerciseDataError(f"{self.file}: {place} {problem}")

    def mapping(self, raw: Any, name: str) -> Mapping[str, Any]:
        if not isinstance(raw, dict):
            self.fail(name or "(the whole entry)", "must be a mapping of fields")
        return raw

    def only(self, raw: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = sorted(set(raw) - allowed)
        if unknown:
            self.fail(unknown[0], f"is not a field here (expected some of {sorted(allowed)})")

    def text(self, raw: Mapping[str, Any], name: str, label: str | None = None) -> str:
        """A non-empty text, spaces collapsed; ``label`` names it in errors if not ``name``."""
        value = raw.get(name)
        if not isinstance(value, str) or not value.strip():
            self.fail(label or name, "must be a non-empty text")
        return " ".join(value.split())

    def whole(self, raw: Mapping[str, Any], name: str, minimum: int = 1) -> int:
        value = raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(name, f"must be a whole number of at least {minimum}")
        return value

    def span(self, raw: Mapping[str, Any], name: str) -> tuple[int, int]:
        value = raw.get(name)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value)
            or value[0] > value[1]
        ):
            self.fail(name, "must be [start, goal]: two whole numbers, start not above goal")
        return value[0], value[1]

    def choice(
        self,
        raw: Mapping[str, Any],
        name: str,
        options: tuple[str, ...],
        label: str | None = None,
        default: str | None = None,
    ) -> Any:
        value = raw.get(name, default)
        if value not in options:
            self.fail(label or name, f"must be one of {', '.join(options)}")
        return value
