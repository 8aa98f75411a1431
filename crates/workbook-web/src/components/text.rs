//! Pieces of text that pages share.

/// "45 minutes", "1 hour", "1 hour 30 minutes".
pub fn minutes_text(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let hours_text = match hours {
        0 => String::new(),
        1 => "1 hour".into(),
        n => format!("{n} hours"),
    };
    let minutes_text = match rest {
        1 => "1 minute".to_string(),
        m => format!("{m} minutes"),
    };
    match (hours, rest) {
        (0, _) => minutes_text,
        (_, 0) => hours_text,
        _ => format!("{hours_text} {minutes_text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::minutes_text;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(minutes_text(1), "1 minute");
        assert_eq!(minutes_text(5), "5 minutes");
        assert_eq!(minutes_text(60), "1 hour");
        assert_eq!(minutes_text(61), "1 hour 1 minute");
        assert_eq!(minutes_text(135), "2 hours 15 minutes");
    }
}
