"""Shared helpers: resolve the spoken date expressions used in the note specs.

Every due date in spoken-notes/*.json is produced from a small spec string by
this module, so the weekday arithmetic is done by code, not by hand.

Spec strings (today = the local date of recordedAt):
  None          no date said
  "+N"          N days after today ("today"/"tonight" = +0, "tomorrow" = +1,
                "the day after tomorrow" = +2, "in two weeks" = +14)
  "wd:fri"      bare weekday / "on friday" / "by friday" / "before friday" /
                "this friday": first such weekday strictly after today
                (said on a Friday, "friday" means the Friday of next week)
  "next:fri"    "next friday": that weekday in the following Monday-to-Sunday week
  "dom:14"      "the 14th": first date with that day-of-month on or after today
  "eom"         "end of the month": last day of the current month
  "eow"         "end of the week": Friday of the current week
  "eonw"        "end of next week": Friday of the following week
  "wkend"       "this weekend": Saturday of the current week
  "2026-04-15"  an explicit calendar date ("april fifteenth", "december third")
"""
import datetime as dt
import calendar

WD = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PRI = {"H": "HIGH", "M": "MEDIUM", "L": "LOW"}
KIND = {"T": "TASK", "E": "EVENT"}


def resolve(spec, today):
    if spec is None:
        return None
    if spec.startswith("+"):
        return today + dt.timedelta(days=int(spec[1:]))
    if spec.startswith("wd:"):
        target = WD.index(spec[3:])
        delta = (target - today.weekday()) % 7
        return today + dt.timedelta(days=delta or 7)
    if spec.startswith("next:"):
        target = WD.index(spec[5:])
        monday_next = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
        return monday_next + dt.timedelta(days=target)
    if spec.startswith("dom:"):
        d = int(spec[4:])
        if today.day <= d:
            return today.replace(day=d)
        y, m = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return dt.date(y, m, d)
    if spec == "eom":
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if spec == "eow":
        return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=4)
    if spec == "eonw":
        return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=11)
    if spec == "wkend":
        return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=5)
    return dt.date.fromisoformat(spec)
