//! Amounts in worksheets: the `number` and `money` columns, and their totals. Amounts are kept as
//! whole hundredths (pence), never as floating point, so that 0.10 + 0.20 is 0.30.

use std::collections::BTreeMap;

use workbook_core::interface::{Arg, Msg};
use workbook_core::{Column, ColumnType, Totals};

use super::texts::tf;

/// A cell's text as hundredths: `12`, `12.5`, `12.50`, `-3`, `1,250.75` (a thousands comma is
/// allowed), a leading currency sign ignored. `None` for anything else (an empty cell, words).
pub fn hundredths(text: &str) -> Option<i64> {
    let text = text
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-' && c != '.');
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let text: String = text.chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    let value = whole.checked_mul(100)?.checked_add(fraction)?;
    Some(if negative { -value } else { value })
}

/// Hundredths as money: `£12.50`, `-£3.00`.
pub fn money(hundredths: i64, currency: &str) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let value = hundredths.unsigned_abs();
    format!("{sign}{currency}{}.{:02}", value / 100, value % 100)
}

/// Hundredths as a plain number, without needless decimals: `12`, `1.5`, `0.25`.
pub fn number(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let value = hundredths.unsigned_abs();
    match value % 100 {
        0 => format!("{sign}{}", value / 100),
        cents if cents % 10 == 0 => format!("{sign}{}.{}", value / 100, cents / 10),
        cents => format!("{sign}{}.{cents:02}", value / 100),
    }
}

/// An amount of a column, written as that column shows it.
pub fn show(column: &Column, hundredths: i64, currency: &str) -> String {
    match column.column_type {
        ColumnType::Money => money(hundredths, currency),
        _ => number(hundredths),
    }
}

/// The columns an entry's total adds up: its money columns, or, in a worksheet without money,
/// its number columns.
pub fn entry_total_columns(columns: &[Column]) -> Vec<&Column> {
    let money: Vec<&Column> = columns
        .iter()
        .filter(|c| c.column_type == ColumnType::Money)
        .collect();
    if money.is_empty() {
        columns
            .iter()
            .filter(|c| c.column_type == ColumnType::Number)
            .collect()
    } else {
        money
    }
}

/// An entry's total, as shown, when the worksheet asks for one and the entry has an amount.
pub fn entry_total(
    columns: &[Column],
    totals: Totals,
    row: &BTreeMap<String, String>,
    currency: &str,
) -> Option<String> {
    if !totals.entries {
        return None;
    }
    let added = entry_total_columns(columns);
    let values: Vec<i64> = added
        .iter()
        .filter_map(|c| row.get(&c.id).and_then(|v| hundredths(v)))
        .collect();
    let first = added.first()?;
    (!values.is_empty()).then(|| show(first, values.iter().sum(), currency))
}

/// Each amount column's total over the entries, as shown, when the worksheet asks for them.
pub fn column_totals(
    columns: &[Column],
    totals: Totals,
    rows: &[BTreeMap<String, String>],
    currency: &str,
) -> Vec<(String, String)> {
    if !totals.columns {
        return Vec::new();
    }
    columns
        .iter()
        .filter(|c| c.column_type.is_amount())
        .map(|column| {
            let sum: i64 = rows
                .iter()
                .filter_map(|row| row.get(&column.id).and_then(|v| hundredths(v)))
                .sum();
            (column.label.clone(), show(column, sum, currency))
        })
        .collect()
}

/// One of [`column_totals`] in words: "Spent: £12.50".
pub fn column_total(label: &str, total: &str) -> String {
    tf(
        Msg::AmountsColumnTotal,
        &[("column", Arg::Text(label)), ("total", Arg::Text(total))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(id: &str, column_type: ColumnType) -> Column {
        Column {
            id: id.into(),
            label: id.to_uppercase(),
            column_type,
        }
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(hundredths("12"), Some(1200));
        assert_eq!(hundredths(" 12.5 "), Some(1250));
        assert_eq!(hundredths("12.05"), Some(1205));
        assert_eq!(hundredths("£1,250.75"), Some(125_075));
        assert_eq!(hundredths("-3"), Some(-300));
        assert_eq!(hundredths(".5"), Some(50));
        assert_eq!(hundredths(""), None);
        assert_eq!(hundredths("about ten"), None);
        assert_eq!(hundredths("1.234"), None);
        assert_eq!(hundredths("99999999999999999999"), None);
    }

    #[test]
    fn amounts_are_shown_without_floating_point_slips() {
        assert_eq!(
            money(
                hundredths("0.1").unwrap_or(0) + hundredths("0.2").unwrap_or(0),
                "£"
            ),
            "£0.30"
        );
        assert_eq!(money(-300, "£"), "-£3.00");
        assert_eq!(number(1250), "12.5");
        assert_eq!(number(1205), "12.05");
        assert_eq!(number(1200), "12");
    }

    #[test]
    fn totals_add_money_columns_for_an_entry_and_every_amount_column() {
        let columns = vec![
            column("day", ColumnType::Date),
            column("gambling", ColumnType::Money),
            column("other", ColumnType::Money),
            column("hours", ColumnType::Number),
        ];
        let both = Totals {
            entries: true,
            columns: true,
        };
        let row: BTreeMap<String, String> = [
            ("gambling".to_string(), "10.50".to_string()),
            ("other".to_string(), "4".to_string()),
            ("hours".to_string(), "2".to_string()),
        ]
        .into();
        assert_eq!(
            entry_total(&columns, both, &row, "£"),
            Some("£14.50".into())
        );
        assert_eq!(entry_total(&columns, Totals::default(), &row, "£"), None);
        let rows = vec![
            row.clone(),
            [("hours".to_string(), "1.5".to_string())].into(),
        ];
        assert_eq!(
            column_totals(&columns, both, &rows, "£"),
            vec![
                ("GAMBLING".to_string(), "£10.50".to_string()),
                ("OTHER".to_string(), "£4.00".to_string()),
                ("HOURS".to_string(), "3.5".to_string()),
            ]
        );
        let hours_only = vec![column("hours", ColumnType::Number)];
        assert_eq!(entry_total(&hours_only, both, &row, "£"), Some("2".into()));
    }
}
