//! Code that the first page does not need, loaded when the reader first
//! asks for it.
//!
//! A function declared with [`split_fn!`](crate::split_fn) becomes `async`. In the browser
//! build (`--features split`, set by `scripts/build-wasm`) it is a split
//! point: `wasm-split` moves it, and whatever only it reaches, into its own
//! `.wasm` chunk beside the main one, fetched the first time it is called,
//! sharing the main module's memory, Leptos runtime and signals. In every
//! other build (native, the wasm component tests) it is an ordinary
//! `async fn` that runs at once.
//!
//! The chunks, by name: `compare` (the Compare tab: engine, reference pack,
//! JSON-LD), `engine` (entities and claims, for any document but the
//! bundled article: [`super::engine`]), `claims` (the Claims tab), `intake` (the Open… panel, dropped
//! files, `?src=`, recent documents), `annotations` (Import… and Export:
//! Web Annotations, displaCy), `pack` (the DEFLATE packer for documents
//! carried in links) and `long` (analysis in pieces for long documents).

/// A chunk that could not be loaded: the app is offline without its
/// service worker's cache, or claimlens was updated on the server since this
/// page opened. The page stays usable; the feature says why it is missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailed;

impl std::fmt::Display for LoadFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "This part of claimlens could not be loaded: you may be offline, or claimlens was updated since this page opened. Reload the page to try again.",
        )
    }
}

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Declare a function loaded from the named wasm chunk (see the module
/// docs). Arguments and result are passed by value; no generics, no
/// `impl Trait`. The declared function returns `Result<T, LoadFailed>`
/// where the body gives `T`: a chunk that cannot be fetched is an error the
/// caller shows, never a crash of the page.
///
/// ```ignore
/// split_fn! {
///     /// The Compare tab.
///     compare, pub fn compare_panel_view() -> AnyView { view! { <ComparePanel/> }.into_any() }
/// }
/// // … later, in async code:
/// let view = compare_panel_view().await?;
/// ```
#[macro_export]
macro_rules! split_fn {
    (
        $(#[$meta:meta])*
        $chunk:ident, $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) $body:block
    ) => {
        $crate::split_fn! {
            $(#[$meta])*
            $chunk, $vis fn $name($($arg: $ty),*) -> () $body
        }
    };
    (
        $(#[$meta:meta])*
        $chunk:ident, $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty $body:block
    ) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::lazy::LoadFailed> {
            // In a closure: a `return` in the body leaves the body.
            #[allow(clippy::redundant_closure_call)]
            ::core::result::Result::Ok((move || -> $ret { $body })())
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::lazy::LoadFailed> {
            // In a closure: a `return` in the body leaves the body.
            #[allow(clippy::redundant_closure_call)]
            ::core::result::Result::Ok((move || -> $ret { $body })())
        }
    };
}

/// Run a split function's future for its effect; a chunk that could not be
/// loaded is said in the open viewer's notices (or, before any viewer is
/// open, the sample article opens with it: the application core's
/// [`Event::Failed`](crate::analysis::app::Event::Failed)).
///
/// Uses `wasm_bindgen_futures::spawn_local`, not Leptos' executor: at start
/// nothing has been mounted yet, so Leptos' executor is not set up.
pub fn run(fut: impl std::future::Future<Output = Result<(), LoadFailed>> + 'static) {
    run_boxed(None, Box::pin(fut));
}

/// [`run`] for the application core's request `ticket`: a chunk that could
/// not be loaded fails that request.
pub fn run_for(
    ticket: crate::analysis::app::Ticket,
    fut: impl std::future::Future<Output = Result<(), LoadFailed>> + 'static,
) {
    run_boxed(Some(ticket), Box::pin(fut));
}

/// One copy of the task for every caller of [`run`] and [`run_for`] (not
/// one per future type).
fn run_boxed(
    ticket: Option<crate::analysis::app::Ticket>,
    fut: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), LoadFailed>>>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = fut.await {
            super::events::dispatch(crate::analysis::app::Event::Failed {
                ticket,
                message: e.to_string(),
            });
        }
    });
}

/// A view from a chunk, with "Loading…" in its place until the chunk has
/// arrived (a slow network must not show an empty panel), or the message
/// when it could not be loaded.
pub fn lazy_view(
    fut: impl std::future::Future<Output = Result<leptos::prelude::AnyView, LoadFailed>>
        + Send
        + 'static,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let done = RwSignal::new(false);
    view! {
        <p class="loading" role="status" hidden=move || done.get()>"Loading…"</p>
        {Suspend::new(async move {
            let v = view_or_message(fut).await;
            done.set(true);
            v
        })}
    }
}

/// The view a split function returns, or a message in its place when its
/// chunk could not be loaded.
async fn view_or_message(
    fut: impl std::future::Future<Output = Result<leptos::prelude::AnyView, LoadFailed>>,
) -> leptos::prelude::AnyView {
    match fut.await {
        Ok(v) => v,
        Err(e) => message(e),
    }
}

/// What stands in for a view whose chunk could not be loaded (one copy,
/// not one per call site of the generic [`view_or_message`]).
#[inline(never)]
fn message(e: LoadFailed) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    view! { <p class="load-failed" role="alert">{e.to_string()}</p> }.into_any()
}
