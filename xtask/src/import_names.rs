//! Short names for the functions a wasm module imports from its wasm-bindgen glue.
//!
//! wasm-bindgen names each import after the Rust item and a hash (`__wbg_add_4d98ab24527a15bd`),
//! and the names appear twice, in the wasm's import section and as the keys of the glue's
//! import object. The app imports about two hundred: some 10 KB of each file, the hashes
//! incompressible, about 4 KB transferred in all. Here each import of the glue's own module
//! is given a short name (`a`, `b`, … `ba`, …) in both files at once. A name the glue does not
//! hold exactly once, as a whole word, is left as it is, so a glue whose shape changes is at
//! worst not shortened, never broken.

use anyhow::Context;
use std::collections::HashMap;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

/// `wasm` and its glue `js` with the imports from `module` (wasm-bindgen's own,
/// `./<stem>_bg.js`) renamed in both.
pub fn shorten(wasm: &[u8], js: &str, module: &str) -> anyhow::Result<(Vec<u8>, String)> {
    let mut names = HashMap::new();
    let mut out = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.context("the wasm cannot be read")?;
        if let wasmparser::Payload::ImportSection(reader) = &payload {
            let mut imports = wasm_encoder::ImportSection::new();
            for import in reader.clone().into_imports() {
                let import = import?;
                let mut name = import.name.to_owned();
                if import.module == module && word_count(js, import.name) == 1 {
                    name = short(names.len());
                    names.insert(import.name.to_owned(), name.clone());
                }
                let ty = RoundtripReencoder.entity_type(import.ty)?;
                imports.import(import.module, &name, ty);
            }
            out.section(&imports);
        } else if let Some((id, range)) = payload.as_section() {
            out.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
        }
    }
    Ok((out.finish(), rename_words(js, &names)))
}

/// The `n`th short name: `a` to `z`, `A` to `Z`, then two letters and more.
fn short(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = String::new();
    loop {
        name.push(char::from(LETTERS[n % LETTERS.len()]));
        n /= LETTERS.len();
        if n == 0 {
            return name;
        }
        n -= 1;
    }
}

/// Whether `c` can be part of a JavaScript name.
fn in_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The words of `js`: its maximal runs of name characters, with their byte offsets.
fn words(js: &str) -> impl Iterator<Item = (usize, &str)> {
    js.split(|c| !in_word(c)).scan(0, |at, word| {
        let start = *at;
        *at += word.len() + 1;
        Some((start, word))
    })
}

fn word_count(js: &str, name: &str) -> usize {
    words(js).filter(|(_, word)| *word == name).count()
}

/// `js` with every word that `names` holds replaced by its new name.
fn rename_words(js: &str, names: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(js.len());
    let mut copied = 0;
    for (start, word) in words(js) {
        if let Some(new) = names.get(word) {
            out.push_str(&js[copied..start]);
            out.push_str(new);
            copied = start + word.len();
        }
    }
    out.push_str(&js[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_and_short() {
        let names: Vec<String> = (0..3000).map(short).collect();
        assert_eq!((names[0].as_str(), names[51].as_str(), names[52].as_str()), ("a", "Z", "aa"));
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names.iter().all(|n| n.len() <= 3));
    }

    #[test]
    fn only_whole_words_are_renamed() {
        let names = HashMap::from([("__wbg_add_1".to_owned(), "a".to_owned())]);
        let js = "x={__wbg_add_1:function(){}};y.__wbg_add_10;'__wbg_add_1'";
        assert_eq!(rename_words(js, &names), "x={a:function(){}};y.__wbg_add_10;'a'");
        assert_eq!(word_count(js, "__wbg_add_1"), 2);
    }

    #[test]
    fn the_wasm_and_its_glue_are_renamed_together() -> anyhow::Result<()> {
        let wasm = module_importing(&[
            ("./m_bg.js", "__wbg_log_ab12"),
            ("./m_bg.js", "__wbg_twice"),
            ("env", "keep"),
        ]);
        let js = "const i={__wbg_log_ab12:function(){},__wbg_twice:1};i.__wbg_twice;";
        let (wasm, js) = shorten(&wasm, js, "./m_bg.js")?;
        assert_eq!(js, "const i={a:function(){},__wbg_twice:1};i.__wbg_twice;");
        let mut imported = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let wasmparser::Payload::ImportSection(reader) = payload? {
                for import in reader.into_imports() {
                    let import = import?;
                    imported.push(format!("{} {}", import.module, import.name));
                }
            }
        }
        assert_eq!(imported, ["./m_bg.js a", "./m_bg.js __wbg_twice", "env keep"]);
        wasmparser::validate(&wasm)?;
        Ok(())
    }

    /// A module importing one function `() -> ()` under each (module, name), and calling
    /// none of them.
    fn module_importing(imports: &[(&str, &str)]) -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut section = wasm_encoder::ImportSection::new();
        for (from, name) in imports {
            section.import(from, name, wasm_encoder::EntityType::Function(0));
        }
        module.section(&section);
        module.finish()
    }
}
