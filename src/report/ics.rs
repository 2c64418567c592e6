//! The plan as a calendar (`readiness plan --format ics`, RFC 5545, written with the
//! `icalendar` crate): an all-day event on each open item's due date, and one over each
//! timeline activity's days, for a coordinator to import.
//!
//! The same plan gives the same file byte for byte: each event's `UID` is made from the
//! framework, the organization and the item's id, so that importing a newer plan updates
//! the events instead of adding copies, and `DTSTAMP` (which the standard requires) is the
//! plan's date at midnight UTC, never the clock.

use icalendar::{Calendar, Component, Event, EventLike, Property};
use sha2::{Digest, Sha256};

use super::plan::PlanInfo;

/// A date as iCalendar writes a day: `20260301`.
fn day(date: &str) -> String {
    date.replace('-', "")
}

/// The day after a `YYYY-MM-DD` date, as iCalendar writes it (an all-day event ends the
/// day after its last day).
fn day_after(date: &str) -> Option<String> {
    use jiff::ToSpan;
    let d: jiff::civil::Date = date.parse().ok()?;
    Some(day(&d.checked_add(1.day()).ok()?.to_string()))
}

/// An event id that stays the same for the same organization and item.
fn uid(framework: &str, organization: &str, kind: &str, id: &str) -> String {
    let digest = Sha256::digest(format!("{framework}\u{0}{organization}").as_bytes());
    let org: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("{kind}-{id}-{org}@readiness.{framework}")
}

fn all_day(event: &mut Event, start: &str, end: &str) -> bool {
    let Some(after) = day_after(end) else { return false };
    event.append_property(
        Property::new("DTSTART", day(start))
            .add_parameter("VALUE", "DATE")
            .done(),
    );
    event.append_property(Property::new("DTEND", after).add_parameter("VALUE", "DATE").done());
    true
}

/// The calendar of a plan: due dates and timeline activities.
pub fn calendar(framework: &str, plan: &PlanInfo) -> String {
    let stamp = format!("{}T000000Z", day(&plan.date));
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        format!("-//readiness//{}//EN", env!("CARGO_PKG_VERSION")),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.name(&format!("Micro-credential plan: {}", plan.organization));
    for item in &plan.items {
        let Some(due) = &item.due else { continue };
        let mut event = Event::new();
        event.uid(&uid(framework, &plan.organization, &item.kind, &item.id));
        event.add_property("DTSTAMP", &stamp);
        event.summary(&format!("Due: {}", item.title));
        let mut description = vec![format!(
            "{} of {}'s micro-credential plan{}.",
            if item.kind == "task" {
                "Important task"
            } else {
                "Recommendation"
            },
            plan.organization,
            item.phase_name.as_ref().map(|p| format!(" ({p})")).unwrap_or_default()
        )];
        if let Some(owner) = &item.owner {
            description.push(format!("Owner: {owner}"));
        }
        if let Some(status) = &item.status {
            description.push(format!("Status: {status}"));
        }
        event.description(&description.join("\n"));
        if all_day(&mut event, due, due) {
            calendar.push(event.done());
        }
    }
    for activity in plan.timeline.iter().flat_map(|t| t.activities.iter()) {
        let (Some(start), Some(end)) = (&activity.start, &activity.end) else {
            continue;
        };
        let mut event = Event::new();
        event.uid(&uid(framework, &plan.organization, "activity", &activity.id));
        event.add_property("DTSTAMP", &stamp);
        event.summary(&activity.title);
        event.description(&format!(
            "Implementation timeline of {}'s micro-credential pilot.{}",
            plan.organization,
            activity.help.as_ref().map(|h| format!(" {h}.")).unwrap_or_default()
        ));
        if let Some(location) = &activity.location {
            event.location(location);
        }
        if all_day(&mut event, start, end) {
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}
