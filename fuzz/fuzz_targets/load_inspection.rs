//! Arbitrary bytes, as text, into `validate::load_inspection`: it must return Ok or Err, never
//! panic, and every error must name the file, the JSON path and the problem.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The browser decodes responses lossily; the check tool rejects invalid UTF-8 first.
    let text = String::from_utf8_lossy(data);
    if let Err(errors) = inspection_core::validate::load_inspection("data/fuzz.json", &text) {
        assert!(!errors.is_empty());
        for e in &errors {
            assert!(
                !e.file.is_empty() && !e.path.is_empty() && !e.message.is_empty(),
                "{e:?}"
            );
        }
    }
});
