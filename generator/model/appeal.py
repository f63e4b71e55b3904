"""The last day to appeal a municipal decision, and how long its notice stays on the notice board."""

from __future__ import annotations

from datetime import date, timedelta

from generator.model.holidays import next_working_day

DEFAULT_APPEAL_PERIOD_DAYS = 21
"""Kommunallagen 13 kap.: an appeal must arrive within three weeks from the day the notice was posted."""


def last_appeal_day(anslag: date, period_days: int = DEFAULT_APPEAL_PERIOD_DAYS) -> date:
    """Return the last day to appeal a decision whose justerat protokoll was announced on ``anslag``."""
    if period_days < 1:
        raise ValueError(f"the appeal period must be at least one day, not {period_days}")
    # "Within three weeks from the day" ends on the same weekday three weeks later; lagen (1930:173) then
    # lets an appeal arrive on the next working day when that day is a weekend, holiday or one of the eves.
    return next_working_day(anslag + timedelta(days=period_days))


def notice_is_up(anslag: date, build_date: date, period_days: int = DEFAULT_APPEAL_PERIOD_DAYS) -> bool:
    """Tell whether the notice posted on ``anslag`` is on the notice board on ``build_date``."""
    # Kommunallagen 8 kap.: the notice stays up until and including the day the appeal period ends; it
    # follows the moved deadline, since the public must be able to see it for as long as appeals are open.
    return anslag <= build_date <= last_appeal_day(anslag, period_days)
