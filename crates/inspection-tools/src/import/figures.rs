//! 'Force in context' tables and charts.
//!
//! A block of figures is a mix of tables (a header row of column labels after an empty
//! first cell, then rows of a name and numbers), lines naming a group or a period, and — for
//! charts — label paragraphs, bold figure names and lone numbers. Periods come in three
//! layouts: a line before the table, a row after the figure with empty cells, or a row
//! named by the period under a title row with empty cells.

use std::sync::LazyLock;

use inspection_core::Unit;
use regex::Regex;

use super::text::{parse_number, Block, Line};

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+ months (?:ending|to) .+|as (?:of|at) .+|(?:19|20)\d\d/\d\d(?: projection)?|year ending .+|(?:at|on) \d{1,2}(?:st|nd|rd|th)? \w+ (?:19|20)\d\d)$")
        .expect("valid regex")
});
static TRAILING_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(.+?)\s+(\d+ months (?:ending|to) .+|as (?:of|at) .+|(?:19|20)\d\d/\d\d projection)$")
        .expect("valid regex")
});
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(as (?:of|at) \d{1,2}(?:st|nd|rd|th)? \w+ (?:19|20)\d\d)\b|\b(?:on|at) (\d{1,2}(?:st|nd|rd|th)? \w+ (?:19|20)\d\d)\b")
        .expect("valid regex")
});

pub fn is_period(text: &str) -> bool {
    PERIOD.is_match(text.trim())
}

/// Is this a 'Force in context' heading?
pub fn is_heading(text: &str) -> bool {
    let t = text.trim().to_lowercase().replace('-', " ");
    t == "force in context" || t == "the force in context"
}

/// The date a name or column label carries ("FTE in post on 31 March 2019").
fn dated(text: &str) -> Option<String> {
    let c = DATED.captures(text)?;
    c.get(1)
        .or_else(|| c.get(2))
        .map(|m| m.as_str().to_string())
}

/// A figure before it gets an id.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub group: String,
    pub name: String,
    pub unit: Unit,
    pub value: f64,
    pub value_label: String,
    pub comparators: Vec<(String, f64, Unit)>,
    pub period: Option<String>,
    pub line: usize,
}

/// A line or block the reader could not use.
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    pub line: usize,
    pub what: String,
}

fn unit_of(cell: &str, label: &str, name: &str, group: &str) -> Unit {
    let l = label.to_lowercase();
    let all = format!("{} {} {}", name, group, label).to_lowercase();
    if cell.contains('%') {
        Unit::Percent
    } else if cell.contains('£') || l.contains("spend") {
        Unit::Gbp
    } else if l.contains("fte") {
        Unit::Fte
    } else if all.contains("per 1,000") || all.contains("per 1000") || all.contains("per thousand")
    {
        Unit::Per1000
    } else if all.contains("likelihood")
        || l.contains("disproportionality")
        || all.contains(" times")
    {
        Unit::Ratio
    } else if l.contains("proportion") || l.contains("percentage") {
        Unit::Percent
    } else {
        Unit::Count
    }
}

#[derive(Default)]
struct Reader {
    default_group: String,
    group: Option<String>,
    /// The group was set after the last table's rows (a new table keeps it).
    group_fresh: bool,
    period: Option<String>,
    header: Option<Vec<String>>,
    table_has_rows: bool,
    pending_title: Option<String>,
    /// Figures of the current table still waiting for a period row after them.
    open_rows: Vec<usize>,
    chart_label: Option<String>,
    chart_name: Option<(String, usize)>,
    chart_period: Option<String>,
    chart_open: Option<usize>,
    comparator_label: Option<String>,
    out: Vec<Draft>,
    unplaced: Vec<Unplaced>,
}

/// Reads the figures of one 'Force in context' region.
pub fn read(blocks: &[Block], default_group: &str) -> (Vec<Draft>, Vec<Unplaced>) {
    let mut r = Reader {
        default_group: default_group.to_string(),
        ..Reader::default()
    };
    for (k, block) in blocks.iter().enumerate() {
        if block.has_cells() {
            r.table_block(block);
        } else {
            r.text_block(block, blocks.get(k + 1));
        }
    }
    r.finish()
}

impl Reader {
    fn group(&self) -> String {
        self.group
            .clone()
            .unwrap_or_else(|| self.default_group.clone())
    }

    fn set_group(&mut self, g: String) {
        self.group = Some(g);
        self.group_fresh = true;
        self.period = None;
        self.header = None;
        self.table_has_rows = false;
        self.close_rows();
    }

    /// Rows that never got a period row keep what they have (maybe none).
    fn close_rows(&mut self) {
        self.open_rows.clear();
    }

    fn table_block(&mut self, block: &Block) {
        let mut prev_was_row = false;
        for line in &block.lines {
            if line.cells.is_empty() {
                self.plain_line(line, prev_was_row);
                prev_was_row = false;
                continue;
            }
            prev_was_row = self.row(line);
        }
    }

    /// A line without cells inside a table block: a period or a title.
    fn plain_line(&mut self, line: &Line, after_row: bool) {
        if is_period(&line.text) {
            if after_row && !self.open_rows.is_empty() {
                self.apply_period_back(&line.text);
            } else {
                self.period = Some(line.text.clone());
            }
        } else if let Some(c) = TRAILING_PERIOD.captures(&line.text) {
            // A title row whose empty cells were lost with its trailing whitespace.
            let (g, p) = (c[1].to_string(), c[2].to_string());
            self.set_group(g);
            self.period = Some(p);
        } else if looks_like_unseparated_row(&line.text) {
            self.unplaced.push(Unplaced {
                line: line.no,
                what: unseparated(&line.text),
            });
        } else {
            self.pending_title = Some(line.text.clone());
        }
    }

    fn apply_period_back(&mut self, period: &str) {
        for &i in &self.open_rows {
            if self.out[i].period.is_none() {
                self.out[i].period = Some(period.to_string());
            }
        }
        self.open_rows.clear();
    }

    /// One row with cells. Returns whether it was a data row.
    fn row(&mut self, line: &Line) -> bool {
        let name = line.cells[0].clone();
        let values: Vec<&String> = line.cells[1..].iter().collect();
        if name.is_empty() {
            // A header row starts a new table; a second table in the same group without a
            // heading of its own falls back to the block's default group.
            if self.table_has_rows && !self.group_fresh {
                self.group = None;
                self.period = None;
            }
            self.close_rows();
            self.header = Some(line.cells[1..].to_vec());
            self.table_has_rows = false;
            self.group_fresh = false;
            self.pending_title = None;
            return false;
        }
        if values.iter().all(|v| v.is_empty()) {
            if is_period(&name) {
                if self.open_rows.is_empty() {
                    self.period = Some(name);
                } else {
                    self.apply_period_back(&name);
                }
            } else if let Some(c) = TRAILING_PERIOD.captures(&name) {
                let (g, p) = (c[1].to_string(), c[2].to_string());
                self.set_group(g);
                self.period = Some(p);
            } else {
                self.pending_title = Some(name);
            }
            return false;
        }
        self.data_row(line, name, &values)
    }

    fn data_row(&mut self, line: &Line, name: String, values: &[&String]) -> bool {
        let (name, row_period) = match (is_period(&name), self.pending_title.take()) {
            (true, Some(title)) => (title, Some(name)),
            (_, title) => {
                if let Some(t) = title {
                    // A title row over named rows is a group heading.
                    self.set_group(t);
                }
                (name, None)
            }
        };
        let Some(header) = self.header.clone() else {
            self.unplaced.push(Unplaced {
                line: line.no,
                what: format!("figure row '{name}' has no column headings above it"),
            });
            return false;
        };
        let Some(value) = values.first().and_then(|v| parse_number(v)) else {
            self.unplaced.push(Unplaced {
                line: line.no,
                what: format!("figure row '{name}': first value is not a number"),
            });
            return false;
        };
        let group = self.group();
        let label = header.first().cloned().unwrap_or_default();
        if label.is_empty() {
            self.unplaced.push(Unplaced {
                line: line.no,
                what: format!("figure row '{name}': its column has no heading"),
            });
            return false;
        }
        let unit = unit_of(values[0], &label, &name, &group);
        let mut comparators = Vec::new();
        for (k, cell) in values.iter().enumerate().skip(1) {
            if cell.is_empty() {
                continue;
            }
            match (header.get(k), parse_number(cell)) {
                (Some(l), Some(v)) if !l.is_empty() => {
                    comparators.push((l.clone(), v, unit_of(cell, l, &name, &group)));
                }
                _ => self.unplaced.push(Unplaced {
                    line: line.no,
                    what: format!("figure row '{name}': value '{cell}' has no column heading or is not a number"),
                }),
            }
        }
        let period = row_period
            .or_else(|| self.period.clone())
            .or_else(|| dated(&name))
            .or_else(|| dated(&label));
        self.out.push(Draft {
            group,
            name,
            unit,
            value,
            value_label: label,
            comparators,
            period,
            line: line.no,
        });
        self.open_rows.push(self.out.len() - 1);
        self.table_has_rows = true;
        self.group_fresh = false;
        true
    }

    /// A block without cells: a group heading, a period, or part of a chart.
    fn text_block(&mut self, block: &Block, next: Option<&Block>) {
        let t = block.text();
        let bold = block.lines.iter().any(|l| l.bold);
        let rows: Vec<&Line> = block
            .lines
            .iter()
            .filter(|l| looks_like_unseparated_row(&l.text))
            .collect();
        if !rows.is_empty() && !bold {
            // A table whose cell separators were lost: each row is reported on its own line.
            for l in rows {
                self.unplaced.push(Unplaced {
                    line: l.no,
                    what: unseparated(&l.text),
                });
            }
            return;
        }
        if block.is_number_only() {
            self.chart_value(block, &t);
        } else if bold {
            self.chart_name = Some((t, block.first_no()));
            self.chart_period = None;
            self.chart_open = None;
        } else if is_period(&t) {
            if self.chart_name.is_some() {
                self.chart_period = Some(t);
            } else {
                self.period = Some(t);
            }
        } else if let Some(c) = TRAILING_PERIOD
            .captures(&t)
            .filter(|_| self.chart_name.is_none())
        {
            // "Victim-based crime per 1,000 population 12 months ending 31 March 2019".
            let (g, p) = (c[1].to_string(), c[2].to_string());
            self.set_group(g);
            self.period = Some(p);
        } else if t.chars().count() <= 120 && !t.ends_with('.') {
            let next_bold = next.is_some_and(|n| n.lines.iter().any(|l| l.bold));
            let next_number = next.is_some_and(Block::is_number_only);
            if next_bold {
                self.chart_label = Some(t);
            } else if next_number && self.chart_open.is_some() {
                self.comparator_label = Some(t);
            } else {
                self.set_group(t);
                self.chart_label = None;
                self.chart_open = None;
            }
        } else {
            self.unplaced.push(Unplaced {
                line: block.first_no(),
                what: format!("text among the figures: '{}'", short(&t)),
            });
        }
    }

    fn chart_value(&mut self, block: &Block, t: &str) {
        let value = parse_number(t).unwrap_or_default();
        if let Some((name, line)) = self.chart_name.take() {
            let label = self.chart_label.clone().unwrap_or_default();
            if label.is_empty() {
                self.unplaced.push(Unplaced {
                    line,
                    what: format!("chart figure '{name}' has no value label"),
                });
                return;
            }
            let group = self.group();
            self.out.push(Draft {
                unit: unit_of(t, &label, &name, &group),
                group,
                name,
                value,
                value_label: label,
                comparators: Vec::new(),
                period: self.chart_period.take().or_else(|| self.period.clone()),
                line,
            });
            self.chart_open = Some(self.out.len() - 1);
        } else if let (Some(i), Some(label)) = (self.chart_open, self.comparator_label.take()) {
            let d = &mut self.out[i];
            let unit = unit_of(t, &label, &d.name, &d.group);
            d.comparators.push((label, value, unit));
        } else {
            self.unplaced.push(Unplaced {
                line: block.first_no(),
                what: format!("number '{t}' with no figure name"),
            });
        }
    }

    fn finish(mut self) -> (Vec<Draft>, Vec<Unplaced>) {
        if let Some((name, line)) = self.chart_name.take() {
            self.unplaced.push(Unplaced {
                line,
                what: format!("chart figure '{name}' has no value"),
            });
        }
        (self.out, self.unplaced)
    }
}

/// "Police Officer 1308 1330 -2%": a name followed by numbers, with the cell separators lost.
fn looks_like_unseparated_row(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.last().is_some_and(|w| parse_number(w).is_some())
        && words.iter().any(|w| parse_number(w).is_none())
        && !is_period(text)
        && !TRAILING_PERIOD.is_match(text)
}

fn unseparated(text: &str) -> String {
    format!(
        "'{}' looks like a table row, but its cells are not separated by tabs or runs of spaces",
        short(text)
    )
}

/// The first words of a long text, for messages.
pub fn short(text: &str) -> String {
    let mut out: String = text.chars().take(70).collect();
    if text.chars().count() > 70 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{blocks, clean_lines};

    #[test]
    fn period_rows_before_and_after() {
        let text = "\tGwent rate\tEngland and Wales rate\n999 calls per 1,000 population\t139\t175\n12 months ending 31 March 2019\t\t\n\nSpend per head of population\t\t\n2019/20 projection\t£213\t£203\n";
        let (figs, unplaced) = read(&blocks(&clean_lines(text)), "Force in context");
        assert!(unplaced.is_empty(), "{unplaced:?}");
        assert_eq!(figs.len(), 2);
        assert_eq!(
            figs[0].period.as_deref(),
            Some("12 months ending 31 March 2019")
        );
        assert_eq!(figs[0].unit, Unit::Per1000);
        assert_eq!(figs[1].name, "Spend per head of population");
        assert_eq!(figs[1].period.as_deref(), Some("2019/20 projection"));
        assert_eq!(figs[1].unit, Unit::Gbp);
    }
}
