//! The open viewer's place in the browser's history: which changes of the
//! view get a history entry of their own and which replace the current one.
//!
//! A pinned entity, a selected claim, a tab and the highlighted passages
//! are places the reader may go back to: changing one writes a new entry.
//! Filters, labels and added sources are not: they replace the entry. The
//! first address a viewer writes gets its own entry when the reader opened
//! the document (back returns to the one before), and replaces the current
//! one when a link opened it (back leaves the page as before). A view the
//! address already names is not written again, nor the untouched default
//! view of a page opened without a fragment (its address stays bare).

use crate::share::Tab;

/// What makes a view one to go back to (the rest of the view state only
/// replaces the history entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The pinned entity, by its index in the analysis.
    pub pinned: Option<usize>,
    /// The selected claim, by its index in the analysis.
    pub claim: Option<usize>,
    /// The open tab.
    pub tab: Tab,
    /// How many passages are highlighted.
    pub passages: usize,
}

/// The open viewer's view, as the address bar should name it: told by the
/// shell when the viewer opens and on every change of its view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewed {
    /// Where the view stands.
    pub place: Place,
    /// The fragment (without `#`) that names the view.
    pub link: String,
    /// The fragment the address has now.
    pub here: String,
    /// True when the view is the default view of the bundled article
    /// (read only when `here` is empty: the shell need not work it out
    /// otherwise).
    pub pristine: bool,
}

/// The open viewer's history, between its views.
#[derive(Debug, Default)]
pub(super) struct History {
    /// True when the viewer's first address gets its own entry.
    push_first: bool,
    /// Where the view stood when last told.
    last: Option<Place>,
}

impl History {
    /// A freshly mounted viewer's: `push_first` when the reader opened its
    /// document (not a link).
    pub(super) fn new(push_first: bool) -> Self {
        History {
            push_first,
            last: None,
        }
    }

    /// The address to write for `viewed`, if any, and whether as a new
    /// entry (`true`) or in place of the current one.
    pub(super) fn write(&mut self, viewed: Viewed) -> Option<(String, bool)> {
        let push = match self.last.replace(viewed.place) {
            Some(last) => last != viewed.place,
            None => self.push_first,
        };
        let untouched = viewed.here.is_empty() && viewed.pristine;
        (viewed.link != viewed.here && !untouched).then_some((viewed.link, push))
    }
}
