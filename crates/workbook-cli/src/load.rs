//! Reading a content folder from disk into [`Sources`].

use std::fs;
use std::path::Path;

use workbook_core::Sources;

/// Folders deeper than this are not read; a content folder is flat or one level deep.
const MAX_DEPTH: usize = 4;

/// Reads every markdown file and interface text (`.ftl`) under `dir`, by its path relative to `dir` with `/` separators.
/// Hidden files and folders are skipped. Oversized files are passed on whole: the core reports
/// them without parsing them.
pub fn content_folder(dir: &Path) -> Result<Sources, String> {
    if !dir.is_dir() {
        return Err(format!(
            "`{}` is not a folder; give the content folder, such as `workbook check content`",
            dir.display()
        ));
    }
    let mut sources = Sources::new();
    read_into(dir, "", 0, &mut sources)?;
    Ok(sources)
}

fn read_into(dir: &Path, prefix: &str, depth: usize, sources: &mut Sources) -> Result<(), String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("could not read `{}`: {e}", dir.display()))?;
    let mut entries: Vec<_> = entries
        .collect::<Result<_, _>>()
        .map_err(|e| format!("could not read `{}`: {e}", dir.display()))?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        if path.is_dir() {
            if depth < MAX_DEPTH {
                read_into(&path, &format!("{relative}/"), depth + 1, sources)?;
            }
        } else if name.ends_with(".md") || name.ends_with(".ftl") {
            let bytes =
                fs::read(&path).map_err(|e| format!("could not read `{}`: {e}", path.display()))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                format!(
                    "`{}` is not UTF-8 text; save it as UTF-8 in your editor and try again",
                    path.display()
                )
            })?;
            sources.insert(relative, text);
        }
    }
    Ok(())
}
