//! Light and dark schemes: follow `prefers-color-scheme` by default, with a
//! toggle that cycles auto → light → dark and is remembered in this browser.
//!
//! The choice is written to `<html data-theme="…">`; `style/main.css` reads
//! it (and the media query when it is absent).

use leptos::prelude::*;

const STORAGE_KEY: &str = "claimlens.theme";

/// The user's scheme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the operating system.
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_key(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Theme: auto",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn apply(theme: Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Theme::Auto => root.remove_attribute("data-theme"),
        t => root.set_attribute("data-theme", t.key()),
    };
}

/// A button that cycles the colour scheme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let saved = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|k| Theme::from_key(&k))
        .unwrap_or(Theme::Auto);
    let (theme, set_theme) = signal(saved);
    Effect::new(move |_| {
        let t = theme.get();
        apply(t);
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, t.key());
        }
    });
    view! {
        <button
            type="button"
            class="theme-toggle"
            title="Switch between automatic, light and dark colours"
            data-theme-choice=move || theme.get().key()
            on:click=move |_| set_theme.update(|t| *t = t.next())
        >
            <span class="theme-icon" aria-hidden="true"></span>
            {move || theme.get().label()}
        </button>
    }
}
