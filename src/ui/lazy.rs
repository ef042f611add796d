//! Code that the first page does not need, loaded when the reader first
//! asks for it.
//!
//! A function declared with [`split_fn!`] becomes `async`. In the browser
//! build (`--features split`, set by `scripts/build-wasm`) it is a split
//! point: `wasm-split` moves it, and whatever only it reaches, into its own
//! `.wasm` chunk beside the main one, fetched the first time it is called,
//! sharing the main module's memory, Leptos runtime and signals. In every
//! other build (native, the wasm component tests) it is an ordinary
//! `async fn` that runs at once.
//!
//! The chunks, by name: `compare` (the Compare tab: engine, reference pack,
//! JSON-LD), `claims` (the Claims tab), `intake` (the Open… panel, dropped
//! files, `?src=`, recent documents), `annotations` (Import… and Export:
//! Web Annotations, displaCy), `pack` (the DEFLATE packer for documents
//! carried in links) and `long` (analysis in pieces for long documents).

/// Declare a function loaded from the named wasm chunk (see the module
/// docs). Arguments and result are passed by value; no generics, no
/// `impl Trait`.
///
/// ```ignore
/// split_fn! {
///     /// The Compare tab.
///     compare, pub fn compare_panel_view() -> AnyView { view! { <ComparePanel/> }.into_any() }
/// }
/// // … later, in async code:
/// let view = compare_panel_view().await;
/// ```
#[macro_export]
macro_rules! split_fn {
    (
        $(#[$meta:meta])*
        $chunk:ident, $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block
    ) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) $(-> $ret)? $body

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) $(-> $ret)? $body
    };
}
