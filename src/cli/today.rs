//! Today's date in the system's time zone, read cheaply.

/// The file that holds the system's time zone on Unix, when `TZ` is not set.
const LOCALTIME: &str = "/etc/localtime";

/// Today's date (`YYYY-MM-DD`) in the system's time zone.
///
/// To find the system's zone by name, jiff first lists the whole time zone database (a
/// walk of `/usr/share/zoneinfo`, most of a short run's time). Without `TZ`, that zone is
/// the file `/etc/localtime`, so its rules are read from there; with `TZ` set, or where that
/// file is missing or unreadable, jiff decides as it always does.
pub fn today() -> String {
    if std::env::var_os("TZ").is_none()
        && let Ok(data) = std::fs::read(LOCALTIME)
        && let Ok(zone) = jiff::tz::TimeZone::tzif("localtime", &data)
    {
        return jiff::Timestamp::now().to_zoned_datetime(zone).date().to_string();
    }
    jiff::ZonedDateTime::now().date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_jiff_finds_for_the_system_zone() {
        // Around midnight the two readings could straddle it: read jiff's on both sides.
        let before = jiff::ZonedDateTime::now().date().to_string();
        let ours = today();
        let after = jiff::ZonedDateTime::now().date().to_string();
        assert!(ours == before || ours == after, "{ours} vs {before}..{after}");
    }
}
