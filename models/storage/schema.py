"""Peewee classes over the tables that migrations.py creates (the SQL there is the authority).

tests/models/storage/test_migrations.py checks that every field here exists in a migrated database.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    ModelSelect,
    TextField,
)

from models.storage.db import BaseModel


class MuscleGroup(BaseModel):
    key = TextField(primary_key=True)
    sort_order = IntegerField()
    mv = IntegerField()
    mev = IntegerField()
    mav_low = IntegerField()
    mav_high = IntegerField()
    mrv = IntegerField()
    freq_min = IntegerField()
    freq_max = IntegerField()


class Exercise(BaseModel):
    id = AutoField()
    key = TextField(null=True, unique=True)
    name = TextField(unique=True)
    primary_group = ForeignKeyField(MuscleGroup, null=True, column_name="primary_group",
                                    field="key", backref="primary_exercises")
    primary_group_id: str | None  # the key it holds (declared for the type checker)
    pattern = TextField(default="")
    equipment = TextField(default="")
    rep_low = IntegerField()
    rep_high = IntegerField()
    tempo = TextField(default="2-0-1-0")
    load_step_kg = FloatField(default=2.5)
    load_step_lb = FloatField(default=5.0)
    rest_seconds = IntegerField(default=120)
    is_custom = BooleanField(default=False)
    notes = TextField(default="")
    # The backrefs of ExerciseAlias.exercise and ExerciseSecondary.exercise: a query of this
    # exercise's rows (declared for the type checker; peewee adds them).
    aliases: ModelSelect[ExerciseAlias]
    secondaries: ModelSelect[ExerciseSecondary]


class ExerciseAlias(BaseModel):
    id = AutoField()
    exercise = ForeignKeyField(Exercise, backref="aliases", on_delete="CASCADE")
    exercise_id: int  # the key it holds (declared for the type checker)
    # The column is named alias; the field hides Model.alias(), which nothing here calls.
    alias = TextField(unique=True)  # type: ignore[assignment]


class ExerciseSecondary(BaseModel):
    exercise = ForeignKeyField(Exercise, backref="secondaries", on_delete="CASCADE")
    exercise_id: int  # the key it holds (declared for the type checker)
    group = ForeignKeyField(MuscleGroup, column_name="group_key", field="key")
    group_key: str  # the key it holds, by its column name (for the type checker)

    class Meta:
        primary_key = CompositeKey("exercise", "group")


class Mesocycle(BaseModel):
    id = AutoField()
    name = TextField()
    level = TextField()
    start_date = DateField()
    accumulation_weeks = IntegerField()
    deload = BooleanField()
    training_days = TextField()  # comma-separated weekday keys, e.g. "mon,wed,fri"
    split = TextField(default="auto")
    priorities = TextField(default="{}")  # JSON: {group: "grow" | "maintain" | "skip"}
    created_at = TextField(null=True)
    max_minutes = IntegerField(null=True)  # the longest session the plan was made for


class Session(BaseModel):
    id = AutoField()
    date = DateField(index=True)
    position = IntegerField(default=0)  # order among the sessions of one day
    name = TextField(default="")
    status = TextField(default="planned")
    notes = TextField(default="")
    mesocycle = ForeignKeyField(Mesocycle, null=True, backref="sessions", on_delete="SET NULL")
    mesocycle_id: int | None  # the key it holds (declared for the type checker)
    week_number = IntegerField(null=True)
    source = TextField(null=True)  # e.g. "strong" for imported history
    source_key = TextField(null=True)
    kind = TextField(default="regular")  # "regular" or "deload"


class SessionExercise(BaseModel):
    id = AutoField()
    session = ForeignKeyField(Session, backref="exercises", on_delete="CASCADE")
    session_id: int  # the key it holds (declared for the type checker)
    exercise = ForeignKeyField(Exercise, backref="uses", on_delete="RESTRICT")
    exercise_id: int  # the key it holds (declared for the type checker)
    position = IntegerField(default=0)
    target_sets = IntegerField(default=3)
    rep_low = IntegerField()
    rep_high = IntegerField()
    target_rir = FloatField(null=True)
    tempo = TextField(default="")
    rest_seconds = IntegerField(default=120)
    notes = TextField(default="")
    # A recovery session's row (DOMAIN §5): halved, with the targets it had before.
    recovery = BooleanField(default=False)
    base_sets = IntegerField(null=True)
    base_rep_low = IntegerField(null=True)
    base_rep_high = IntegerField(null=True)


class LoggedSet(BaseModel):
    id = AutoField()
    session_exercise = ForeignKeyField(SessionExercise, backref="sets", on_delete="CASCADE")
    session_exercise_id: int  # the key it holds (declared for the type checker)
    position = IntegerField(default=0)
    kind = TextField(default="working")
    load_kg = FloatField(null=True)
    reps = IntegerField()
    rir = FloatField(null=True)
    rpe = FloatField(null=True)
    notes = TextField(default="")
    logged_at = TextField(null=True)
    seconds = IntegerField(null=True)  # a timed set's time (a plank: 0 reps, 60 s)


class Feedback(BaseModel):
    id = AutoField()
    session = ForeignKeyField(Session, backref="feedback", on_delete="CASCADE")
    session_id: int  # the key it holds (declared for the type checker)
    group = ForeignKeyField(MuscleGroup, column_name="group_key", field="key")
    group_key: str  # the key it holds, by its column name (for the type checker)
    soreness = IntegerField(null=True)
    pump = IntegerField(null=True)
    performance = IntegerField(null=True)
    joint_pain = BooleanField(default=False)


class Setting(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()


class ExerciseMapping(BaseModel):
    source_name = TextField(primary_key=True)
    exercise = ForeignKeyField(Exercise, on_delete="CASCADE")
    exercise_id: int  # the key it holds (declared for the type checker)


class Adjustment(BaseModel):
    """One group's "next week adapts" change, as applied to a plan week."""

    id = AutoField()
    mesocycle = ForeignKeyField(Mesocycle, backref="adjustments", on_delete="CASCADE")
    mesocycle_id: int  # the key it holds (declared for the type checker)
    week_number = IntegerField()
    group = ForeignKeyField(MuscleGroup, column_name="group_key", field="key")
    group_key: str  # the key it holds, by its column name (for the type checker)
    from_sets = IntegerField()
    to_sets = IntegerField()
    recovery = BooleanField(default=False)
    reason = TextField(default="")


ALL_MODELS = (MuscleGroup, Exercise, ExerciseAlias, ExerciseSecondary, Mesocycle, Session,
              SessionExercise, LoggedSet, Feedback, Setting, ExerciseMapping, Adjustment)
