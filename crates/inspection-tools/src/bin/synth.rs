//! `synth OUT_DIR [--forces N] [--inspections N] [--afis N] [--seed N]`: writes a SYNTHETIC
//! data set in the real schema, for benchmarks and scale tests only. Never bundle it.
//!
//! Every file carries `"synthetic": true` and every title and text starts with "SYNTHETIC",
//! so it can never pass as real data. Output is deterministic for a given set of arguments.
//!
//! Shape: `--forces` forces (default 43) × `--inspections` inspections each (default 8), two
//! years apart. Inspections from 2021 on use the five-point scale with areas (no pillars);
//! earlier ones the four-point scale with pillars and questions. Areas for improvement are
//! spread unevenly over the inspections (weights 0.4–1.6, like real reports) to an exact total
//! of `--afis` (default 30 per inspection: 10,320 for 43 × 8). Each inspection after a force's
//! first follows up some of the previous one's areas for improvement, some carried forward.

use std::path::PathBuf;
use std::process::ExitCode;

use inspection_core::*;

const USAGE: &str = "usage: synth OUT_DIR [--forces N] [--inspections N] [--afis TOTAL] [--seed N]";

/// splitmix64: small, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

struct Args {
    out: PathBuf,
    forces: usize,
    inspections: usize,
    afis: Option<usize>,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let (mut forces, mut inspections, mut afis, mut seed) = (43, 8, None, 1);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a whole number"))
        };
        match a.as_str() {
            "--forces" => forces = num("--forces")? as usize,
            "--inspections" => inspections = num("--inspections")? as usize,
            "--afis" => afis = Some(num("--afis")? as usize),
            "--seed" => seed = num("--seed")?,
            "-h" | "--help" => return Err(USAGE.into()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            s if out.is_none() => out = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}\n{USAGE}")),
        }
    }
    if forces == 0 || inspections == 0 {
        return Err("--forces and --inspections must be at least 1".into());
    }
    Ok(Args {
        out: out.ok_or(USAGE)?,
        forces,
        inspections,
        afis,
        seed,
    })
}

const FIVE_POINT_AREAS: &[&str] = &[
    "Engaging with and treating the public with fairness and respect",
    "Preventing crime",
    "Responding to the public",
    "Investigating crime",
    "Protecting vulnerable people",
    "Managing offenders and suspects",
    "Building, supporting and protecting the workforce",
    "Leadership and force management",
];

const PILLARS: &[(&str, &str, &[&str])] = &[
    (
        "Effectiveness",
        "How effectively does the force reduce crime and keep people safe?",
        &[
            "Preventing crime and tackling anti-social behaviour",
            "Investigating crime",
            "Protecting vulnerable people",
            "Tackling serious and organised crime",
        ],
    ),
    (
        "Efficiency",
        "How efficiently does the force operate and how sustainable are its services?",
        &[
            "Meeting current demands and using resources",
            "Planning for the future",
        ],
    ),
    (
        "Legitimacy",
        "How legitimately does the force treat the public and its workforce?",
        &[
            "Fair treatment of the public",
            "Ethical and lawful workforce behaviour",
            "Fair treatment of the workforce",
        ],
    ),
];

const VERBS: &[&str] = &[
    "improve how it",
    "make sure that it",
    "review how it",
    "strengthen the way it",
    "develop the way it",
    "ensure that supervisors",
    "make sure that officers and staff",
];
const ACTIONS: &[&str] = &[
    "records and reviews",
    "identifies and assesses",
    "supervises",
    "understands and manages",
    "allocates and prioritises",
    "monitors and evaluates",
    "trains staff in",
    "shares information about",
];
const OBJECTS: &[&str] = &[
    "vulnerable victims",
    "repeat callers",
    "domestic abuse investigations",
    "missing children",
    "registered sex offenders",
    "stop and search encounters",
    "use of force records",
    "vetting decisions",
    "calls for service",
    "organised crime groups",
    "anti-social behaviour",
    "neighbourhood policing priorities",
    "digital forensic backlogs",
    "wellbeing of its workforce",
    "complaints and misconduct cases",
    "outstanding suspects",
    "bail and released under investigation cases",
    "mental health demand",
    "hate crime reports",
    "fraud victims",
];
const QUALIFIERS: &[&str] = &[
    "so that risk is managed effectively",
    "to provide a consistent service to victims",
    "in line with national guidance",
    "so that it can show it treats people fairly",
    "to reduce delays",
    "so that it understands current and future demand",
    "and acts on what it finds",
    "to protect the public from harm",
];
const STATUSES: &[(FollowUpStatus, &str)] = &[
    (FollowUpStatus::Met, "The force has now met this."),
    (FollowUpStatus::InProgress, "This is being progressed."),
    (FollowUpStatus::NotMet, "The force has not yet met this."),
    (FollowUpStatus::Unknown, "The report does not say."),
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "SYNTHETIC The force should {} {} {} {}.",
        rng.pick(VERBS),
        rng.pick(ACTIONS),
        rng.pick(OBJECTS),
        rng.pick(QUALIFIERS)
    )
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn judgment(id: String, level: JudgmentLevel, name: &str, grade: Grade, source: &str) -> Judgment {
    Judgment {
        id,
        level,
        name: name.to_string(),
        question: None,
        grade: Some(grade),
        last_inspected: None,
        carried_over: None,
        summary: None,
        source: source.to_string(),
        children: Vec::new(),
    }
}

/// Splits `total` over `n` buckets with uneven, deterministic weights, summing exactly.
fn spread(total: usize, n: usize, rng: &mut Rng) -> Vec<usize> {
    let weights: Vec<u64> = (0..n).map(|_| 40 + rng.below(121) as u64).collect();
    let sum: u64 = weights.iter().sum();
    let mut counts: Vec<usize> = weights
        .iter()
        .map(|w| (total as u64 * w / sum) as usize)
        .collect();
    let mut left = total - counts.iter().sum::<usize>();
    let mut i = 0;
    while left > 0 {
        counts[i % n] += 1;
        left -= 1;
        i += 7;
    }
    counts
}

struct Made {
    inspection: Inspection,
    /// Ids of its areas for improvement, for the next inspection's follow-ups.
    afis: Vec<String>,
}

fn make_inspection(
    rng: &mut Rng,
    force: &Force,
    k: usize,
    year: u32,
    afi_count: usize,
    previous: Option<&Made>,
) -> Made {
    let five_point = year >= 2021;
    let period = format!("{year}/{:02}", (year + 1) % 100);
    let id = format!("{}-peel-{year}", force.id);
    let source = format!("synthetic-report-{year}");
    let title = format!("SYNTHETIC PEEL {period}: an inspection of {}", force.name);
    // The draws below happen in this order, which keeps the output for a seed the same.
    let (judgments, leaves) = make_judgments(rng, force, five_point, &period, &source);
    let afis = make_afis(rng, afi_count, &leaves, &source);
    let causes = make_causes(rng, &leaves, &source);
    let follow_ups = match previous {
        Some(prev) => make_follow_ups(rng, prev, k, &afis, &leaves, &source),
        None => Vec::new(),
    };
    let findings = make_findings(rng, &leaves, &source);
    let figures = make_figures(rng, year, &source);
    let notes = vec![Note {
        id: "note-synthetic".into(),
        text: "SYNTHETIC This file is generated test data for benchmarks; nothing in it is real."
            .into(),
        about: vec![leaves[0].clone()],
        sources: vec![source.clone()],
    }];
    let date = format!("{}-{:02}", year + 1, 1 + rng.below(12));
    let inspection = Inspection {
        schema_version: SCHEMA_VERSION,
        synthetic: true,
        id,
        force: force.id.clone(),
        title: title.clone(),
        programme: Programme::Peel,
        period,
        published: Some(Published {
            date: date.clone(),
            basis: "SYNTHETIC generated".into(),
            source: source.clone(),
        }),
        scale: if five_point {
            GradeScale::FivePoint
        } else {
            GradeScale::FourPoint
        },
        sources: vec![Source {
            id: source.clone(),
            title,
            publisher: "SYNTHETIC (generated by inspection-tools synth)".into(),
            file: format!("synthetic-{}-{year}.txt", force.id),
            date: Some(date),
            url: None,
        }],
        judgments,
        areas_for_improvement: afis,
        causes_of_concern: causes,
        follow_ups,
        findings,
        quotes: Vec::new(),
        figures,
        most_similar_forces: Vec::new(),
        observations: None,
        notes,
        cy: Default::default(),
    };
    let afis = inspection
        .areas_for_improvement
        .iter()
        .map(|a| a.id.clone())
        .collect();
    Made { inspection, afis }
}

/// The judgments of an inspection (areas on the five-point scale, else pillars holding
/// questions), and the ids that items may sit under.
fn make_judgments(
    rng: &mut Rng,
    force: &Force,
    five_point: bool,
    period: &str,
    source: &str,
) -> (Vec<Judgment>, Vec<String>) {
    let grades: &[Grade] = if five_point {
        &[
            Grade::Outstanding,
            Grade::Good,
            Grade::Good,
            Grade::Adequate,
            Grade::Adequate,
            Grade::RequiresImprovement,
            Grade::Inadequate,
        ]
    } else {
        &[
            Grade::Outstanding,
            Grade::Good,
            Grade::Good,
            Grade::Good,
            Grade::RequiresImprovement,
            Grade::Inadequate,
        ]
    };
    let summary = |rng: &mut Rng, name: &str, g: Grade| {
        Some(format!(
            "SYNTHETIC {} is {} at {}. It should keep working on {}.",
            force.name,
            g.label().to_lowercase(),
            name.to_lowercase(),
            rng.pick(OBJECTS)
        ))
    };
    let mut judgments = Vec::new();
    let mut leaves = Vec::new();
    if five_point {
        for name in FIVE_POINT_AREAS {
            let g = *rng.pick(grades);
            let mut j = judgment(slug(name), JudgmentLevel::Area, name, g, source);
            j.summary = summary(rng, name, g);
            leaves.push(j.id.clone());
            judgments.push(j);
        }
    } else {
        for (name, question, questions) in PILLARS {
            let g = *rng.pick(grades);
            let mut p = judgment(slug(name), JudgmentLevel::Pillar, name, g, source);
            p.question = Some(question.to_string());
            p.summary = summary(rng, name, g);
            for q in *questions {
                let qg = *rng.pick(grades);
                let mut c = judgment(slug(q), JudgmentLevel::Question, q, qg, source);
                c.last_inspected = Some(period.to_string());
                c.summary = summary(rng, q, qg);
                leaves.push(c.id.clone());
                p.children.push(c);
            }
            judgments.push(p);
        }
    }
    (judgments, leaves)
}

fn make_afis(
    rng: &mut Rng,
    count: usize,
    leaves: &[String],
    source: &str,
) -> Vec<AreaForImprovement> {
    (0..count)
        .map(|n| AreaForImprovement {
            id: format!("afi-{:04}", n + 1),
            judgment: rng.pick(leaves).clone(),
            text: sentence(rng),
            parts: if rng.chance(15) {
                (0..2 + rng.below(3))
                    .map(|_| format!("SYNTHETIC {} {}", rng.pick(ACTIONS), rng.pick(OBJECTS)))
                    .collect()
            } else {
                Vec::new()
            },
            source: source.to_string(),
        })
        .collect()
}

fn make_causes(rng: &mut Rng, leaves: &[String], source: &str) -> Vec<CauseOfConcern> {
    (0..[0, 0, 0, 1, 2][rng.below(5)])
        .map(|n| CauseOfConcern {
            id: format!("cause-{}", n + 1),
            judgment: rng.pick(leaves).clone(),
            text: format!(
                "SYNTHETIC The force is not doing enough to protect {}.",
                rng.pick(OBJECTS)
            ),
            recommendations: (0..1 + rng.below(3)).map(|_| sentence(rng)).collect(),
            source: source.to_string(),
        })
        .collect()
}

/// Follow-ups of some of the previous inspection's AFIs (`prev`, this being the force's
/// `k`th inspection), and one earlier recommendation that is not in the data.
fn make_follow_ups(
    rng: &mut Rng,
    prev: &Made,
    k: usize,
    afis: &[AreaForImprovement],
    leaves: &[String],
    source: &str,
) -> Vec<FollowUp> {
    let mut follow_ups = Vec::new();
    let n = prev.afis.len().min(3 + rng.below(5));
    for i in 0..n {
        let item = &prev.afis[(i * 7 + k) % prev.afis.len()];
        let (status, status_text) = *rng.pick(STATUSES);
        let continued_by = (status == FollowUpStatus::NotMet && !afis.is_empty())
            .then(|| afis[rng.below(afis.len())].id.clone());
        follow_ups.push(FollowUp {
            id: format!("fu-{}", i + 1),
            subject: FollowUpSubject::AreaForImprovement,
            text: format!(
                "SYNTHETIC In our last inspection we said the force should improve {}.",
                rng.pick(OBJECTS)
            ),
            origin: "SYNTHETIC our last inspection".into(),
            status_text: format!("SYNTHETIC {status_text}"),
            status,
            judgment: rng.pick(leaves).clone(),
            refers_to: Some(ItemRef {
                inspection: prev.inspection.id.clone(),
                item: item.clone(),
            }),
            continued_by,
            source: source.to_string(),
        });
    }
    follow_ups.push(FollowUp {
        id: "fu-earlier-recommendation".into(),
        subject: FollowUpSubject::Recommendation,
        text: format!(
            "SYNTHETIC A national recommendation on {} applied to the force.",
            rng.pick(OBJECTS)
        ),
        origin: "SYNTHETIC a national thematic inspection".into(),
        status_text: "SYNTHETIC This is being progressed.".into(),
        status: FollowUpStatus::InProgress,
        judgment: rng.pick(leaves).clone(),
        refers_to: None,
        continued_by: None,
        source: source.to_string(),
    });
    follow_ups
}

fn make_findings(rng: &mut Rng, leaves: &[String], source: &str) -> Vec<Finding> {
    (0..3 + rng.below(4))
        .map(|n| Finding {
            id: format!("finding-{}", n + 1),
            judgment: Some(rng.pick(leaves).clone()),
            text: format!(
                "SYNTHETIC The force has made progress with {}.",
                rng.pick(OBJECTS)
            ),
            source: source.to_string(),
        })
        .collect()
}

fn make_figures(rng: &mut Rng, year: u32, source: &str) -> Vec<Figure> {
    (0..4)
        .map(|n| Figure {
            id: format!("figure-{}", n + 1),
            group: Some("SYNTHETIC Force in context".into()),
            name: format!("SYNTHETIC {} per 1,000 population", rng.pick(OBJECTS)),
            unit: Unit::Per1000,
            value: (rng.below(2000) as f64) / 10.0,
            value_label: "SYNTHETIC force rate".into(),
            comparators: vec![Comparator {
                label: "SYNTHETIC England and Wales rate".into(),
                value: (rng.below(2000) as f64) / 10.0,
                unit: None,
            }],
            period: format!("SYNTHETIC 12 months ending 31 March {}", year + 1),
            source: source.to_string(),
        })
        .collect()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth: {e}");
            return ExitCode::from(2);
        }
    };
    let mut rng = Rng(args.seed);
    let n_total = args.forces * args.inspections;
    let total_afis = args.afis.unwrap_or(30 * n_total);
    let counts = spread(total_afis, n_total, &mut rng);
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("synth: cannot create {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    let forces: Vec<Force> = (1..=args.forces)
        .map(|n| Force {
            id: format!("synthetic-force-{n:02}"),
            name: format!("SYNTHETIC Force {n:02} Police"),
        })
        .collect();
    let last_year = 2025u32;
    let mut entries = Vec::new();
    let mut written = 0usize;
    for (f, force) in forces.iter().enumerate() {
        let mut previous: Option<Made> = None;
        for k in 0..args.inspections {
            let year = last_year - 2 * (args.inspections - 1 - k) as u32;
            let afi_count = counts[f * args.inspections + k];
            let made = make_inspection(&mut rng, force, k, year, afi_count, previous.as_ref());
            let ins = &made.inspection;
            let file = format!("{}.json", ins.id);
            let text = serde_json::to_string_pretty(ins).expect("serialisable");
            if let Err(e) = std::fs::write(args.out.join(&file), text + "\n") {
                eprintln!("synth: cannot write {file}: {e}");
                return ExitCode::FAILURE;
            }
            entries.push(ManifestEntry::for_inspection(ins, &file));
            written += ins.areas_for_improvement.len();
            previous = Some(made);
        }
    }
    // Newest inspections first, as in the bundled manifest.
    entries.sort_by(|a, b| b.period.cmp(&a.period));
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        synthetic: true,
        forces,
        inspections: entries,
        lineages: Vec::new(),
        cy: Default::default(),
    };
    let text = serde_json::to_string_pretty(&manifest).expect("serialisable");
    if let Err(e) = std::fs::write(args.out.join("index.json"), text + "\n") {
        eprintln!("synth: cannot write index.json: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "synth: wrote SYNTHETIC data to {}: {} forces, {} inspections, {} areas for improvement (seed {})",
        args.out.display(),
        args.forces,
        n_total,
        written,
        args.seed
    );
    ExitCode::SUCCESS
}
