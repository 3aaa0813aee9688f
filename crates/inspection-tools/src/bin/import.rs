//! `import REPORT.txt --id ID --force FORCE [--source-file NAME] [-o OUT.json] [--strict]`:
//! turns the plain text of an inspectorate report into an inspection file.
//!
//! The JSON goes to `-o` or stdout; the account of what was placed and what could not be
//! goes to stderr. Exit 0 on success, 1 when `--strict` finds something essential missing
//! (or no file can be made from the text), 2 on a usage error or unreadable input.

use std::path::PathBuf;
use std::process::ExitCode;

use inspection_tools::import::{self, Options};

const USAGE: &str =
    "usage: import REPORT.txt --id ID --force FORCE [--source-file NAME] [-o OUT.json] [--strict]

  REPORT.txt     plain text of the report, as extracted from the PDF or web page
  --id ID        inspection id, e.g. gwent-peel-2018-19
  --force FORCE  force id as in index.json, e.g. gwent
  --source-file  file name recorded as the source (default: REPORT.txt's file name)
  -o OUT.json    write the inspection file here (default: stdout)
  --strict       exit 1 if the grades table or any areas-for-improvement list is missing";

struct Args {
    input: PathBuf,
    id: String,
    force: String,
    source_file: Option<String>,
    output: Option<PathBuf>,
    strict: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut input = None;
    let (mut id, mut force, mut source_file, mut output) = (None, None, None, None);
    let mut strict = false;
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--id" => id = Some(value("--id")?),
            "--force" => force = Some(value("--force")?),
            "--source-file" => source_file = Some(value("--source-file")?),
            "-o" | "--output" => output = Some(PathBuf::from(value("-o")?)),
            "--strict" => strict = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            s if input.is_none() => input = Some(PathBuf::from(s)),
            s => {
                return Err(format!(
                    "unexpected argument {s:?}: only one report at a time"
                ))
            }
        }
    }
    Ok(Args {
        input: input.ok_or("no report text given")?,
        id: id.ok_or("--id is required")?,
        force: force.ok_or("--force is required")?,
        source_file,
        output,
        strict,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("import: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read(&args.input) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("import: {} is not UTF-8 text ({e})", args.input.display());
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("import: cannot read {} ({e})", args.input.display());
            return ExitCode::from(2);
        }
    };
    let source_file = args.source_file.clone().unwrap_or_else(|| {
        args.input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let options = Options {
        id: args.id.clone(),
        force: args.force.clone(),
        source_file,
    };
    let imported = match import::import(&text, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("import: {e}");
            return ExitCode::from(if e.0.starts_with("invalid") { 2 } else { 1 });
        }
    };
    eprint!("{}", imported.report.render());
    let entry = import::manifest_entry(&imported.inspection, &format!("{}.json", args.id));
    eprintln!(
        "manifest entry for index.json: {}",
        serde_json::to_string(&entry).expect("manifest entry serialises")
    );
    let json =
        serde_json::to_string_pretty(&imported.inspection).expect("inspection serialises") + "\n";
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &json) {
                eprintln!("import: cannot write {} ({e})", path.display());
                return ExitCode::from(2);
            }
            eprintln!("import: wrote {}", path.display());
        }
        None => print!("{json}"),
    }
    let essential: Vec<_> = imported.report.essential().collect();
    if args.strict && !essential.is_empty() {
        eprintln!(
            "import: --strict: {} essential item(s) missing or unplaced",
            essential.len()
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
