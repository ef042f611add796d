//! The sources a reader adds to the Compare tab: the same checks as Open…,
//! the workspace kept in step with the view state, and the status line.

use std::cell::Cell;

use super::*;
use crate::analysis::chunked::CHUNKED_ABOVE;

/// Add a source brought in by the same checks as Open… (`got`); `label`
/// is the name the reader typed, else the document's own title. False if
/// it was refused.
pub(super) fn add_intake(
    ctx: &ViewCtx,
    data: Shared,
    label: String,
    got: Result<Intake, IntakeError>,
) -> bool {
    match got {
        Ok(i) => {
            let label = if label.trim().is_empty() && !i.document.title_supplied {
                i.document.title
            } else {
                label
            };
            add_source(ctx, data, label, i.document.text)
        }
        Err(e) => {
            status(&format!("{e} Nothing was added."), false);
            false
        }
    }
}

/// The page `text` names, when it is one http(s) address and nothing else.
pub(super) fn address(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    match src_request(t)? {
        SrcRequest::Confirm(url) => Some(url),
        SrcRequest::Refused(_) => None,
    }
}

/// Fetch the page at `url` (only if its site allows it: CORS) and add it
/// as a source, read as Open… reads a page.
pub(super) fn add_address(ctx: &ViewCtx, data: Shared, label: String, url: String) {
    status(&format!("Fetching {url}…"), true);
    let ctx = ctx.clone();
    leptos::task::spawn_local(async move {
        let Some(body) = super::super::dom::fetch_text(&url).await else {
            status(&format!("{} Nothing was added.", not_fetched(&url)), false);
            return;
        };
        let got = intake_text(&file_name(&url), &body, &html_to_tree);
        if add_intake(&ctx, data, label, got) {
            set_prop("cmp-add-name", "value", "");
            set_prop("cmp-add-text", "value", "");
        }
    });
}

/// Why a text cannot be a source (`None`: it can).
pub(super) fn refused(body: &str) -> Option<&'static str> {
    if body.trim().is_empty() {
        Some("Paste or open a text first.")
    } else if body.len() > MAX_SOURCE {
        Some("This text is too long to compare (over 8 MB).")
    } else {
        None
    }
}

/// The workspace id of added source `s`.
pub(super) fn user_id(s: &AddedSource) -> String {
    format!("user-{}", s.id)
}

/// Add a text as a source and compare again; false if it was refused.
pub(super) fn add_source(ctx: &ViewCtx, data: Shared, label: String, body: String) -> bool {
    let Some(d) = data.get_untracked() else {
        return false;
    };
    if let Some(why) = refused(&body) {
        status(why, false);
        return false;
    }
    let n = ctx
        .sources
        .with_untracked(|s| s.iter().map(|s| s.id).max().unwrap_or(0))
        + 1;
    let label = match label.trim() {
        "" => format!("Document {n}"),
        l => l.to_string(),
    };
    if busy() {
        return false;
    }
    // Packed once, here, for the links that carry it.
    let added = AddedSource::new(n, label.clone(), &body);
    if body.len() > CHUNKED_ABOVE || long_to_compare(&d.ws) {
        // Long, or added to long documents: analysed and compared in
        // slices, with progress and Cancel.
        let job = Job::add_user_text(d.ws.clone(), &user_id(&added), &label, &body);
        let undone = format!("{label} was not added.");
        let (ctx, old) = (ctx.clone(), d.clone());
        compare_in_slices(data, d, job, label, undone, move |new| {
            added_now(&ctx, data, &old, new, added)
        });
        return true;
    }
    let mut ws = d.ws.clone();
    ws.add_user_text(&user_id(&added), &label, &body);
    added_now(ctx, data, &d, Data::new(ws), added);
    true
}

/// Show the workspace `new`, the one of `old` with the added
/// source `added`, and say so.
fn added_now(ctx: &ViewCtx, data: Shared, old: &Data, new: Arc<Data>, added: AddedSource) {
    let label = added.name.clone();
    let differ = new.cmp.counts()[0];
    data.set(Some(new));
    ctx.sources.update(|s| s.push(added));
    // A source the link that opened this view could not carry, added now.
    ctx.left_out.update(|l| l.retain(|n| *n != label));
    status(
        &format!(
            "Added {label} as source {}. {differ} claims now differ from a source.",
            old.ws.sources().len() + 1
        ),
        true,
    );
}

thread_local! {
    /// A long source is being compared ([`compare_in_slices`]).
    static JOB: Cell<bool> = const { Cell::new(false) };
    /// The reader asked to cancel it.
    static CANCEL: Cell<bool> = const { Cell::new(false) };
}

/// The reader's Cancel on the comparison under way.
pub(super) fn cancel_job() {
    CANCEL.with(|c| c.set(true));
}

/// A slice of work stops starting new steps after this many milliseconds
/// (a step is a few milliseconds): the page answers between slices.
const SLICE_MS: f64 = 4.0;

/// Whether comparing `ws` again would hold the page: its documents are
/// long (then it is compared in slices, [`compare_in_slices`]).
pub(super) fn long_to_compare(ws: &Workspace) -> bool {
    let bytes: usize = ws.sources().iter().map(|s| s.doc.text.len()).sum();
    bytes + ws.article().doc.text.len() > CHUNKED_ABOVE
}

/// Say that a comparison is already under way (one at a time); true if
/// there is one.
pub(super) fn busy() -> bool {
    let on = JOB.with(Cell::get);
    if on {
        status(
            "Another source is being compared: wait for it, or cancel it.",
            false,
        );
    }
    on
}

/// Run `job` (a change to the workspace of `old`, about the source `name`:
/// `undone` says it did not happen) a slice per turn of the event loop,
/// showing its progress and a Cancel button; the workspace shown stays
/// `old` until the job is done (then `done` shows the new one), and stays
/// so if it is cancelled or the workspace changed meanwhile.
pub(super) fn compare_in_slices(
    data: Shared,
    old: Arc<Data>,
    mut job: Job,
    name: String,
    undone: String,
    done: impl FnOnce(Arc<Data>) + 'static,
) {
    JOB.with(|j| j.set(true));
    CANCEL.with(|c| c.set(false));
    let bar = El::new("div", "job-bar cmp-job")
        .attr("id", "cmp-job")
        .attr("role", "status")
        .add(El::new("span", "cmp-job-text").attr("id", "cmp-job-text"))
        .add(
            El::new("progress", "")
                .attr("id", "cmp-job-progress")
                .attr("max", "100")
                .attr("value", "0")
                .attr("aria-label", "Comparison progress"),
        )
        .add(
            El::new("button", "link-button job-cancel")
                .attr("type", "button")
                .attr("data-act", "cancel-job")
                .text("Cancel"),
        );
    if let Some(panel) = find_html("cmp-shell") {
        let _ = panel.append_with_node_1(&bar.0);
    }
    let show = move |job: &Job| {
        let p = job.percent();
        let doing = if job.analysing() {
            "Analysing"
        } else {
            "Comparing"
        };
        set_text("cmp-job-text", &format!("{doing} “{name}”… {p} %"));
        set_prop("cmp-job-progress", "value", &p.to_string());
    };
    show(&job);
    leptos::task::spawn_local(async move {
        let now = || js_sys::Date::now();
        let finished = loop {
            crate::ui::dom::next_turn().await;
            // Cancelled, or the viewer was closed (its bar went with it).
            if CANCEL.with(Cell::get) || find_html("cmp-job").is_none() {
                break false;
            }
            let t0 = now();
            let mut finished = false;
            while !finished && now() - t0 < SLICE_MS {
                finished = job.step();
            }
            show(&job);
            if finished {
                break true;
            }
        };
        JOB.with(|j| j.set(false));
        if let Some(bar) = find_html("cmp-job") {
            bar.remove();
        }
        let same = data
            .try_get_untracked()
            .flatten()
            .is_some_and(|d| Arc::ptr_eq(&d, &old));
        if !finished {
            drop(job.cancel());
            status(&format!("Cancelled: {undone}"), true);
        } else if !same {
            status(&format!("The sources changed meanwhile: {undone}"), false);
        } else {
            let (ws, cmp) = job.finish();
            done(Arc::new(Data { ws, cmp }));
        }
    });
}

/// Compare again when the added sources the view holds are not those of
/// the comparison shown (a link's, or back / forward): the workspace
/// `base` (the article and its pack) with each of them, checked as
/// "Add a source" checks what the reader adds.
pub(super) fn follow_sources(ctx: &ViewCtx, data: Shared, base: &Workspace) {
    let want = ctx.sources.get_untracked();
    if let Some(d) = data.get_untracked() {
        let have: Vec<&crate::analysis::compare::Source> =
            d.ws.sources()
                .iter()
                .filter(|s| s.meta.kind == DocKind::UserDocument)
                .collect();
        let same = have.len() == want.len()
            && have
                .iter()
                .zip(&want)
                .all(|(h, w)| h.meta.id == user_id(w) && h.doc.text == *w.text);
        if same {
            return;
        }
    }
    let mut ws = base.clone();
    let mut kept = Vec::new();
    for s in want.iter() {
        match refused(&s.text) {
            None => {
                ws.add_user_text(&user_id(s), &s.name, &s.text);
                kept.push(s.clone());
            }
            Some(why) => ctx.notices.update(|n| {
                n.push(format!(
                    "The source {} in the link was not added: {why}",
                    s.name
                ))
            }),
        }
    }
    data.set(Some(Data::new(ws)));
    if kept.len() != want.len() {
        ctx.sources.set(kept);
    }
}

/// Make the added source `j` of `ws` (an index into its sources) the base,
/// the article shown becoming a source in its place; `None`: remove the
/// article shown, the first added source taking its place. The workspace
/// opens anew as a link to it would ([`rebase`]).
pub(super) fn make_base(ctx: &ViewCtx, ws: &Workspace, j: Option<usize>) {
    let added = ctx.sources.get_untracked();
    let chosen = match j {
        Some(j) => {
            let id = &ws.source(j).meta.id;
            added.iter().position(|s| user_id(s) == *id)
        }
        None => (!added.is_empty()).then_some(0),
    };
    let Some(chosen) = chosen else { return };
    let doc = &ctx.doc;
    let base = WorkDoc {
        name: doc.title.clone(),
        text: doc.text.clone(),
        packed: match &*ctx.link_doc {
            LinkDoc::Packed(p) => Some(p.clone()),
            LinkDoc::Bundled => pack_source(&doc.text),
            LinkDoc::TooLong(_) => None,
        },
    };
    let docs: Vec<WorkDoc> = added
        .iter()
        .map(|s| WorkDoc {
            name: s.name.clone(),
            text: s.text.to_string(),
            packed: s.packed.as_deref().map(str::to_string),
        })
        .collect();
    let view = ViewState {
        hidden: ctx.hidden.get_untracked(),
        order: ctx.order.get_untracked(),
        all_claims: ctx.all_claims.get_untracked(),
        badges: ctx.badges.get_untracked(),
        embed: ctx.embed,
        left_out: ctx.left_out.get_untracked(),
        ..ViewState::default()
    };
    if let Some(o) = rebase(&base, &docs, chosen, j.is_some(), view) {
        status(&format!("Opening {}…", o.doc.title), true);
        dispatch_soon(open_rebased(o, js_sys::Date::now() as u64));
    }
}
