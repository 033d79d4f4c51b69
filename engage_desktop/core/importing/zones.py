"""The shop's time zone: where order times are turned into days and months.

A new shop takes it from its first export that carries offsets (Shopify's +0900, an
API tool's Z): the zone those offsets belong to, the computer's own zone first when it
fits. Amazon's reports are always in UTC, which says nothing about the shop. Without
offsets, or with UTC offsets only (API tools write Z for every shop), the computer's
zone is the shop's. The owner sees it on import and can change it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from engage_desktop.core.importing import dates

FALLBACK_ZONE = "Asia/Tokyo"
# Zones tried, after the computer's own, for a file's offsets (a shop is most likely in one of these).
COMMON_ZONES = (
    "Asia/Tokyo", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "America/Toronto", "America/Vancouver", "America/Sao_Paulo", "America/Mexico_City", "Europe/London",
    "Europe/Paris", "Europe/Berlin", "Europe/Rome", "Europe/Madrid", "Europe/Amsterdam", "Europe/Helsinki",
    "Europe/Istanbul", "Africa/Johannesburg", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok", "Asia/Singapore",
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Seoul", "Australia/Sydney", "Australia/Perth",
    "Pacific/Auckland", "UTC",
)


def computer_zone() -> str:
    """The computer's zone as an IANA name (tzlocal maps Windows' own names)."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
        zoneinfo.ZoneInfo(name)
        return name
    except Exception:  # noqa: BLE001 - no zone configured, or one zoneinfo does not know
        return FALLBACK_ZONE


# Where a shop paid in a currency most likely is: tried first (May's +0200 is Paris and Johannesburg).
CURRENCY_ZONES = {
    "JPY": ("Asia/Tokyo",), "ZAR": ("Africa/Johannesburg",), "INR": ("Asia/Kolkata",), "GBP": ("Europe/London",),
    "EUR": ("Europe/Paris", "Europe/Berlin", "Europe/Rome", "Europe/Madrid", "Europe/Amsterdam", "Europe/Helsinki"),
    "USD": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "CAD": ("America/Toronto", "America/Vancouver"), "AUD": ("Australia/Sydney", "Australia/Perth"),
    "NZD": ("Pacific/Auckland",), "KRW": ("Asia/Seoul",), "CNY": ("Asia/Shanghai",), "TWD": ("Asia/Taipei",),
    "HKD": ("Asia/Hong_Kong",), "SGD": ("Asia/Singapore",), "THB": ("Asia/Bangkok",), "BRL": ("America/Sao_Paulo",),
    "MXN": ("America/Mexico_City",), "TRY": ("Europe/Istanbul",), "AED": ("Asia/Dubai",),
}


def zone_for_times(times: list[dt.datetime], currency: str | None = None) -> str | None:
    """The zone whose offsets match every time (aware datetimes, as the file wrote them), or None;
    the computer's zone first, then the zones of the file's currency, then common ones."""
    if not times:
        return None
    for name in dict.fromkeys((computer_zone(), *CURRENCY_ZONES.get(currency or "", ()), *COMMON_ZONES)):
        zone = zoneinfo.ZoneInfo(name)
        if all(t.astimezone(zone).utcoffset() == t.utcoffset() for t in times):
            return name
    offset = times[0].utcoffset()
    hours, rest = divmod(int(offset.total_seconds()) if offset else 0, 3600)
    if not rest and all(t.utcoffset() == offset for t in times):
        return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX: Etc/GMT-9 is nine hours east
    return None


def zone_of_file(cells: list[str], offsets_tell_zone: bool = True, currency: str | None = None) -> str | None:
    """The zone a file's date cells (its first rows) say the shop is in, or None."""
    times = dates.aware_times(cells) if offsets_tell_zone else []
    if all(t.utcoffset() == dt.timedelta(0) for t in times):
        return None  # UTC (Z) is how API tools write any shop's times: it does not tell where the shop is
    return zone_for_times(times, currency)
